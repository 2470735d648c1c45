package io.claimguard.sample;

import java.util.Locale;
import java.util.Optional;

/**
 * The columns of the {@code customers} table, in table order. Each name in lower case is the
 * JSON key, the form field and the HTML cell class of that column.
 */
enum Column {
    ID("Id"), NAME("Name"), EMAIL("Email"), PHONE("Phone"), SSN("SSN"), CARD_NUMBER("Card number"),
    SALARY("Salary"), CITY("City"), NOTES("Notes");

    final String key = name().toLowerCase(Locale.ROOT);
    final String label;

    Column(String label) {
        this.label = label;
    }

    static Optional<Column> byKey(String key) {
        for (Column column : values()) {
            if (column.key.equals(key)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
