package io.claimguard.jdbc.analysis;

import io.claimguard.jdbc.policy.ColumnRule;
import java.util.List;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.statement.Statement;

/**
 * What a statement writes into protected columns, and how it can be run so that a write of what
 * the subject was shown keeps the stored value instead.
 *
 * <p>An UPDATE that sets a protected column to a parameter or a literal is prepared on the driver
 * in a {@linkplain #driverSql() flagged form}: {@code ssn = ?} becomes
 * {@code ssn = CASE WHEN ? = 1 THEN ssn ELSE ? END}, where the first parameter is a flag
 * ClaimGuard binds on every run (1: keep the stored value) and the application's parameters move
 * to {@linkplain #position(int) new positions}. One driver statement thus serves subjects who may
 * write the column and subjects whose write of the mask must leave it as it is. Whether a value
 * is what the subject was shown is read with the {@linkplain #shownQuery() shown query}: the
 * written columns of the rows the UPDATE's WHERE clause matches, run as the subject.
 */
public final class WriteBack {
    public static final WriteBack NONE = new WriteBack(List.of(), false, null, null, null, null, new int[0], new int[0],
            new int[0]);

    /** How the SQL text gives a written value. */
    public sealed interface Value permits Parameter, Literal, Given {
    }

    /** A parameter, by the application's 1-based index. */
    public record Parameter(int index) implements Value {
    }

    /** A literal: a String, a Long, a BigDecimal, or null for NULL. */
    public record Literal(Object value) implements Value {
    }

    /** Values decided by the text alone. */
    public enum Given implements Value {
        /** The column set to itself: nothing changes. */
        UNCHANGED,
        /** The column's default. */
        DEFAULT,
        /** An expression, a query, or a value the analysis cannot tell. */
        COMPUTED
    }

    /**
     * One protected column written by one row of the statement, for one of the column's rules.
     *
     * @param flag which keep flag the write has (1-based, in the order of {@link #flagPosition(int)}
     *             and of the shown query's columns), or 0 when it has none
     */
    public record Write(ColumnRule rule, Value value, int flag) {
    }

    private final List<Write> writes;
    private final boolean overwrites;
    /** The parsed statement with its flag parameters, printed again for plain statements; null if none. */
    private final Statement flagged;
    private final List<JdbcParameter> flags;
    private final String driverSql;
    private final String shownQuery;
    private final int[] shownParameters;
    /** Per application parameter (index 0 unused): its driver position; empty when none move. */
    private final int[] positions;
    private final int[] flagPositions;

    WriteBack(List<Write> writes, boolean overwrites, Statement flagged, List<JdbcParameter> flags, String driverSql,
              String shownQuery, int[] shownParameters, int[] positions, int[] flagPositions) {
        this.writes = List.copyOf(writes);
        this.overwrites = overwrites;
        this.flagged = flagged;
        this.flags = flags == null ? List.of() : List.copyOf(flags);
        this.driverSql = driverSql;
        this.shownQuery = shownQuery;
        this.shownParameters = shownParameters;
        this.positions = positions;
        this.flagPositions = flagPositions;
    }

    /** Writes known only to happen, not how: none can be checked against what was shown. */
    static WriteBack unchecked(List<Write> writes, boolean overwrites) {
        return writes.isEmpty() ? NONE : new WriteBack(writes, overwrites, null, null, null, null, new int[0], new int[0],
                new int[0]);
    }

    /** Every protected column the statement writes, per rule, and per row of a multi-row INSERT. */
    public List<Write> writes() {
        return writes;
    }

    /**
     * Whether the writes replace values of existing rows (UPDATE, upserts, MERGE), so that
     * writing back what was shown means something; an INSERT writes new rows, where nothing was.
     */
    public boolean overwrites() {
        return overwrites;
    }

    /** How many keep flags the driver's text has. */
    public int flagCount() {
        return flags.size();
    }

    /** The driver position of keep flag {@code flag} (1-based). */
    public int flagPosition(int flag) {
        return flagPositions[flag - 1];
    }

    /** The text to prepare on the driver, or null to prepare the application's own. */
    public String driverSql() {
        return driverSql;
    }

    /**
     * The flagged columns of the rows the UPDATE matches, in flag order, taking the WHERE
     * clause's parameters ({@link #shownParameters()}); null when nothing is flagged.
     */
    public String shownQuery() {
        return shownQuery;
    }

    /** The application's parameters the shown query takes, in its order. */
    public int[] shownParameters() {
        return shownParameters.clone();
    }

    /** Where the driver's statement takes the application's parameter {@code index}. */
    public int position(int index) {
        return index > 0 && index < positions.length ? positions[index] : index;
    }

    /** Whether parameters move on the driver, because flags were added. */
    public boolean movesParameters() {
        return positions.length > 0;
    }

    /** How many parameters the application's text takes, when parameters move. */
    public int parameterCount() {
        return positions.length - 1;
    }

    /**
     * The text for a plain statement, in which flag {@code i + 1} keeps the stored value when
     * {@code keep[i]}: the flags are printed as literals. The application's text when nothing is kept.
     */
    public String plainSql(String sql, boolean[] keep) {
        boolean any = false;
        for (boolean k : keep) {
            any |= k;
        }
        if (!any || flagged == null) {
            return sql;
        }
        synchronized (flagged) {
            // The parsed statement is shared: flags print as literals only while it is printed.
            for (int i = 0; i < flags.size(); i++) {
                flags.get(i).setParameterCharacter(keep[i] ? "1" : "0");
            }
            try {
                return flagged.toString();
            } finally {
                flags.forEach(f -> f.setParameterCharacter("?"));
            }
        }
    }
}
