<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html>
<head><title>Edit owner</title></head>
<body>
<p>Signed in as <span id="whoami"><c:out value="${user}"/></span></p>
<form method="post" action="${pageContext.request.contextPath}/owners/${owner.id}">
  <label>First name <input id="firstName" name="firstName" value="<c:out value='${owner.firstName}'/>"></label>
  <label>Last name <input id="lastName" name="lastName" value="<c:out value='${owner.lastName}'/>"></label>
  <label>Address <input id="address" name="address" value="<c:out value='${owner.address}'/>"></label>
  <label>City <input id="city" name="city" value="<c:out value='${owner.city}'/>"></label>
  <label>Email <input id="email" name="email" value="<c:out value='${owner.email}'/>"></label>
  <label>Phone <input id="phone" name="phone" value="<c:out value='${owner.phone}'/>"></label>
  <label>Card on file <input id="cardNumber" name="cardNumber" value="<c:out value='${owner.cardNumber}'/>"></label>
  <button type="submit">Save</button>
</form>
</body>
</html>
