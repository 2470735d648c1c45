package io.claimguard.jdbc.policy;

import io.claimguard.core.ConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * A column as a policy or a statement names it: {@code [schema.]table.column}. The schema is null
 * when not given; an unqualified reference matches a policy column in any schema.
 */
public record ColumnRef(Name schema, Name table, Name column) {

    /** A reference with names exactly as the database reports them (result set metadata). */
    public static ColumnRef stored(String schema, String table, String column) {
        return new ColumnRef(schema == null || schema.isEmpty() ? null : new Name(schema, true),
                new Name(table, true), new Name(column, true));
    }

    /**
     * Parses a policy reference such as {@code customers.ssn}, {@code public.customers.ssn} or
     * {@code "Customers"."SSN"}.
     *
     * @throws ConfigException naming the reference when it does not have two or three parts
     */
    public static ColumnRef parse(String reference) {
        List<String> parts = parts(reference);
        if (parts.size() < 2 || parts.size() > 3 || parts.stream().anyMatch(String::isEmpty)) {
            throw new ConfigException("column '" + reference + "' must be written [schema.]table.column");
        }
        Name column = Name.parse(parts.get(parts.size() - 1));
        Name table = Name.parse(parts.get(parts.size() - 2));
        Name schema = parts.size() == 3 ? Name.parse(parts.get(0)) : null;
        return new ColumnRef(schema, table, column);
    }

    /** The dot-separated parts of a qualified name as written, quotes kept. */
    static List<String> parts(String reference) {
        return splitOutsideQuotes(reference == null ? "" : reference.trim());
    }

    private static List<String> splitOutsideQuotes(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == '[') {
                quote = ']';
            } else if (c == '.') {
                parts.add(current.toString().trim());
                current.setLength(0);
                continue;
            } else if (Character.isWhitespace(c)) {
                throw new ConfigException("'" + text + "' has a space outside quotes");
            }
            current.append(c);
        }
        if (quote != 0) {
            throw new ConfigException("'" + text + "' has an unterminated quote");
        }
        parts.add(current.toString().trim());
        return parts;
    }

    @Override
    public String toString() {
        return (schema == null ? "" : schema + ".") + table + "." + column;
    }
}
