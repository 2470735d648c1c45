package io.claimguard.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * p6spy logs every statement with its bind values inlined, through SLF4J into Logback: the
 * classic way PII reaches a log file. Real H2, real p6spy, real Logback.
 */
class P6SpyLogTest {

    @Test
    void bindValuesInP6SpyStatementLog_areRedacted() throws SQLException {
        try (LogCapture log = LogCapture.ofSlf4jContext("redact-full.xml");
             Connection c = DriverManager.getConnection("jdbc:p6spy:h2:mem:p6spy_redaction")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE customers (id INT, email VARCHAR(100), ssn VARCHAR(11), card VARCHAR(19), password VARCHAR(50))");
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO customers (id, email, ssn, card, password) VALUES (?, ?, ?, ?, ?)")) {
                insert.setInt(1, 7);
                insert.setString(2, "jane.doe@example.com");
                insert.setString(3, "123-45-6789");
                insert.setString(4, "4111111111111111");
                insert.setString(5, "hunter2");
                insert.executeUpdate();
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE customers SET password = ? WHERE email = ?")) {
                update.setString(1, "n3w-s3cret");
                update.setString(2, "jane.doe@example.com");
                update.executeUpdate();
            }
            String out = log.all();
            assertTrue(out.contains("p6spy - "), out);
            // a password bound by position has no key name next to it: only a pattern could catch it
            assertTrue(out.contains("VALUES (7, '[REDACTED:EMAIL]', '[REDACTED:SSN]', '[REDACTED:CARD]', 'hunter2')"), out);
            assertTrue(out.contains("SET password = '[REDACTED:SECRET]' WHERE email = '[REDACTED:EMAIL]'"), out);
            for (String value : List.of("jane.doe", "123-45-6789", "4111111111111111", "n3w-s3cret")) {
                assertFalse(out.contains(value), value + " in " + out);
            }
        }
    }
}
