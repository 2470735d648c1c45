package io.claimguard.e2eapps.club;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.servlet.ServletContext;
import javax.servlet.ServletContextEvent;
import javax.servlet.ServletContextListener;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up, as the club has always done it: connections from the container's DataSource
 * {@value #DATA_SOURCE} when there is one, otherwise from DriverManager with the driver class
 * loaded by name and the URL of the {@code db.*} context-params; then the schema and the seed
 * members, written through one of those connections. The connection source is kept in the servlet
 * context for the servlets.
 */
public class ClubStartup implements ServletContextListener {

    static final String CONNECTIONS = "club.connections";
    static final String DATA_SOURCE = "java:comp/env/jdbc/club";
    private static final Logger LOG = LoggerFactory.getLogger(ClubStartup.class);

    /** Where connections come from. */
    interface Connections {
        Connection open() throws SQLException;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Connections connections = connections(context);
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            int statements = 0;
            for (String script : new String[] {"/db/schema.sql", "/db/data.sql"}) {
                for (String sql : statements(read(script))) {
                    statement.execute(sql);
                    statements++;
                }
            }
            LOG.info("schema and seed data: {} statements", statements);
        } catch (SQLException e) {
            throw new IllegalStateException("the club's database did not start: " + e.getMessage(), e);
        }
        context.setAttribute(CONNECTIONS, connections);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        event.getServletContext().removeAttribute(CONNECTIONS);
        LOG.info("club stopped");
    }

    private static Connections connections(ServletContext context) {
        try {
            DataSource dataSource = (DataSource) new InitialContext().lookup(DATA_SOURCE);
            LOG.info("database: the container's DataSource {}", DATA_SOURCE);
            return dataSource::getConnection;
        } catch (NamingException none) {
            // No container DataSource: the application's own settings.
        }
        String driver = context.getInitParameter("db.driver");
        String url = context.getInitParameter("db.url");
        String user = context.getInitParameter("db.user");
        String password = context.getInitParameter("db.password");
        try {
            Class.forName(driver);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no JDBC driver " + driver, e);
        }
        LOG.info("database: DriverManager with {}", url);
        return () -> DriverManager.getConnection(url, user, password);
    }

    private static String read(String resource) {
        try (InputStream in = ClubStartup.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statements of a script: separated by a semicolon at the end of a line; lines starting with {@code --} are comments. */
    private static String[] statements(String script) {
        StringBuilder text = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                text.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(text.toString().split(";\\s*\n")).map(String::strip).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
    }
}
