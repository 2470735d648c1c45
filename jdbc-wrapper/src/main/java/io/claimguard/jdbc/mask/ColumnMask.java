package io.claimguard.jdbc.mask;

/**
 * How a protected column is shown to a caller who may not see it, as written in the policy's
 * {@code mask:} key. Immutable and thread-safe; parsed once when the configuration is read.
 *
 * <p>The masks, by spec (names are case-insensitive, surrounding whitespace is ignored):
 * <ul>
 *   <li>{@code null}: always SQL NULL; the raw cell is never read. Also what a rule without a
 *       mask uses ({@link #NULL}).
 *   <li>{@code default}: a constant of the column's type: {@code "XXXX"} for character columns, 0
 *       for numbers, false, 1900-01-01 for dates and timestamps, midnight for times, an empty byte
 *       array for binary, {@code "{}"} for JSON, the nil UUID; NULL for any other type.
 *   <li>{@code redact}: {@code "[REDACTED]"} for character columns, otherwise as {@code default}.
 *   <li>{@code email}: {@code jane.doe@mail.example.com} becomes {@code j***@***.com}; anything
 *       that is not shaped like an address becomes {@code ****}.
 *   <li>{@code first4}, {@code last4}: four characters kept, every other one replaced by
 *       {@code *}; values of four characters or fewer are replaced entirely.
 *   <li>{@code partial(P,"PAD",S)}: P leading and S trailing characters kept with PAD between,
 *       or PAD alone when P + S covers the whole value (SQL Server's {@code partial}).
 *   <li>{@code hash}: the first 16 bytes of an HMAC-SHA-256 under the configured key, as 32 hex
 *       digits; equal values hash alike in every column and JVM, so masked keys still join.
 *       Numeric columns get a non-negative number of their own class, binary columns the bytes.
 *   <li>{@code year}: dates and timestamps keep only their year (January 1st, midnight).
 * </ul>
 *
 * <p>Every mask keeps SQL NULL as NULL, and on a column that is not character data keeps
 * getObject returning the column's own Java class: the mask shapes the text, and the object is
 * the type's {@code default}.
 */
public interface ColumnMask {

    /** The mask used when a column rule names no mask: every cell reads as SQL NULL. */
    ColumnMask NULL = new NullMask("null");

    /** @return the mask as written in the configuration, for messages */
    String spec();

    /**
     * Prepares this mask for one result column. Called once per column when a statement's plan is
     * built; everything that does not depend on the cell is decided here, so that the returned
     * {@link CellMask}, called per cell, stays cheap.
     */
    CellMask bind(ColumnType type);

    /**
     * Whether {@code written}, a value a statement writes (never null), could be what this mask
     * shows: then it may be a mask read from some row, and storing it would put a mask over real
     * data. A value the mask cannot produce is one the writer supplied itself. Errs on the side
     * of yes: a real value shaped like a mask is refused, never a mask stored.
     */
    boolean mayShow(Object written);

    /**
     * @param spec    the {@code mask:} value; null (YAML null or no key) means {@link #NULL}
     * @param hashKey the secret for {@code hash}, at least 16 bytes; null when none is configured
     * @throws io.claimguard.core.ConfigException naming the spec and the valid masks when the spec
     *                                            is unknown or malformed, or when {@code hash} has
     *                                            no usable key
     */
    static ColumnMask parse(String spec, byte[] hashKey) {
        return MaskSpecParser.parse(spec, hashKey);
    }
}
