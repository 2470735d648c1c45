package io.claimguard.jdbc.mask;

import io.claimguard.core.ConfigException;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Shows a keyed hash of the value: equal values hash alike in every column, connection and JVM,
 * so masked keys still join and group, while without the key the hash cannot be reversed by
 * hashing guesses (a plain SHA-256 of a card number or birth date can).
 *
 * <p>The HMAC runs over the value's string form in UTF-8, so 42 in an INTEGER column and "42" in
 * a VARCHAR column hash alike. Binary columns are the exception: their bytes are hashed, because
 * drivers disagree on a byte array's string form (H2 decodes the bytes, PostgreSQL writes hex).
 */
final class HashMask extends SpecifiedMask {

    static final int MIN_KEY_BYTES = 16;
    /** 128 bits: collisions stay negligible for any table, and the hex form is 32 characters. */
    private static final int SHOWN_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-f]{" + 2 * SHOWN_BYTES + "}");

    /** A Mac is stateful and not thread-safe; one per thread, keyed once, avoids a clone per cell. */
    private final ThreadLocal<Mac> mac;

    HashMask(String spec, byte[] key) {
        super(spec);
        SecretKeySpec keySpec = new SecretKeySpec(key, ALGORITHM);
        keyedMac(keySpec); // fails here, at configuration time, rather than on the first row
        this.mac = ThreadLocal.withInitial(() -> keyedMac(keySpec));
    }

    private static Mac keyedMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new ConfigException("Column mask 'hash' needs " + ALGORITHM + ", which this JVM cannot provide", e);
        }
    }

    /**
     * A hash of text is 32 hex digits, of binary 16 bytes; in a numeric or UUID column any
     * non-negative integer or UUID may be one.
     */
    @Override
    boolean showsLike(Object written) {
        if (written instanceof byte[] bytes) {
            return bytes.length == SHOWN_BYTES;
        }
        if (written instanceof UUID || written instanceof Number number && isNonNegativeInteger(number)) {
            return true;
        }
        String text = WrittenValue.text(written);
        return text != null && HEX_DIGEST.matcher(text).matches();
    }

    private static boolean isNonNegativeInteger(Number number) {
        try {
            BigDecimal value = new BigDecimal(number.toString());
            return value.signum() >= 0 && value.stripTrailingZeros().scale() <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    CellMask bindCell(ColumnType type) {
        switch (ColumnKind.of(type)) {
            case TEXT:
                return (raw, column) -> {
                    String value = raw.getString(column);
                    if (value == null) {
                        return MaskedValue.NULL;
                    }
                    String hex = hex(digest(value));
                    return MaskedValue.of(hex, hex);
                };
            case NUMBER:
                NumericClass numericClass = NumericClass.of(type);
                return (raw, column) -> {
                    String value = raw.getString(column);
                    if (value == null) {
                        return MaskedValue.NULL;
                    }
                    byte[] digest = digest(value);
                    long nonNegative = ByteBuffer.wrap(digest).getLong() & Long.MAX_VALUE;
                    return MaskedValue.of(hex(digest), numericClass.fromNonNegative(nonNegative));
                };
            case BINARY:
                return (raw, column) -> {
                    byte[] value = raw.getBytes(column);
                    if (value == null) {
                        return MaskedValue.NULL;
                    }
                    byte[] digest = mac.get().doFinal(value);
                    return MaskedValue.of(hex(digest), Arrays.copyOf(digest, SHOWN_BYTES));
                };
            case UUID:
                // A UUID key stays a UUID (built from the same 16 bytes), so it still joins.
                boolean uuidObject = type.className().equals("java.util.UUID");
                return (raw, column) -> {
                    String value = raw.getString(column);
                    if (value == null) {
                        return MaskedValue.NULL;
                    }
                    byte[] digest = digest(value);
                    ByteBuffer bytes = ByteBuffer.wrap(digest);
                    UUID hashed = new UUID(bytes.getLong(), bytes.getLong());
                    return MaskedValue.of(hex(digest), uuidObject ? hashed : hashed.toString());
                };
            case UNSUPPORTED:
                return NullMask.ALWAYS_NULL;
            default:
                MaskedValue fallback = DefaultMask.valueFor(type);
                return (raw, column) -> {
                    String value = raw.getString(column);
                    return value == null ? MaskedValue.NULL : fallback.withText(hex(digest(value)));
                };
        }
    }

    private byte[] digest(String value) {
        return mac.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] digest) {
        return HEX.formatHex(digest, 0, SHOWN_BYTES);
    }

    /** Never the key. */
}
