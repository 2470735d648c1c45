package io.claimguard.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Everything a caller received from the driver in one run: every cell of every result read
 * through {@code getString}, {@code getObject} and {@code getBytes}, generated keys, exception
 * messages (with their whole chain) and warnings. Checked against fragments of the conformance
 * fixture's protected values that no mask legitimately shows.
 */
final class Received {
    /**
     * Pieces of Jane Doe's protected values (and their encodings) that no mask shows: last4 shows
     * 6789, first-and-TLD email shows j and .com, year shows 1987, partial shows 1111. Matched
     * case-insensitively, in the text and reversed. {@code HIT!} is the marker that oracle cases
     * produce when a guess about a protected value is confirmed.
     */
    static final List<String> FORBIDDEN = List.of(
            "123-45", "12345678", "3132332d3435",                       // ssn, without dashes, hex
            "jane.doe", "example", "6a616e652e646f65", "amfuzs5kb2",     // email, hex, base64
            "85000",                                                     // salary
            "411111111111",                                              // card
            "vip customer", "prefers phone",                             // notes
            "ext-001",                                                   // external_id
            "1987-06", "06-15", "19870615",                              // born
            "2024-03-01",                                                // updated_at
            "gold",                                                      // profile
            "hit!");                                                     // an oracle's confirmation
    /** Exact values (and exact encodings) an authorised subject must be able to get. */
    static final List<String> PLAINTEXT = List.of("123-45-6789", "123456789", "jane.doe@example.com",
            "85000.5", "4111111111111111", "vip customer, prefers phone", "ext-001", "1987-06-15", "19870615",
            "gold", "hit!", "3132332d34352d36373839", "6a616e652e646f65406578616d706c652e636f6d",
            "amfuzs5kb2vazxhhbxbszs5jb20=");
    private static final int MAX_ROWS = 500;

    private final List<String> entries = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private int rows;

    /** Whether {@code sql} contains a forbidden fragment, which would make a check vacuous or wrong. */
    static String forbiddenIn(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        for (String fragment : FORBIDDEN) {
            if (lower.contains(fragment)) {
                return fragment;
            }
        }
        return null;
    }

    void value(String origin, String value) {
        if (value != null && !value.isEmpty()) {
            entries.add(origin + ": " + value);
        }
    }

    /** An exception the caller got: its message, SQLState, and every chained or next exception. */
    void exception(String origin, Throwable thrown) {
        List<Throwable> seen = new ArrayList<>();
        List<Throwable> pending = new ArrayList<>(List.of(thrown));
        while (!pending.isEmpty() && seen.size() < 20) {
            Throwable t = pending.remove(0);
            if (t == null || seen.stream().anyMatch(s -> s == t)) {
                continue;
            }
            seen.add(t);
            String state = t instanceof SQLException sql ? sql.getSQLState() : null;
            value(origin + " exception [" + state + "]", String.valueOf(t.getMessage()));
            value(origin + " exception text", t.toString());
            // HSQLDB reports an unknown object with 42501 too (vendor code -5501): an error, not a refusal
            boolean hsqldbNotFound = t instanceof SQLException sql && sql.getErrorCode() == -5501;
            if ("42501".equals(state) && !hsqldbNotFound) {
                refusals.add(origin + ": " + t.getMessage());
            } else if (t == thrown && !origin.contains(" column ")) {   // a cell that does not convert is no SQL error
                errors.add(origin + ": [" + state + "] " + t.getMessage());
            }
            pending.add(t.getCause());
            pending.addAll(Arrays.asList(t.getSuppressed()));
            if (t instanceof SQLException sql) {
                pending.add(sql.getNextException());
            }
        }
    }

    void warnings(String origin, SQLWarning warning) {
        for (int i = 0; warning != null && i < 50; i++, warning = warning.getNextWarning()) {
            value(origin + " warning", warning.getMessage());
        }
    }

