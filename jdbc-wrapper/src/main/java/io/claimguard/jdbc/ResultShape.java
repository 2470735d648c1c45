package io.claimguard.jdbc;

import io.claimguard.core.Mode;
import io.claimguard.core.Subject;
import io.claimguard.jdbc.analysis.Analysis;
import io.claimguard.jdbc.analysis.Output;
import io.claimguard.jdbc.mask.CellMask;
import io.claimguard.jdbc.mask.ColumnMask;
import io.claimguard.jdbc.mask.ColumnType;
import io.claimguard.jdbc.policy.ColumnRef;
import io.claimguard.jdbc.policy.ColumnRule;
import io.claimguard.jdbc.policy.Dialect;
import io.claimguard.jdbc.policy.Name;
import io.claimguard.jdbc.policy.Policy;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which protected columns each column of a result derives from, whatever the subject: the
 * statement's analysis laid over the result's metadata. A prepared statement keeps its shape
 * across runs; {@link #planFor} turns it into one subject's masks.
 *
 * <p>Two sources are united, so that either can only add protection: the SELECT-list analysis
 * (aliases, expressions, {@code *} matched by label) and the base table and column the driver
 * reports for the result column, where it reports one.
 *
 * <p>The OUT values of a routine call have a shape too ({@link #ofOutValues}): there a hidden
 * value reads as NULL, as a callable statement's getters return it.
 */
final class ResultShape {
    static final ResultShape NOTHING_PROTECTED = new ResultShape(new ColumnRule[0][], new boolean[0], new ColumnType[0], false);
    private static final ColumnMask DEFAULT_MASK = ColumnMask.parse("default", null);
    /** An OUT value's type is known only once it is read; a value read as NULL needs none. */
    private static final ColumnType OUT_VALUE = new ColumnType(Types.OTHER, "", "");

    /** Per 1-based column: the rules it derives from (empty: unprotected). */
    private final ColumnRule[][] rules;
    /** Per column: whether it hands a protected value through unchanged, so its own mask fits. */
    private final boolean[] direct;
    private final ColumnType[] types;
    /** Whether a hidden column reads as NULL whatever its rules' masks: OUT values. */
    private final boolean hiddenAsNull;

    private ResultShape(ColumnRule[][] rules, boolean[] direct, ColumnType[] types, boolean hiddenAsNull) {
        this.rules = rules;
        this.direct = direct;
        this.types = types;
        this.hiddenAsNull = hiddenAsNull;
    }

    static ResultShape of(ResultSetMetaData metaData, Analysis analysis, Policy policy, Dialect dialect)
            throws SQLException {
        int count = metaData.getColumnCount();
        Builder shape = new Builder(count);
        for (int column = 1; column <= count; column++) {
            Analysis.ColumnSources sources = analysis.sourcesOf(column, count, metaData.getColumnLabel(column), policy, dialect);
            Set<ColumnRule> found = new LinkedHashSet<>(sources.rules());
            List<ColumnRule> base = policy.rulesFor(baseColumn(metaData, column), dialect);
            found.addAll(base);
            shape.set(column, found, sources.passesThrough() || (found.size() == base.size() && !base.isEmpty()), metaData);
        }
        return shape.build();
    }

    /** For generated keys: each column is a column of one of the statement's tables, by label. */
    static ResultShape ofTableColumns(ResultSetMetaData metaData, Analysis analysis, Policy policy, Dialect dialect)
            throws SQLException {
        int count = metaData.getColumnCount();
        Builder shape = new Builder(count);
        for (int column = 1; column <= count; column++) {
            Name label = new Name(metaData.getColumnLabel(column), true);
            Set<ColumnRule> found = new LinkedHashSet<>(Output.columnOf(analysis.tables(), label, policy, dialect));
            found.addAll(policy.rulesFor(baseColumn(metaData, column), dialect));
            shape.set(column, found, true, metaData);
        }
        return shape.build();
    }

    /**
     * The OUT values of a routine call, grouped as {@link OutParameters} groups them: entry {@code i}
     * (1-based) derives from the rules {@code values.get(i - 1)} and, hidden, reads as NULL.
     */
    static ResultShape ofOutValues(List<? extends Collection<ColumnRule>> values) {
        int count = values.size();
        ColumnRule[][] rules = new ColumnRule[count + 1][];
        ColumnType[] types = new ColumnType[count + 1];
        rules[0] = new ColumnRule[0];
        for (int value = 1; value <= count; value++) {
            rules[value] = values.get(value - 1).toArray(new ColumnRule[0]);
            types[value] = OUT_VALUE;
        }
        return new ResultShape(rules, new boolean[count + 1], types, true);
    }

    /** The base column the driver reports, or a reference that matches nothing. */
    private static ColumnRef baseColumn(ResultSetMetaData metaData, int column) throws SQLException {
        String table = metaData.getTableName(column);
        String name = metaData.getColumnName(column);
        if (table == null || table.isEmpty() || name == null || name.isEmpty()) {
            return ColumnRef.stored(null, "", "");
        }
        String schema = metaData.getSchemaName(column);
        if (schema == null || schema.isEmpty()) {
            schema = metaData.getCatalogName(column);   // MariaDB reports the database as catalog
        }
        return ColumnRef.stored(schema, table, name);
    }

    /** The write settings from the strictest down; a column with none of them among its rules allows writes. */
    private static final List<ColumnRule.Writes> STRICTEST_FIRST = List.of(ColumnRule.Writes.DENY,
            ColumnRule.Writes.PRESERVE, ColumnRule.Writes.WRITE_ONLY);

    /**
     * The masks for one subject (null when the statement ran without one). A column is masked by
     * the enforced rules hidden from the subject; one hidden only by rules in report mode stays
     * clear, and is noted as what would have been masked.
     */
    MaskPlan planFor(Subject subject) {
        if (rules.length == 0) {
            return MaskPlan.NOTHING_MASKED;
        }
        CellMask[] masks = new CellMask[rules.length];
        ColumnMask[] shownWith = new ColumnMask[rules.length];
        ColumnRule.Writes[] writes = new ColumnRule.Writes[rules.length];
        ColumnRule.Writes[] reportWrites = new ColumnRule.Writes[rules.length];
        Arrays.fill(masks, MaskPlan.CLEAR);
        AuditedBuilder audited = new AuditedBuilder();
        for (int column = 1; column < rules.length; column++) {
            List<ColumnRule> hidden = new ArrayList<>(0);
            List<ColumnRule> wouldHide = new ArrayList<>(0);
            for (ColumnRule rule : rules[column]) {
                if (rule.hides(subject)) {
                    hidden.add(rule);
                } else if (rule.wouldHide(subject)) {
                    wouldHide.add(rule);
                }
            }
            if (!hidden.isEmpty()) {
                ColumnMask mask = maskFor(hidden, column);
                masks[column] = mask.bind(types[column]);
                shownWith[column] = mask;
                writes[column] = strictest(hidden);
                audited.add(hidden, mask == ColumnMask.NULL, Mode.ENFORCE);
            } else if (!wouldHide.isEmpty()) {
                ColumnMask mask = maskFor(wouldHide, column);
                shownWith[column] = mask;
                reportWrites[column] = strictest(wouldHide);
                audited.add(wouldHide, mask == ColumnMask.NULL, Mode.REPORT);
            }
        }
        return audited.isEmpty() ? MaskPlan.NOTHING_MASKED : new MaskPlan(masks, shownWith, writes, reportWrites, audited.build());
    }

    /** Collects a plan's {@link MaskPlan.Audited}. */
    private static final class AuditedBuilder {
        private final Set<String> masked = new LinkedHashSet<>();
        private final Set<String> nulled = new LinkedHashSet<>();
        private final Set<String> wouldMask = new LinkedHashSet<>();
        private final Set<String> wouldNull = new LinkedHashSet<>();
        private final List<String> cellColumns = new ArrayList<>();
        private final List<Boolean> cellsNulled = new ArrayList<>();
        private final List<Mode> cellModes = new ArrayList<>();

        void add(List<ColumnRule> rules, boolean nulls, Mode mode) {
            Set<String> names = mode == Mode.ENFORCE ? (nulls ? nulled : masked) : (nulls ? wouldNull : wouldMask);
            rules.forEach(rule -> names.add(rule.toString()));
            cellColumns.add(rules.get(0).toString());
            cellsNulled.add(nulls);
            cellModes.add(mode);
        }

        boolean isEmpty() {
            return cellColumns.isEmpty();
        }

        MaskPlan.Audited build() {
            boolean[] nulls = new boolean[cellsNulled.size()];
            for (int i = 0; i < nulls.length; i++) {
                nulls[i] = cellsNulled.get(i);
            }
            return new MaskPlan.Audited(List.copyOf(masked), List.copyOf(nulled), List.copyOf(wouldMask),
                    List.copyOf(wouldNull), cellColumns.toArray(new String[0]), nulls, cellModes.toArray(new Mode[0]));
        }
    }

    /** The strictest write setting among {@code denied}: deny, then preserve, then write_only, then allow. */
    private static ColumnRule.Writes strictest(List<ColumnRule> denied) {
        for (ColumnRule.Writes writes : STRICTEST_FIRST) {
            if (denied.stream().anyMatch(r -> r.writes() == writes)) {
                return writes;
            }
        }
        return ColumnRule.Writes.ALLOW;
    }

    /**
     * A value passed through unchanged gets its column's mask; anything computed from protected
     * values (or from several columns with different masks) gets NULL if any of them asks for NULL,
     * and otherwise the type's default. An OUT value gets NULL.
     */
    private ColumnMask maskFor(List<ColumnRule> denied, int column) {
        if (hiddenAsNull) {
            return ColumnMask.NULL;
        }
        ColumnMask first = denied.get(0).mask();
        boolean same = denied.stream().allMatch(r -> r.mask().spec().equals(first.spec()));
        if (direct[column] && same) {
            return first;
        }
        return denied.stream().anyMatch(r -> r.mask() == ColumnMask.NULL) ? ColumnMask.NULL : DEFAULT_MASK;
    }

    private static final class Builder {
        private final ColumnRule[][] rules;
        private final boolean[] direct;
        private final ColumnType[] types;
        private boolean protectsAny;

        Builder(int count) {
            rules = new ColumnRule[count + 1][];
            direct = new boolean[count + 1];
            types = new ColumnType[count + 1];
            rules[0] = new ColumnRule[0];
        }

        void set(int column, Set<ColumnRule> found, boolean passesThrough, ResultSetMetaData metaData)
                throws SQLException {
            rules[column] = found.toArray(new ColumnRule[0]);
            direct[column] = passesThrough;
            if (!found.isEmpty()) {
                types[column] = ColumnType.of(metaData, column);
                protectsAny = true;
            }
        }

        ResultShape build() {
            return protectsAny ? new ResultShape(rules, direct, types, false) : NOTHING_PROTECTED;
        }
    }
}
