package io.claimguard.jdbc;

import io.claimguard.jdbc.mask.CellMask;
import io.claimguard.jdbc.mask.MaskedValue;
import io.claimguard.jdbc.policy.ColumnRule;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A result set that shows masked values in place of the columns its {@link MaskPlan} protects.
 *
 * <p>Every getter of column data by index is written here, and each first looks up the column's
 * mask: {@link MaskPlan#CLEAR} reads the driver directly (no allocation), anything else reads the
 * masked value and converts it to what the getter returns, so a masked integer still reads with
 * {@code getInt}. The generated {@link DelegatingResultSet} routes getters by label here, checks
 * every {@code updateXxx} with {@link #writable}, and passes navigation through. Methods
 * here are final so that a stale generated pass-through cannot override them.
 */
abstract class MaskingResultSet implements ResultSet {
    private static final int RAW = 0;
    private static final int MASKED = 1;
    private static final int MASKED_NULL = 2;

    final ResultSet delegate;
    final MaskPlan plan;
    /** The statement that produced this result, or null for metadata results. */
    private final GuardedStatement<?> statement;
    private final GuardedConnection connection;
    /** What the latest getter read, so that {@link #wasNull()} answers for masked values too. */
    private int lastRead = RAW;
    /** Rows moved to with {@link #next()} whose masked cells are not counted yet. */
    private long rows;

    MaskingResultSet(ResultSet delegate, MaskPlan plan, GuardedStatement<?> statement, GuardedConnection connection) {
        this.delegate = delegate;
        this.plan = plan;
        this.statement = statement;
        this.connection = connection;
    }

    private MaskedValue masked(CellMask mask, int column) throws SQLException {
        MaskedValue value = mask.read(delegate, column);
        lastRead = value.isNull() ? MASKED_NULL : MASKED;
        return value;
    }

    /** The text a masked cell shows, null for SQL NULL: what getString and the character streams read. */
    private String maskedText(CellMask mask, int column) throws SQLException {
        String text = mask.text(delegate, column);
        lastRead = text == null ? MASKED_NULL : MASKED;
        return text;
    }

    /** For getters whose types a mask cannot produce (arrays, refs, XML): a masked cell reads as NULL. */
    private boolean hidden(int column) {
        if (plan.isMasked(column)) {
            lastRead = MASKED_NULL;
            return true;
        }
        lastRead = RAW;
        return false;
    }

    /**
     * Whether an update of {@code column} to {@code value} goes to the driver. A column the subject
     * is shown masked follows its {@code writes} setting: {@code allow} passes, {@code preserve}
     * drops a write of exactly what this row shows (the stored value stays) and refuses any other,
     * {@code write_only} does the same but passes a value the mask could not have shown, and
     * {@code deny} refuses every write.
     */
    final boolean writable(int column, Object value) throws SQLException {
        if (!plan.isMasked(column)) {
            reportWrite(column, value);
            return true;
        }
        Execution run = statement == null ? null : statement.execution;
        ColumnRule.Writes writes = inForce(plan.writes(column), run);
        WriteOutcome outcome = outcome(writes, column, value);
        if (outcome != WriteOutcome.REFUSED) {
            return outcome == WriteOutcome.PASSES;
        }
        String label = delegate.getMetaData().getColumnLabel(column);
        String message = "column " + label + " is protected and " + writes.refusal();
        throw run == null ? Denials.denied(message) : run.denied(DenialReason.refusedWrite(writes), label, message);
    }

    final boolean writable(String label, Object value) throws SQLException {
        return !plan.countsCells() || writable(delegate.findColumn(label), value);
    }

    /**
     * A column only report mode would mask: checks the write as if it were enforced, notes a
     * write that would be refused, and lets it through (this row shows the real value, so writing
     * back what was shown changes nothing).
     */
    private void reportWrite(int column, Object value) throws SQLException {
        ColumnRule.Writes writes = plan.reportWrites(column);
        Execution run = statement == null ? null : statement.execution;
        if (writes == null || run == null) {
            return;
        }
        writes = inForce(writes, run);
        if (outcome(writes, column, value) == WriteOutcome.REFUSED) {
            run.wouldDeny(DenialReason.refusedWrite(writes), delegate.getMetaData().getColumnLabel(column));
        }
    }

    /** What a write does under a column's setting: goes through, keeps the stored value, or is refused. */
    private enum WriteOutcome { PASSES, KEEPS, REFUSED }

    private WriteOutcome outcome(ColumnRule.Writes writes, int column, Object value) throws SQLException {
        if (writes == ColumnRule.Writes.ALLOW) {
            return WriteOutcome.PASSES;
        }
        if (writes.keepsWhatWasShown() && WriteCheck.shows(this, column, value)) {
            return WriteOutcome.KEEPS;
        }
        if (writes == ColumnRule.Writes.WRITE_ONLY && value != null && !plan.mayShow(column, value)) {
            return WriteOutcome.PASSES;   // a value the subject supplies
        }
        return WriteOutcome.REFUSED;
    }

    /** The setting in force for the run's subject: work outside requests writes {@code preserve} as {@code write_only}. */
    private ColumnRule.Writes inForce(ColumnRule.Writes writes, Execution run) {
        return writes.inForce(run != null && connection.enforcement.policy().isOutsideRequests(run.subject()));
    }

    private Object cursorSafe(Object value) throws SQLException {
        return statement == null ? value : statement.cursorSafe(value);
    }

    /**
     * Rows are counted so that the masked cells are counted per column once, when the rows run out
     * or the result closes, rather than cell by cell.
     */
    @Override
    public boolean next() throws SQLException {
        boolean more;
        more = delegate.next();   // drivers that fetch lazily fail here rather than at execute
        if (more) {
            rows++;
        } else {
            countMaskedCells();
        }
        return more;
    }

    @Override
    public void close() throws SQLException {
        countMaskedCells();
        delegate.close();
    }

    private void countMaskedCells() {
        if (rows > 0 && plan.countsCells()) {
            plan.countMaskedCells(rows, connection.enforcement.meters());
        }
        rows = 0;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return connection.scrubber.scrub(delegate.getWarnings(), run());
    }

    /** What a call on this result throws for {@code e}, which the driver threw ({@link ErrorScrubber}). */
    final SQLException scrub(SQLException e) {
        return connection.scrubber.scrub(e, run());
    }

    /** What a getter of {@code column} throws for {@code e}: as it is when the column is shown in clear. */
    final SQLException scrubRead(int column, SQLException e) {
        return plan.mask(column) == MaskPlan.CLEAR ? connection.scrubber.visible(e) : scrub(e);
    }

    /** What a getter by label throws for {@code e}; one of a masked result went through the getter by index. */
    final SQLException scrubRead(String label, SQLException e) {
        return plan.masksAny() ? scrub(e) : connection.scrubber.visible(e);
    }

    /** The run of the statement that produced this result, or null (metadata results, cursors of no run). */
    private Execution run() {
        return statement == null ? null : statement.execution;
    }

    @Override
    public boolean wasNull() throws SQLException {
        return lastRead == RAW ? delegate.wasNull() : lastRead == MASKED_NULL;
    }

    @Override
    public String getString(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getString(column);
        }
        return maskedText(mask, column);
    }

    @Override
    public String getNString(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getNString(column);
        }
        return maskedText(mask, column);
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getBoolean(column);
        }
        Boolean value = masked(mask, column).as(Boolean.class);
        return value != null && value;
    }

    @Override
    public byte getByte(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getByte(column);
        }
        Byte value = masked(mask, column).as(Byte.class);
        return value == null ? 0 : value;
    }

    @Override
    public short getShort(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getShort(column);
        }
        Short value = masked(mask, column).as(Short.class);
        return value == null ? 0 : value;
    }

    @Override
    public int getInt(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getInt(column);
        }
        Integer value = masked(mask, column).as(Integer.class);
        return value == null ? 0 : value;
    }

    @Override
    public long getLong(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getLong(column);
        }
        Long value = masked(mask, column).as(Long.class);
        return value == null ? 0L : value;
    }

    @Override
    public float getFloat(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getFloat(column);
        }
        Float value = masked(mask, column).as(Float.class);
        return value == null ? 0f : value;
    }

    @Override
    public double getDouble(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getDouble(column);
        }
        Double value = masked(mask, column).as(Double.class);
        return value == null ? 0d : value;
    }

    @Override
    public BigDecimal getBigDecimal(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getBigDecimal(column);
        }
        return masked(mask, column).as(BigDecimal.class);
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getBigDecimal(column, scale);
        }
        BigDecimal value = masked(mask, column).as(BigDecimal.class);
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getBytes(column);
        }
        return masked(mask, column).bytes();
    }

    @Override
    public Date getDate(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getDate(column);
        }
        return masked(mask, column).as(Date.class);
    }

    @Override
    public Date getDate(int column, Calendar calendar) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getDate(column, calendar);
        }
        return masked(mask, column).as(Date.class);
    }

    @Override
    public Time getTime(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getTime(column);
        }
        return masked(mask, column).as(Time.class);
    }

    @Override
    public Time getTime(int column, Calendar calendar) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getTime(column, calendar);
        }
        return masked(mask, column).as(Time.class);
    }

    @Override
    public Timestamp getTimestamp(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getTimestamp(column);
        }
        return masked(mask, column).as(Timestamp.class);
    }

    @Override
    public Timestamp getTimestamp(int column, Calendar calendar) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getTimestamp(column, calendar);
        }
        return masked(mask, column).as(Timestamp.class);
    }

    @Override
    public InputStream getAsciiStream(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getAsciiStream(column);
        }
        String text = maskedText(mask, column);
        return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getUnicodeStream(column);
        }
        String text = maskedText(mask, column);
        return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_16BE));
    }

    @Override
    public InputStream getBinaryStream(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getBinaryStream(column);
        }
        byte[] bytes = masked(mask, column).bytes();
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    @Override
    public Reader getCharacterStream(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getCharacterStream(column);
        }
        String text = maskedText(mask, column);
        return text == null ? null : new StringReader(text);
    }

    @Override
    public Reader getNCharacterStream(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getNCharacterStream(column);
        }
        String text = maskedText(mask, column);
        return text == null ? null : new StringReader(text);
    }

    @Override
    public Object getObject(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return cursorSafe(delegate.getObject(column));
        }
        return masked(mask, column).object();
    }

    @Override
    public Object getObject(int column, Map<String, Class<?>> map) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return cursorSafe(delegate.getObject(column, map));
        }
        return masked(mask, column).object();
    }

    @Override
    public <T> T getObject(int column, Class<T> type) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            T value = delegate.getObject(column, type);
            return value instanceof ResultSet ? type.cast(cursorSafe(value)) : value;
        }
        return masked(mask, column).as(type);
    }

    @Override
    public Blob getBlob(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getBlob(column);
        }
        return masked(mask, column).as(Blob.class);
    }

    @Override
    public Clob getClob(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getClob(column);
        }
        return masked(mask, column).as(Clob.class);
    }

    @Override
    public NClob getNClob(int column) throws SQLException {
        CellMask mask = plan.mask(column);
        if (mask == MaskPlan.CLEAR) {
            lastRead = RAW;
            return delegate.getNClob(column);
        }
        return masked(mask, column).as(NClob.class);
    }

    @Override
    public Array getArray(int column) throws SQLException {
        return hidden(column) ? null : delegate.getArray(column);
    }

    @Override
    public Ref getRef(int column) throws SQLException {
        return hidden(column) ? null : delegate.getRef(column);
    }

    @Override
    public RowId getRowId(int column) throws SQLException {
        return hidden(column) ? null : delegate.getRowId(column);
    }

    @Override
    public SQLXML getSQLXML(int column) throws SQLException {
        return hidden(column) ? null : delegate.getSQLXML(column);
    }

    @Override
    public URL getURL(int column) throws SQLException {
        return hidden(column) ? null : delegate.getURL(column);
    }

    @Override
    public final Statement getStatement() {
        return statement;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Unwrapping.unwrap(this, delegate, iface, connection.enforcement.policy().allowUnwrap());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Unwrapping.isWrapperFor(this, delegate, iface, connection.enforcement.policy().allowUnwrap());
    }

    @Override
    public String toString() {
        return "ClaimGuard[" + delegate + "]";
    }
}
