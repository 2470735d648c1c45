package io.claimguard.sample;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The HTML pages: {@code GET /customers} (list), {@code /customers/search?q=}, {@code /customers/ID}
 * (detail), {@code /customers/ID/edit} (a form with every column), and {@code POST /customers/ID},
 * which saves the whole row from the form and redirects (303) to the detail page.
 */
public final class CustomerPagesServlet extends CustomerServlet {
    private static final long serialVersionUID = 1L;

    @Override
    void handle(String method, CustomerPath path, HttpServletRequest request, HttpServletResponse response)
            throws IOException, SQLException {
        if (path.kind() == CustomerPath.Kind.UNKNOWN) {
            notFound(request, response);
        } else if (method.equals("GET")) {
            get(path, request, response);
        } else if (method.equals("POST") && path.kind() == CustomerPath.Kind.ONE) {
            save(path.id(), request, response);
        } else {
            methodNotAllowed(request, response);
        }
    }

    private void get(CustomerPath path, HttpServletRequest request, HttpServletResponse response)
            throws IOException, SQLException {
        switch (path.kind()) {
            case LIST -> list(request, response, "Customers", dao().all(), " customers");
            case SEARCH -> {
                String q = request.getParameter("q") == null ? "" : request.getParameter("q");
                list(request, response, "Search: " + q, dao().search(q), " found");
            }
            default -> {
                Optional<Customer> found = dao().find(path.id());
                if (found.isEmpty()) {
                    notFound(request, response);
                    return;
                }
                Customer customer = found.get();
                if (path.kind() == CustomerPath.Kind.EDIT) {
                    Pages.send(request, response, HttpServletResponse.SC_OK, "Edit " + customer.name(),
                            Pages.editForm(request, customer));
                } else {
                    String edit = Pages.detailPath(request, customer.id()) + "/edit";
                    Pages.send(request, response, HttpServletResponse.SC_OK, customer.name(),
                            Pages.table(request, List.of(customer)) + "<p class=\"actions\"><a class=\"button\" id=\"edit\" href=\""
                                    + Pages.escape(edit) + "\">Edit</a></p>\n");
                }
            }
        }
    }

    private static void list(HttpServletRequest request, HttpServletResponse response, String title,
                             List<Customer> customers, String counted) throws IOException {
        Pages.send(request, response, HttpServletResponse.SC_OK, title,
                "<p class=\"count\">" + customers.size() + counted + "</p>\n" + Pages.table(request, customers));
    }

    private void save(int id, HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        request.setCharacterEncoding("UTF-8");
        if (dao().update(Customer.fromText(id, column -> request.getParameter(column.key)))) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", Pages.detailPath(request, id));
        } else {
            notFound(request, response);
        }
    }

    @Override
    void fail(HttpServletRequest request, HttpServletResponse response, int status, String message) throws IOException {
        Pages.send(request, response, status, "Error " + status, "<p id=\"error\">" + Pages.escape(message) + "</p>\n");
    }
}
