package io.claimguard.sample;

import io.claimguard.sample.demo.Persona;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The visibility matrix the sample's policy promises, written out independently of ClaimGuard:
 * what each persona must see of each column, given the stored value.
 */
final class Visibility {
    private enum Shown { EXACT, EMAIL, LAST4, NULL }

    private static final Map<Persona, Map<Column, Shown>> MATRIX = new EnumMap<>(Persona.class);

    static {
        MATRIX.put(Persona.AGENT, shown(Shown.EXACT, Shown.EXACT, Shown.LAST4, Shown.LAST4, Shown.NULL, Shown.EXACT));
        MATRIX.put(Persona.COMPLIANCE, shown(Shown.EXACT, Shown.EXACT, Shown.EXACT, Shown.EXACT, Shown.EXACT, Shown.EXACT));
        MATRIX.put(Persona.VISITOR, shown(Shown.EMAIL, Shown.LAST4, Shown.LAST4, Shown.LAST4, Shown.NULL, Shown.NULL));
    }

    private Visibility() {
    }

    /** id, name and city are never protected; the other six in table order. */
    private static Map<Column, Shown> shown(Shown email, Shown phone, Shown ssn, Shown card, Shown salary, Shown notes) {
        Map<Column, Shown> row = new EnumMap<>(Column.class);
        row.put(Column.ID, Shown.EXACT);
        row.put(Column.NAME, Shown.EXACT);
        row.put(Column.EMAIL, email);
        row.put(Column.PHONE, phone);
        row.put(Column.SSN, ssn);
        row.put(Column.CARD_NUMBER, card);
        row.put(Column.SALARY, salary);
        row.put(Column.CITY, Shown.EXACT);
        row.put(Column.NOTES, notes);
        return row;
    }

    /** What {@code persona} must be shown of {@code stored} (null for NULL). */
    static String expected(Persona persona, Column column, String stored) {
        if (stored == null) {
            return null;
        }
        return switch (MATRIX.get(persona).get(column)) {
            case EXACT -> stored;
            case NULL -> null;
            case LAST4 -> stored.length() <= 4 ? "*".repeat(stored.length())
                    : "*".repeat(stored.length() - 4) + stored.substring(stored.length() - 4);
            case EMAIL -> stored.charAt(0) + "***@***" + stored.substring(stored.lastIndexOf('.'));
        };
    }

    static Map<Column, String> expectedRow(Persona persona, Map<Column, String> stored) {
        Map<Column, String> row = new EnumMap<>(Column.class);
        stored.forEach((column, value) -> row.put(column, expected(persona, column, value)));
        return row;
    }

    /** Whether {@code persona} sees {@code column} as stored. */
    static boolean seesExactly(Persona persona, Column column) {
        return MATRIX.get(persona).get(column) == Shown.EXACT;
    }

    /** The columns {@code persona} is not shown as stored, in table order. */
    static List<Column> hidden(Persona persona) {
        return MATRIX.get(persona).entrySet().stream().filter(shown -> shown.getValue() != Shown.EXACT)
                .map(Map.Entry::getKey).toList();
    }

    /** The columns {@code persona} is shown as NULL ({@code nulled} true), or masked otherwise, in table order. */
    static List<Column> hidden(Persona persona, boolean nulled) {
        return hidden(persona).stream().filter(column -> (MATRIX.get(persona).get(column) == Shown.NULL) == nulled).toList();
    }
}
