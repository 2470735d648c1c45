package io.claimguard.e2eapps.shop;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.commons.dbcp2.BasicDataSource;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up, as the shop has always done it: the pool from {@code db.properties}, the Flyway
 * migrations through it, then MyBatis from {@code mybatis-config.xml}; all three kept in the
 * servlet context for the servlets.
 */
public class ShopStartup implements ServletContextListener {

    static final String SESSIONS = "shop.sqlSessionFactory";
    private static final Logger LOG = LoggerFactory.getLogger(ShopStartup.class);

    private BasicDataSource dataSource;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Properties db = new Properties();
        try (InputStream in = ShopStartup.class.getResourceAsStream("/db.properties")) {
            db.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dataSource = new BasicDataSource();
        dataSource.setDriverClassName(db.getProperty("db.driverClassName"));
        dataSource.setUrl(db.getProperty("db.url"));
        dataSource.setUsername(db.getProperty("db.username"));
        dataSource.setPassword(db.getProperty("db.password"));
        dataSource.setMaxTotal(20);
        LOG.info("database: {} through {}", db.getProperty("db.url"), db.getProperty("db.driverClassName"));

        MigrateResult migrated = Flyway.configure(ShopStartup.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info("schema at version {} after {} migrations", migrated.targetSchemaVersion, migrated.migrationsExecuted);

        try (Reader config = Resources.getResourceAsReader("mybatis-config.xml")) {
            SqlSessionFactory sessions = new SqlSessionFactoryBuilder().build(config);
            sessions.getConfiguration().setEnvironment(new Environment("shop", new JdbcTransactionFactory(), dataSource));
            event.getServletContext().setAttribute(SESSIONS, sessions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (dataSource != null) {
            try {
                dataSource.close();
            } catch (SQLException e) {
                LOG.warn("closing the pool failed", e);
            }
        }
    }
}
