package io.claimguard.jdbc.analysis;

import io.claimguard.jdbc.analysis.WriteBack.Given;
import io.claimguard.jdbc.analysis.WriteBack.Literal;
import io.claimguard.jdbc.analysis.WriteBack.Parameter;
import io.claimguard.jdbc.analysis.WriteBack.Value;
import io.claimguard.jdbc.analysis.WriteBack.Write;
import io.claimguard.jdbc.policy.ColumnRef;
import io.claimguard.jdbc.policy.ColumnRule;
import io.claimguard.jdbc.policy.Dialect;
import io.claimguard.jdbc.policy.Name;
import io.claimguard.jdbc.policy.Policy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * Finds the protected columns an INSERT, UPDATE or MERGE writes and how each value is given, and
 * flags the writes of a single-table UPDATE so that they can keep the stored value
 * ({@link WriteBack}). Anything less plain (joins, CTEs, upserts, MERGE, row values) is reported
 * as {@link Given#COMPUTED}: such a write cannot be checked against what the subject was shown.
 */
final class WrittenColumns {
    private final Policy policy;
    private final Dialect dialect;

    private WrittenColumns(Policy policy, Dialect dialect) {
        this.policy = policy;
        this.dialect = dialect;
    }

    static WriteBack of(Statement statement, Policy policy, Dialect dialect) {
        List<Statement> modifying = SqlAnalyzer.modifyingWithItems(statement);
        if (!modifying.isEmpty()) {
            // writes inside WITH: each is only known to happen, not how
            List<WriteBack> parts = new ArrayList<>();
            modifying.forEach(inner -> parts.add(of(inner, policy, dialect)));
            parts.add(ofOwn(statement, policy, dialect));
            return computed(parts);
        }
        return ofOwn(statement, policy, dialect);
    }

    private static WriteBack ofOwn(Statement statement, Policy policy, Dialect dialect) {
        WrittenColumns finder = new WrittenColumns(policy, dialect);
        if (statement instanceof Upsert upsert) {
            return finder.everyColumnOf(upsert.getTable());   // REPLACE replaces whole rows
        }
        if (statement instanceof Update update) {
            return finder.update(update);
        }
        if (statement instanceof Insert insert) {
            return finder.insert(insert);
        }
        if (statement instanceof Merge merge) {
            return finder.everyColumnOf(merge.getTable());
        }
        return WriteBack.NONE;
    }

    /** Several statements in one text: each write is only known to happen, not how. */
    static WriteBack computed(Collection<WriteBack> parts) {
        List<Write> writes = new ArrayList<>();
        for (WriteBack part : parts) {
            part.writes().forEach(w -> writes.add(new Write(w.rule(), Given.COMPUTED, 0)));
        }
        return WriteBack.unchecked(writes, true);
    }

    // ---- UPDATE

    private WriteBack update(Update update) {
        Table target = update.getTable();
        if (target == null || target.getName() == null) {
            return WriteBack.NONE;
        }
        List<JdbcParameter> parameters = ReferenceCollector.of(update).parameters;
        boolean plain = update.getFromItem() == null && isEmpty(update.getJoins()) && isEmpty(update.getStartJoins())
                && isEmpty(update.getWithItemsList()) && numberedInOrder(parameters);
        List<Write> writes = new ArrayList<>();
        List<JdbcParameter> flags = new ArrayList<>();
        List<Integer> flagSlots = new ArrayList<>();   // how many application parameters precede each flag
        List<Column> shown = new ArrayList<>();
        int parametersBefore = 0;
        for (UpdateSet set : update.getUpdateSets()) {
            ExpressionList<Column> columns = set.getColumns();
            int parametersInSet = ReferenceCollector.of(set.getValues()).parameters.size();
            boolean single = plain && columns.size() == 1 && set.getValues().size() == 1;
            for (Column column : columns) {
                List<ColumnRule> rules = rulesFor(target, column);
                if (rules.isEmpty()) {
                    continue;
                }
                Value value = single ? value(set.getValues().get(0), target, column) : Given.COMPUTED;
                int flag = 0;
                if ((value instanceof Parameter || value instanceof Literal)
                        && rules.stream().anyMatch(r -> r.writes().keepsWhatWasShown())) {
                    JdbcParameter keep = new JdbcParameter();
                    flags.add(keep);
                    flagSlots.add(parametersBefore);
                    flag = flags.size();
                    setValue(set, keepUnless(keep, column, set.getValues().get(0)));
                    shown.add(column);
                }
                for (ColumnRule rule : rules) {
                    writes.add(new Write(rule, value, flag));
                }
            }
            parametersBefore += parametersInSet;
        }
        if (flags.isEmpty()) {
            return WriteBack.unchecked(writes, true);
        }
        int[] flagPositions = new int[flags.size()];
        for (int f = 0; f < flagPositions.length; f++) {
            flagPositions[f] = flagSlots.get(f) + f + 1;
        }
        int[] positions = new int[parameters.size() + 1];
        for (int index = 1; index < positions.length; index++) {
            int before = index;
            positions[index] = index + (int) flagSlots.stream().filter(slot -> slot < before).count();
        }
        StringBuilder query = new StringBuilder("SELECT ");
        for (int i = 0; i < shown.size(); i++) {
            query.append(i == 0 ? "" : ", ").append(shown.get(i));
        }
        query.append(" FROM ").append(target);
        int[] whereParameters = new int[0];
        if (update.getWhere() != null) {
            query.append(" WHERE ").append(update.getWhere());
            whereParameters = ReferenceCollector.of(update.getWhere()).parameters.stream()
                    .mapToInt(JdbcParameter::getIndex).sorted().toArray();
        }
        return new WriteBack(writes, true, update, flags, update.toString(), query.toString(), whereParameters,
                positions, flagPositions);
    }

    /** {@code CASE WHEN ? = 1 THEN column ELSE value END}: the flag chooses the stored value. */
    private static Expression keepUnless(JdbcParameter flag, Column column, Expression value) {
        return new CaseExpression()
                .withWhenClauses(new WhenClause()
                        .withWhenExpression(new EqualsTo(flag, new LongValue(1)))
                        .withThenExpression(column))
                .withElseExpression(value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void setValue(UpdateSet set, Expression value) {
        ((List) set.getValues()).set(0, value);
    }

    /** Flags are numbered by position: parameters numbered otherwise ({@code ?1}) cannot be moved. */
    private static boolean numberedInOrder(List<JdbcParameter> parameters) {
        for (JdbcParameter parameter : parameters) {
            if (parameter.isUseFixedIndex() || parameter.getIndex() == null) {
                return false;
            }
        }
        return parameters.stream().map(JdbcParameter::getIndex).sorted().distinct().count() == parameters.size()
                && parameters.stream().mapToInt(JdbcParameter::getIndex).max().orElse(0) == parameters.size();
    }

    // ---- INSERT

    private WriteBack insert(Insert insert) {
        Table target = insert.getTable();
        if (target == null || target.getName() == null || insert.isOnlyDefaultValues()) {
            return WriteBack.NONE;
        }
        Map<Column, List<Value>> written = new LinkedHashMap<>();
        if (insert.getSetUpdateSets() != null && !insert.getSetUpdateSets().isEmpty()) {
            for (UpdateSet set : insert.getSetUpdateSets()) {
                boolean single = set.getColumns().size() == 1 && set.getValues().size() == 1;
                for (Column column : set.getColumns()) {
                    written.computeIfAbsent(column, c -> new ArrayList<>())
                            .add(single ? value(set.getValues().get(0), target, column) : Given.COMPUTED);
                }
            }
        } else if (insert.getColumns() == null || insert.getColumns().isEmpty()) {
            return everyColumnOf(target);   // values by position: which one lands where is the catalog's
        } else {
            List<Column> columns = insert.getColumns();
            List<List<Expression>> rows = rows(insert, columns.size());
            for (int c = 0; c < columns.size(); c++) {
                List<Value> values = written.computeIfAbsent(columns.get(c), k -> new ArrayList<>());
                if (rows == null) {
                    values.add(Given.COMPUTED);   // INSERT ... SELECT
                } else {
                    for (List<Expression> row : rows) {
                        values.add(value(row.get(c), target, columns.get(c)));
                    }
                }
            }
        }
        for (UpdateSet set : upsertSets(insert)) {
            set.getColumns().forEach(c -> written.computeIfAbsent(c, k -> new ArrayList<>()).add(Given.COMPUTED));
        }
        List<Write> writes = new ArrayList<>();
        written.forEach((column, values) -> {
            for (ColumnRule rule : rulesFor(target, column)) {
                values.forEach(value -> writes.add(new Write(rule, value, 0)));
            }
        });
        return WriteBack.unchecked(writes, false);
    }

    /** The rows of an INSERT ... VALUES, each as long as the column list; null for anything else. */
    private static List<List<Expression>> rows(Insert insert, int width) {
        if (!(insert.getSelect() instanceof Values values)) {
            return null;
        }
        List<? extends Expression> items = values.getExpressions();
        List<List<Expression>> rows = new ArrayList<>();
        boolean parenthesed = width > 1 && items.stream().allMatch(i -> i instanceof ParenthesedExpressionList<?>);
        if (parenthesed) {
            for (Expression item : items) {
                rows.add(new ArrayList<>((ParenthesedExpressionList<?>) item));
            }
        } else {
            rows.add(new ArrayList<>(items));
        }
        return rows.stream().allMatch(row -> row.size() == width) ? rows : null;
    }

    private static List<UpdateSet> upsertSets(Insert insert) {
        List<UpdateSet> sets = new ArrayList<>();
        if (insert.getDuplicateUpdateSets() != null) {
            sets.addAll(insert.getDuplicateUpdateSets());
        }
        if (insert.getConflictAction() != null && insert.getConflictAction().getUpdateSets() != null) {
            sets.addAll(insert.getConflictAction().getUpdateSets());
        }
        return sets;
    }

    // ---- shared

    private WriteBack everyColumnOf(Table target) {
        if (target == null || target.getName() == null) {
            return WriteBack.NONE;
        }
        List<Write> writes = new ArrayList<>();
        for (ColumnRule rule : policy.rulesForTable(schemaOf(target), Name.parse(target.getName()), dialect)) {
            writes.add(new Write(rule, Given.COMPUTED, 0));
        }
        return WriteBack.unchecked(writes, true);
    }

    private List<ColumnRule> rulesFor(Table target, Column column) {
        return policy.rulesFor(new ColumnRef(schemaOf(target), Name.parse(target.getName()),
                Name.parse(column.getColumnName())), dialect);
    }

    private static Name schemaOf(Table table) {
        return table.getSchemaName() == null ? null : Name.parse(table.getSchemaName());
    }

    /** How {@code expression}, written into {@code column} of {@code target}, gives its value. */
    private Value value(Expression expression, Table target, Column column) {
        if (expression instanceof JdbcParameter parameter) {
            return new Parameter(parameter.getIndex());
        }
        if (expression instanceof NullValue) {
            return new Literal(null);
        }
        if (expression instanceof StringValue text && text.getPrefix() == null) {
            return new Literal(text.getNotExcapedValue());
        }
        BigDecimal number = number(expression);
        if (number != null) {
            return new Literal(number);
        }
        if (expression instanceof Column other) {
            if (other.getTable() == null && other.getColumnName().equalsIgnoreCase("DEFAULT")) {
                return Given.DEFAULT;
            }
            boolean sameName = dialect.matches(Name.parse(column.getColumnName()), Name.parse(other.getColumnName()));
            boolean sameTable = other.getTable() == null || other.getTable().getName() == null
                    || isCalled(target, Name.parse(other.getTable().getName()));
            if (sameName && sameTable) {
                return Given.UNCHANGED;
            }
        }
        return Given.COMPUTED;
    }

    private boolean isCalled(Table target, Name qualifier) {
        Name own = target.getAlias() != null ? Name.parse(target.getAlias().getName()) : Name.parse(target.getName());
        return dialect.matches(own, qualifier);
    }

    private static BigDecimal number(Expression expression) {
        if (expression instanceof LongValue value) {
            return new BigDecimal(value.getStringValue());
        }
        if (expression instanceof DoubleValue value) {
            return BigDecimal.valueOf(value.getValue());
        }
        if (expression instanceof SignedExpression signed && signed.getSign() == '-') {
            BigDecimal magnitude = number(signed.getExpression());
            return magnitude == null ? null : magnitude.negate();
        }
        return null;
    }

    private static boolean isEmpty(Collection<?> items) {
        return items == null || items.isEmpty();
    }
}
