package io.claimguard.sample;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the HTML pages and the JSON API share: the path, the DAO, and how failures become
 * responses. A statement the database refuses for lack of privilege (SQLState 42501) is 403;
 * other database errors are 500. Neither response repeats the database's message, which can
 * quote values.
 */
abstract class CustomerServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CustomerServlet.class);
    static final String NOT_PERMITTED = "42501";

    private transient CustomerDao dao;

    @Override
    public void init() {
        dao = SupportApplication.dao(getServletContext());
    }

    CustomerDao dao() {
        return dao;
    }

    @Override
    protected final void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            handle(request.getMethod(), CustomerPath.parse(request.getPathInfo()), request, response);
        } catch (InvalidInputException e) {
            fail(request, response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        } catch (SQLException e) {
            if (NOT_PERMITTED.equals(e.getSQLState())) {
                LOG.warn("{} {} refused by the database: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
                fail(request, response, HttpServletResponse.SC_FORBIDDEN, "The database refused this request.");
            } else {
                LOG.error("{} {} failed: SQLState {}", request.getMethod(), request.getRequestURI(), e.getSQLState(), e);
                fail(request, response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "The database failed.");
            }
        }
    }

    /** Answers one request; a submission that cannot be saved throws InvalidInputException. */
    abstract void handle(String method, CustomerPath path, HttpServletRequest request, HttpServletResponse response)
            throws IOException, SQLException;

    abstract void fail(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException;

    void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        fail(request, response, HttpServletResponse.SC_NOT_FOUND, "No such customer or page.");
    }

    void methodNotAllowed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        fail(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, request.getMethod() + " is not supported here.");
    }
}
