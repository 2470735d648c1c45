package io.claimguard.jdbc.mask;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

/**
 * Keeps only the year of a date or timestamp: January 1st at midnight, in the column's own class
 * (and at the value's own offset), so age brackets and cohorts still work. Character columns that
 * start with an ISO date keep {@code yyyy-01-01}; everything else shows the type's default.
 */
final class YearMask extends SpecifiedMask {

    private static final String ISO_DATE_SHAPE = "dddd-dd-dd";
    private static final Pattern JANUARY_FIRST =
            Pattern.compile("[+-]?\\d{4,}-01-01([T ]00:00(:00(\\.0+)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?)?");

    YearMask(String spec) {
        super(spec);
    }

    /** January 1st at midnight, as a date, a timestamp or text. */
    @Override
    boolean showsLike(Object written) {
        String text = WrittenValue.text(written);
        return text != null && JANUARY_FIRST.matcher(text).matches();
    }

    @Override
    CellMask bindCell(ColumnType type) {
        String className = type.className();
        switch (ColumnKind.of(type)) {
            case DATE:
                boolean localDate = className.equals("java.time.LocalDate");
                return (raw, column) -> {
                    // getDate, not getObject(LocalDate): every driver has it, and the year survives.
                    Date value = raw.getDate(column);
                    if (value == null) {
                        return MaskedValue.NULL;
                    }
                    LocalDate januaryFirst = LocalDate.of(value.toLocalDate().getYear(), 1, 1);
                    return shown(localDate ? januaryFirst : Date.valueOf(januaryFirst));
                };
            case TIMESTAMP:
                return timestampYear(className.equals("java.time.LocalDateTime"));
            case TIMESTAMP_WITH_TIMEZONE:
                if (className.equals("java.sql.Timestamp")) {
                    return timestampYear(false);
                }
                return (raw, column) -> {
                    OffsetDateTime value = raw.getObject(column, OffsetDateTime.class);
                    if (value == null) {
                        return MaskedValue.NULL;
                    }
                    return shown(OffsetDateTime.of(value.getYear(), 1, 1, 0, 0, 0, 0, value.getOffset()));
                };
            case TEXT:
                MaskedValue fallback = DefaultMask.valueFor(type);
                return (raw, column) -> {
                    String value = raw.getString(column);
                    if (value == null) {
                        return MaskedValue.NULL;
                    }
                    if (!startsWithIsoDate(value)) {
                        return fallback;
                    }
                    String januaryFirst = value.substring(0, 4) + "-01-01";
                    return MaskedValue.of(januaryFirst, januaryFirst);
                };
            default:
                return DefaultMask.constantUnlessNull(type, DefaultMask.valueFor(type));
        }
    }

    private static CellMask timestampYear(boolean localDateTime) {
        return (raw, column) -> {
            Timestamp value = raw.getTimestamp(column);
            if (value == null) {
                return MaskedValue.NULL;
            }
            LocalDateTime januaryFirst = LocalDate.of(value.toLocalDateTime().getYear(), 1, 1).atStartOfDay();
            return shown(localDateTime ? januaryFirst : Timestamp.valueOf(januaryFirst));
        };
    }

    private static MaskedValue shown(Object object) {
        return MaskedValue.of(object.toString(), object);
    }

    /** yyyy-mm-dd at the start, checked by character class; a regex per cell would cost more. */
    private static boolean startsWithIsoDate(String value) {
        if (value.length() < ISO_DATE_SHAPE.length()) {
            return false;
        }
        for (int i = 0; i < ISO_DATE_SHAPE.length(); i++) {
            char expected = ISO_DATE_SHAPE.charAt(i);
            char actual = value.charAt(i);
            boolean matches = expected == 'd' ? actual >= '0' && actual <= '9' : actual == expected;
            if (!matches) {
                return false;
            }
        }
        return true;
    }

}
