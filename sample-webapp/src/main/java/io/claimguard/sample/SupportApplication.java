package io.claimguard.sample;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.sql.Driver;
import java.sql.DriverManager;
import java.util.ServiceLoader;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up the application's database access: the container's DataSource
 * {@value #DATA_SOURCE} when there is one, otherwise DriverManager with the context-params
 * {@code db.url}, {@code db.user} and {@code db.password}.
 */
public final class SupportApplication implements ServletContextListener {
    private static final Logger LOG = LoggerFactory.getLogger(SupportApplication.class);
    static final String DATA_SOURCE = "java:comp/env/jdbc/support";
    private static final String DAO = CustomerDao.class.getName();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        context.setAttribute(DAO, new CustomerDao(connections(context)));
    }

    static CustomerDao dao(ServletContext context) {
        return (CustomerDao) context.getAttribute(DAO);
    }

    private static CustomerDao.Connections connections(ServletContext context) {
        try {
            DataSource dataSource = (DataSource) new InitialContext().lookup(DATA_SOURCE);
            LOG.info("database: the container's DataSource {}", DATA_SOURCE);
            return dataSource::getConnection;
        } catch (NamingException e) {
            String url = context.getInitParameter("db.url");
            String user = context.getInitParameter("db.user");
            String password = context.getInitParameter("db.password");
            loadDrivers();
            LOG.info("database: DriverManager with {}", url);
            return () -> DriverManager.getConnection(url, user, password);
        }
    }

    /**
     * Loads the JDBC drivers this application carries: some containers keep DriverManager from
     * finding a driver inside WEB-INF/lib until its class is loaded.
     */
    private static void loadDrivers() {
        for (Driver driver : ServiceLoader.load(Driver.class, SupportApplication.class.getClassLoader())) {
            LOG.debug("JDBC driver {} loaded", driver.getClass().getName());
        }
    }
}
