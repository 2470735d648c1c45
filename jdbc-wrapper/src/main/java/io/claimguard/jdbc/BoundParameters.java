package io.claimguard.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The parameters an application bound to a statement that writes protected columns: their values,
 * to compare with what the subject was shown, and how to bind them again, to read what it was
 * shown for the rows the statement matches.
 */
final class BoundParameters {

    /** One setter call, replayable on another statement at another position. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement, int position) throws SQLException;
    }

    /** Stands for a value that is not known (nothing bound), or not comparable (a stream). */
    static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "an unknown value";
        }
    };

    private Object[] values = new Object[8];
    private Binder[] binders = new Binder[8];

    void set(int index, Object value, Binder binder) {
        if (index < 1) {
            return;   // the driver has already refused the call
        }
        if (index >= values.length) {
            values = Arrays.copyOf(values, Math.max(index + 1, values.length * 2));
            binders = Arrays.copyOf(binders, values.length);
        }
        values[index] = value;
        binders[index] = binder;
    }

    /** The value bound to parameter {@code index}: null for SQL NULL, {@link #UNKNOWN} if unset. */
    Object value(int index) {
        return index > 0 && index < values.length && binders[index] != null ? values[index] : UNKNOWN;
    }

    /** Binds the application's parameters {@code indexes} to {@code statement}, from position 1. */
    void bindTo(PreparedStatement statement, int[] indexes) throws SQLException {
        for (int position = 1; position <= indexes.length; position++) {
            int index = indexes[position - 1];
            if (index >= binders.length || binders[index] == null) {
                throw Denials.raised("ClaimGuard: parameter " + index + " is not set", "07001");
            }
            binders[index].bind(statement, position);
        }
    }

    void clear() {
        Arrays.fill(values, null);
        Arrays.fill(binders, null);
    }
}
