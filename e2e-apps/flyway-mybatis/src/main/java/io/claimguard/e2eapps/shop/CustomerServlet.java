package io.claimguard.e2eapps.shop;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shop's customer pages, one servlet for {@code /customers} and everything below it:
 * <pre>
 * GET  /customers                  every customer
 * GET  /customers/{id}             one customer
 * GET  /customers/{id}/edit        the profile form
 * POST /customers/{id}             save the profile: every field of the form
 * GET  /customers/{id}/orders      the customer's orders, and the checkout form
 * POST /customers/{id}/orders      place an order: item, quantity, the card number typed in
 * </pre>
 */
public class CustomerServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CustomerServlet.class);
    private static final Pattern PATH = Pattern.compile("/?|/(\\d+)(/edit|/orders)?");

    private transient SqlSessionFactory sessions;

    @Override
    public void init() throws ServletException {
        sessions = (SqlSessionFactory) getServletContext().getAttribute(ShopStartup.SESSIONS);
        if (sessions == null) {
            throw new ServletException("the shop did not start");
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = path(request, response);
        if (path == null) {
            return;
        }
        try (SqlSession session = sessions.openSession()) {
            if (path.group(1) == null) {
                List<Customer> customers = session.selectList("shop.customers.all");
                send(response, Html.page("Customers", user(request), customerTable(customers)));
                return;
            }
            int id = Integer.parseInt(path.group(1));
            Customer customer = session.selectOne("shop.customers.byId", id);
            if (customer == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            String part = path.group(2);
            if (part == null) {
                send(response, Html.page(customer.getName(), user(request), customerTable(List.of(customer))));
            } else if (part.equals("/edit")) {
                send(response, Html.page("Profile of " + customer.getName(), user(request), profileForm(request, customer)));
            } else {
                List<Order> orders = session.selectList("shop.orders.ofCustomer", id);
                send(response, Html.page("Orders of " + customer.getName(), user(request), orderTable(orders) + checkoutForm(request, id)));
            }
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        Matcher path = path(request, response);
        if (path == null) {
            return;
        }
        if (path.group(1) == null || "/edit".equals(path.group(2))) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        int id = Integer.parseInt(path.group(1));
        try (SqlSession session = sessions.openSession()) {
            if (path.group(2) == null) {
                Customer customer = new Customer();
                customer.setId(id);
                customer.setName(field(request, "name"));
                customer.setEmail(field(request, "email"));
                customer.setPhone(field(request, "phone"));
                customer.setCity(field(request, "city"));
                customer.setLoyaltyTier(field(request, "loyalty_tier"));
                session.update("shop.customers.update", customer);
                session.commit();
                LOG.info("profile {} saved", id);
                redirect(request, response, "/customers/" + id);
            } else {
                Order order = new Order();
                order.setCustomerId(id);
                order.setItem(field(request, "item"));
                order.setQuantity(Integer.valueOf(field(request, "quantity")));
                order.setCardNumber(field(request, "card_number"));
                session.insert("shop.orders.insert", order);
                session.commit();
                LOG.info("order {} placed for customer {}", order.getId(), id);
                redirect(request, response, "/customers/" + id + "/orders");
            }
        }
    }

    private static Matcher path(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        Matcher path = PATH.matcher(info);
        if (!path.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return null;
        }
        return path;
    }

    private static String customerTable(List<Customer> customers) {
        StringBuilder html = new StringBuilder("<table id=\"customers\">\n<tr><th>Id</th><th>Name</th><th>Email</th><th>Phone</th><th>City</th><th>Tier</th></tr>\n");
        for (Customer c : customers) {
            html.append("<tr data-id=\"").append(c.getId()).append("\">")
                    .append(cell("id", c.getId())).append(cell("name", c.getName())).append(cell("email", c.getEmail()))
                    .append(cell("phone", c.getPhone())).append(cell("city", c.getCity())).append(cell("loyalty_tier", c.getLoyaltyTier()))
                    .append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private static String orderTable(List<Order> orders) {
        StringBuilder html = new StringBuilder("<table id=\"orders\">\n<tr><th>Order</th><th>Item</th><th>Quantity</th><th>Card</th></tr>\n");
        for (Order o : orders) {
            html.append("<tr data-id=\"").append(o.getId()).append("\">")
                    .append(cell("id", o.getId())).append(cell("item", o.getItem())).append(cell("quantity", o.getQuantity()))
                    .append(cell("card_number", o.getCardNumber())).append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private static String profileForm(HttpServletRequest request, Customer c) {
        return "<form method=\"post\" action=\"" + request.getContextPath() + "/customers/" + c.getId() + "\">\n"
                + input("name", c.getName()) + input("email", c.getEmail()) + input("phone", c.getPhone())
                + input("city", c.getCity()) + input("loyalty_tier", c.getLoyaltyTier())
                + "<button type=\"submit\">Save</button>\n</form>\n";
    }

    private static String checkoutForm(HttpServletRequest request, int id) {
        return "<form method=\"post\" action=\"" + request.getContextPath() + "/customers/" + id + "/orders\">\n"
                + input("item", null) + input("quantity", "1") + input("card_number", null)
                + "<button type=\"submit\">Place order</button>\n</form>\n";
    }

    private static String cell(String column, Object value) {
        return "<td class=\"" + column + "\">" + Html.escape(value) + "</td>";
    }

    private static String input(String name, String value) {
        return "<label>" + name + " <input id=\"" + name + "\" name=\"" + name + "\" value=\"" + Html.escape(value) + "\"></label>\n";
    }

    /** A form field; an empty one is no value (NULL). */
    private static String field(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String user(HttpServletRequest request) {
        return request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String path) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + path);
    }

    private static void send(HttpServletResponse response, String html) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(html);
    }
}