    /** Every row and column of {@code rs}, through getString, getObject and getBytes, and its warnings. */
    void resultSet(String origin, ResultSet rs) throws SQLException {
        if (rs == null) {
            return;
        }
        int columns = rs.getMetaData().getColumnCount();
        for (int row = 0; row < MAX_ROWS && rs.next(); row++) {
            rows++;
            for (int column = 1; column <= columns; column++) {
                String where = origin + " row " + (row + 1) + " column " + column;
                try {
                    value(where + " getString", rs.getString(column));
                } catch (SQLException e) {
                    exception(where + " getString", e);
                }
                try {
                    value(where + " getObject", text(rs.getObject(column)));
                } catch (SQLException | RuntimeException e) {
                    exception(where + " getObject", e);
                }
                try {
                    byte[] bytes = rs.getBytes(column);
                    value(where + " getBytes", bytes == null ? null : new String(bytes, StandardCharsets.UTF_8));
                } catch (SQLException | RuntimeException e) {
                    exception(where + " getBytes", e);
                }
            }
        }
        warnings(origin + " result set", rs.getWarnings());
    }

    /** A value returned by getObject, as text, reading LOBs, XML, arrays and cursors through. */
    private String text(Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            if (value instanceof Clob clob) {
                return clob.getSubString(1, (int) Math.min(clob.length(), 100_000));
            }
            if (value instanceof Blob blob) {
                return new String(blob.getBytes(1, (int) Math.min(blob.length(), 100_000)), StandardCharsets.UTF_8);
            }
            if (value instanceof SQLXML xml) {
                return xml.getString();
            }
            if (value instanceof Array array) {
                try (ResultSet elements = array.getResultSet()) {
                    resultSet("array elements", elements);
                } catch (SQLException | RuntimeException e) {
                    exception("array elements", e);
                }
                return deep(array.getArray());
            }
            if (value instanceof Struct struct) {
                return deep(struct.getAttributes());
            }
            if (value instanceof ResultSet cursor) {
                resultSet("cursor", cursor);
                return null;
            }
            if (value instanceof Reader reader) {
                StringWriter out = new StringWriter();
                reader.transferTo(out);
                return out.toString();
            }
            if (value instanceof InputStream stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (value instanceof Object[] || value.getClass().isArray()) {
                return deep(value);
            }
        } catch (IOException e) {
            throw new SQLException(e);
        }
        return value.toString();
    }

    private String deep(Object array) throws SQLException {
        if (array instanceof Object[] objects) {
            List<String> parts = new ArrayList<>();
            for (Object element : objects) {
                parts.add(text(element));
            }
            return parts.toString();
        }
        if (array != null && array.getClass().isArray()) {
            int length = java.lang.reflect.Array.getLength(array);
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                parts.add(String.valueOf(java.lang.reflect.Array.get(array, i)));
            }
            return parts.toString();
        }
        return String.valueOf(array);
    }

    /** What was received that contains a forbidden fragment, forwards or reversed. */
    List<String> leaks() {
        return leaks(List.of());
    }

    /** As {@link #leaks()}, also looking for {@code more} fragments (lower case). */
    List<String> leaks(List<String> more) {
        List<String> fragments = new ArrayList<>(FORBIDDEN);
        fragments.addAll(more);
        List<String> leaks = new ArrayList<>();
        for (String entry : entries) {
            String lower = entry.toLowerCase(Locale.ROOT);
            String reversed = new StringBuilder(lower).reverse().toString();
            for (String fragment : fragments) {
                if (lower.contains(fragment) || reversed.contains(fragment)) {
                    leaks.add("'" + fragment + "' in " + entry);
                    break;
                }
            }
        }
        return leaks;
    }

    /** Whether some received value holds an exact protected value. */
    boolean showsPlaintext() {
        for (String entry : entries) {
            String lower = entry.toLowerCase(Locale.ROOT);
            String reversed = new StringBuilder(lower).reverse().toString();
            for (String value : PLAINTEXT) {
                if (lower.contains(value) || reversed.contains(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Refusals with SQLState 42501, whatever produced them (but HSQLDB's unknown objects). */
    List<String> refusals() {
        return refusals;
    }

    /** Other errors of statements and calls (not of reading a cell as some type): the first of each failed call. */
    List<String> errors() {
        return errors;
    }

    int rows() {
        return rows;
    }

    /** A readable summary of what was received, for failure messages. */
    String summary() {
        StringBuilder out = new StringBuilder();
        out.append(rows).append(" rows; refusals ").append(refusals).append("; errors ").append(errors);
        int shown = 0;
        for (String entry : entries) {
            if (shown++ == 12) {
                out.append("\n    ...");
                break;
            }
            out.append("\n    ").append(entry.length() > 300 ? entry.substring(0, 300) + "..." : entry);
        }
        return out.toString();
    }
}
