package io.claimguard.jdbc.mask;

import java.nio.charset.StandardCharsets;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Shows a constant of the column's own type, and the fallback of every other mask. */
final class DefaultMask extends SpecifiedMask {

    private static final String TEXT = "XXXX";
    private static final String JSON = "{}";
    private static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

    DefaultMask(String spec) {
        super(spec);
    }

    @Override
    CellMask bindCell(ColumnType type) {
        return constantUnlessNull(type, valueFor(type));
    }

    /** A cell mask that shows {@code value} for every cell whose raw value is not SQL NULL. */
    static CellMask constantUnlessNull(ColumnType type, MaskedValue value) {
        if (value.isNull()) {
            return NullMask.ALWAYS_NULL;
        }
        NullCheck nullCheck = NullCheck.cheapestFor(type);
        return (raw, column) -> nullCheck.isNull(raw, column) ? MaskedValue.NULL : value;
    }

    /** @return the default of the column's type, or {@link MaskedValue#NULL} for types without one */
    static MaskedValue valueFor(ColumnType type) {
        String className = type.className();
        return switch (ColumnKind.of(type)) {
            // Character LOBs too: a String, which the wrapper can turn into a Clob on request.
            case TEXT -> MaskedValue.of(TEXT, TEXT);
            case NUMBER -> shown(NumericClass.of(type).zero);
            case BOOLEAN -> shown(Boolean.FALSE);
            case DATE -> shown(className.equals("java.time.LocalDate")
                    ? FIRST_DAY : java.sql.Date.valueOf(FIRST_DAY));
            case TIME -> shown(className.equals("java.time.LocalTime")
                    ? LocalTime.MIDNIGHT : Time.valueOf(LocalTime.MIDNIGHT));
            case TIME_WITH_TIMEZONE -> shown(OffsetTime.of(LocalTime.MIDNIGHT, ZoneOffset.UTC));
            case TIMESTAMP -> shown(className.equals("java.time.LocalDateTime")
                    ? FIRST_DAY.atStartOfDay() : Timestamp.valueOf(FIRST_DAY.atStartOfDay()));
            case TIMESTAMP_WITH_TIMEZONE -> shown(className.equals("java.sql.Timestamp")
                    ? Timestamp.valueOf(FIRST_DAY.atStartOfDay())
                    : OffsetDateTime.of(FIRST_DAY.atStartOfDay(), ZoneOffset.UTC));
            case BINARY -> MaskedValue.of("", new byte[0]);
            // H2's getObject returns JSON as UTF-8 bytes. Other drivers return their own class
            // (PostgreSQL's PGobject), which would tie this package to a driver: they get the String.
            case JSON -> MaskedValue.of(JSON,
                    className.equals("[B") ? JSON.getBytes(StandardCharsets.UTF_8) : JSON);
            case UUID -> {
                UUID nil = new UUID(0, 0);
                yield className.equals("java.util.UUID") ? shown(nil) : MaskedValue.of(nil.toString(), nil.toString());
            }
            case UNSUPPORTED -> MaskedValue.NULL;
        };
    }

    private static MaskedValue shown(Object object) {
        return MaskedValue.of(object.toString(), object);
    }

}
