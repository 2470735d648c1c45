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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an application's database holds before anyone edits it: the WAR's own seed script (or
 * schema scripts, or migrations) run in an in-memory database of the test's, with no ClaimGuard
 * in between. The ground truth every persona's view is computed from.
 */
final class SeedData {

    private SeedData() {
    }

    /** Runs the sample's {@code script} (written to {@code file} for H2 to read) and answers every customer row by id. */
    static Map<String, Map<String, String>> read(String script, Path file) throws IOException {
        Map<String, Map<String, String>> rows = h2(script, file).query("SELECT * FROM customers ORDER BY id", Persona.COLUMNS);
        if (rows.isEmpty()) {
            throw new IOException("the seed script stored no customers");
        }
        return rows;
    }

    /** An H2 database in memory that ran {@code script} (H2 syntax, written to {@code file} for H2 to read). */
    static Database h2(String script, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, script, StandardCharsets.UTF_8);
        return new Database("jdbc:h2:mem:seed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM '"
                + file.toAbsolutePath() + "'", "sa", List.of());
    }

    /**
     * An HSQLDB database in memory that ran {@code scripts} in order, each split into statements at
     * the semicolons that end a line; lines starting with {@code --} are comments.
     */
    static Database hsqldb(List<String> scripts) throws IOException {
        Database database = new Database("jdbc:hsqldb:mem:seed-" + UUID.randomUUID(), "SA", scripts);
        database.query("VALUES (1)", List.of());
        return database;
    }

    /** A database of the test's; each query runs on a connection of its own. */
    static final class Database {

        private final String url;
        private final String user;
        private List<String> pending;

        private Database(String url, String user, List<String> scripts) {
            this.url = url;
            this.user = user;
            this.pending = scripts;
        }

        /**
         * Answers the rows of {@code sql} by their first column's value, each row the given
         * columns (read by label) as text, null for NULL.
         */
        Map<String, Map<String, String>> query(String sql, List<String> columns) throws IOException {
            Map<String, Map<String, String>> rows = new LinkedHashMap<>();
            try (Connection connection = DriverManager.getConnection(url, user, "");
                 Statement statement = connection.createStatement()) {
                for (String script : pending) {
                    for (String one : statements(script)) {
                        statement.execute(one);
                    }
                }
                pending = List.of();
                try (ResultSet result = statement.executeQuery(sql)) {
                    while (result.next()) {
                        Map<String, String> row = new LinkedHashMap<>();
                        for (String column : columns) {
                            Object value = result.getObject(column);
                            row.put(column, value == null ? null : value instanceof BigDecimal amount ? amount.toPlainString() : value.toString());
                        }
                        if (!columns.isEmpty()) {
                            rows.put(row.get(columns.get(0)), row);
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IOException("the seed data did not load: " + e.getMessage(), e);
            }
            return rows;
        }

        private static List<String> statements(String script) {
            StringBuilder text = new StringBuilder();
            for (String line : script.split("\n")) {
                if (!line.strip().startsWith("--")) {
                    text.append(line).append('\n');
                }
            }
            return List.of(text.toString().split(";\\s*\n")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }
}
