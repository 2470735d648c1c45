<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html>
<head><title>Owners</title></head>
<body>
<p>Signed in as <span id="whoami"><c:out value="${user}"/></span></p>
<table id="owners">
  <tr><th>Id</th><th>First name</th><th>Last name</th><th>Address</th><th>City</th><th>Email</th><th>Phone</th><th>Card on file</th></tr>
  <c:forEach items="${owners}" var="owner">
  <tr data-id="${owner.id}"><td class="id"><a href="${pageContext.request.contextPath}/owners/${owner.id}">${owner.id}</a></td><td class="firstName"><c:out value="${owner.firstName}"/></td><td class="lastName"><c:out value="${owner.lastName}"/></td><td class="address"><c:out value="${owner.address}"/></td><td class="city"><c:out value="${owner.city}"/></td><td class="email"><c:out value="${owner.email}"/></td><td class="phone"><c:out value="${owner.phone}"/></td><td class="cardNumber"><c:out value="${owner.cardNumber}"/></td></tr>
  </c:forEach>
</table>
</body>
</html>
