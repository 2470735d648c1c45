package io.claimguard.e2e;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the application's database holds before anyone edits it: the WAR's own seed script run in
 * an H2 database of the test's, with no ClaimGuard in between. The ground truth every persona's view
 * is computed from.
 */
final class SeedData {

    private SeedData() {
    }

    /** Runs {@code script} (written to {@code file} for H2 to read) and answers every customer row by id. */
    static Map<String, Map<String, String>> read(String script, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, script, StandardCharsets.UTF_8);
        String url = "jdbc:h2:mem:seed-" + UUID.randomUUID() + ";INIT=RUNSCRIPT FROM '" + file.toAbsolutePath() + "'";
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM customers ORDER BY id")) {
            while (result.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (String column : Persona.COLUMNS) {
                    Object value = result.getObject(column);
                    row.put(column, value == null ? null : value instanceof BigDecimal amount ? amount.toPlainString() : value.toString());
                }
                rows.put(row.get("id"), row);
            }
        } catch (SQLException e) {
            throw new IOException("the seed script did not run: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new IOException("the seed script stored no customers");
        }
        return rows;
    }
}
