package io.claimguard.jdbc.mask;

import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A value a statement writes, as the masks compare it with what they show: by its text, as
 * {@link MaskedValue#text()} gives a shown value's, and numbers by value.
 */
final class WrittenValue {
    /**
     * The texts of {@link DefaultMask}'s constants, of every type: a default read back as text
     * (its date January 1st 1900 and its time midnight, with or without the other, at offset zero).
     */
    private static final Pattern DEFAULT_TEXT = Pattern.compile("XXXX|\\{}|false|00000000-0000-0000-0000-000000000000"
            + "|(1900-01-01([T ]00:00(:00(\\.0+)?)?)?|00:00(:00(\\.0+)?)?)(Z|[+-]00(:?00)?)?");

    private WrittenValue() {
    }

    /**
     * The value's text, or null for binary data (which shows no text); values whose text cannot be
     * read without consuming them (streams, large objects, a driver's own types) are
     * {@link #isOpaque opaque} and never get here.
     */
    static String text(Object value) {
        return value instanceof byte[] ? null : String.valueOf(value);
    }

    /** Whether nothing can be told about the value: a mask must then assume it may show it. */
    static boolean isOpaque(Object value) {
        return !(value instanceof CharSequence || value instanceof Character || value instanceof Number
                || value instanceof Boolean || value instanceof java.util.Date || value instanceof TemporalAccessor
                || value instanceof UUID || value instanceof byte[]);
    }

    /** Whether {@code value} is the number zero, in any numeric class. */
    static boolean isZero(Object value) {
        if (!(value instanceof Number number)) {
            return false;
        }
        try {
            return new BigDecimal(number.toString()).signum() == 0;
        } catch (NumberFormatException e) {
            return false;   // NaN or infinite: not zero
        }
    }

    /** Whether {@code value} is what {@link DefaultMask} shows in a column of some type. */
    static boolean isDefault(Object value) {
        if (isZero(value)) {
            return true;
        }
        String text = text(value);
        return text != null && DEFAULT_TEXT.matcher(text).matches()
                || value instanceof byte[] bytes && bytes.length == 0;
    }
}
