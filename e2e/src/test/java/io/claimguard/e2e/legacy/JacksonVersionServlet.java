package io.claimguard.e2e.legacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ServiceLoader;

/**
 * A legacy application's servlet, deployed by the end-to-end test in a WAR of its own with an older
 * Jackson and claimguard-all side by side in WEB-INF/lib: it answers with the version of the Jackson
 * it was linked against and one e-mail address read through the ClaimGuard driver, as JSON written
 * by that Jackson. It uses only API that Jackson 2.12 has.
 */
public final class JacksonVersionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String URL = "jdbc:claimguard:h2:mem:legacy;DB_CLOSE_DELAY=-1;"
            + "INIT=CREATE TABLE IF NOT EXISTS contacts(id INT PRIMARY KEY, email VARCHAR(100))\\;"
            + "MERGE INTO contacts KEY(id) VALUES (1, 'jane.doe@example.com')";

    @Override
    public void init() {
        // Some containers keep DriverManager from seeing drivers in WEB-INF/lib until they are loaded.
        ServiceLoader.load(Driver.class, getClass().getClassLoader()).forEach(driver -> { });
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode body = mapper.createObjectNode();
        body.put("jackson", PackageVersion.VERSION.toString());
        body.put("user", request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName());
        try (Connection connection = DriverManager.getConnection(URL, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT email FROM contacts WHERE id = 1")) {
            row.next();
            body.put("email", row.getString(1));
        } catch (SQLException e) {
            throw new IOException("query failed with SQLState " + e.getSQLState(), e);
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getWriter(), body);
    }
}
