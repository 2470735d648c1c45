package io.claimguard.jdbc.analysis;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Walks a parse tree (jsqlparser's {@link TablesNamesFinder} visits every node kind) and collects
 * every table, column, parameter and {@code *} it contains, plus the expressions that filter, group or sort
 * rows in every SELECT found anywhere in the tree.
 */
final class ReferenceCollector extends TablesNamesFinder<Void> {
    final List<Table> tables = new ArrayList<>();
    final List<Column> columns = new ArrayList<>();
    final List<Expression> predicates = new ArrayList<>();
    final List<JdbcParameter> parameters = new ArrayList<>();
    boolean star;
    /** Whether anything is put into session state ({@link ExpressionReferences#STASHING}, {@code @v := x}). */
    boolean stashes;
    /** The routines called, by the parts of their names as written. */
    final List<List<String>> calls = new ArrayList<>();
    /**
     * The names the statement gives with {@code AS} (column and table aliases) and its CTE names. A
     * view's definition names its columns this way, and an alias may well share a protected view
     * column's name. An alias without {@code AS} is not counted: a parser that reads
     * {@code SELECT HIGH_PRIORITY ssn} as an alias disagrees with the database.
     */
    final List<String> aliases = new ArrayList<>();

    static ReferenceCollector of(Statement statement) {
        ReferenceCollector collector = new ReferenceCollector();
        collector.init(false);
        statement.accept(collector, null);
        return collector;
    }

    static ReferenceCollector of(Expression expression) {
        ReferenceCollector collector = new ReferenceCollector();
        collector.init(true);
        expression.accept(collector, null);
        return collector;
    }

    @Override
    public <S> Void visit(Table table, S context) {
        tables.add(table);
        alias(table.getAlias());
        if (table.getAlias() != null && table.getAlias().getAliasColumns() != null
                && !table.getAlias().getAliasColumns().isEmpty()) {
            star = true;   // FROM t AS c(a, b) renames every column: treat it as all of them
        }
        return super.visit(table, context);
    }

    @Override
    public <S> Void visit(Column column, S context) {
        columns.add(column);
        return super.visit(column, context);
    }

    /** The columns an INSERT names are written, not read; they count as what the text names. */
    @Override
    public <S> Void visit(Insert insert, S context) {
        if (insert.getColumns() != null) {
            columns.addAll(insert.getColumns());
        }
        return super.visit(insert, context);
    }

    @Override
    public <S> Void visit(JdbcParameter parameter, S context) {
        parameters.add(parameter);
        return super.visit(parameter, context);
    }

    @Override
    public <S> Void visit(AllColumns allColumns, S context) {
        star = true;
        return super.visit(allColumns, context);
    }

    @Override
    public <S> Void visit(AllTableColumns allTableColumns, S context) {
        star = true;
        return super.visit(allTableColumns, context);
    }

    /** {@code COUNT(*)} counts rows and reveals no column, so its star is not a reference. */
    @Override
    public <S> Void visit(Function function, S context) {
        if (ExpressionReferences.countsRowsOnly(function)) {
            return null;
        }
        calls.add(function.getMultipartName());
        stashes |= ExpressionReferences.stashes(function);
        return super.visit(function, context);
    }

    @Override
    public <S> Void visit(net.sf.jsqlparser.expression.AnalyticExpression window, S context) {
        calls.add(List.of(window.getName()));
        return super.visit(window, context);
    }

    @Override
    public <S> Void visit(net.sf.jsqlparser.expression.VariableAssignment assignment, S context) {
        stashes = true;
        return super.visit(assignment, context);
    }

    @Override
    public <S> Void visit(PlainSelect select, S context) {
        predicates.addAll(PredicatePositions.of(select));
        for (SelectItem<?> item : select.getSelectItems()) {
            alias(item.getAlias());
        }
        return super.visit(select, context);
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        alias(select.getAlias());
        return super.visit(select, context);
    }

    @Override
    public <S> Void visit(WithItem<?> with, S context) {
        aliases.add(with.getAliasName());
        if (with.getWithItemList() != null) {
            with.getWithItemList().forEach(column -> aliases.add(column.getExpression().toString()));
        }
        return super.visit(with, context);
    }

    private void alias(Alias alias) {
        if (alias != null && alias.isUseAs()) {
            aliases.add(alias.getName());
            if (alias.getAliasColumns() != null) {
                alias.getAliasColumns().forEach(column -> aliases.add(column.name));
            }
        }
    }

    /** The expressions of one SELECT that decide which rows come back, or in which order. */
    static final class PredicatePositions {
        private PredicatePositions() {
        }

        static List<Expression> of(PlainSelect select) {
            List<Expression> found = new ArrayList<>();
            addIfPresent(found, select.getWhere());
            addIfPresent(found, select.getHaving());
            addIfPresent(found, select.getQualify());
            if (select.getJoins() != null) {
                for (Join join : select.getJoins()) {
                    join.getOnExpressions().forEach(e -> addIfPresent(found, e));
                    if (join.getUsingColumns() != null) {
                        found.addAll(join.getUsingColumns());
                    }
                }
            }
            if (select.getGroupBy() != null && select.getGroupBy().getGroupByExpressionList() != null) {
                found.addAll(select.getGroupBy().getGroupByExpressionList());
            }
            if (select.getOrderByElements() != null) {
                for (OrderByElement order : select.getOrderByElements()) {
                    addIfPresent(found, order.getExpression());
                }
            }
            if (select.getWindowDefinitions() != null) {
                // WINDOW w AS (PARTITION BY ... ORDER BY ...)
                for (net.sf.jsqlparser.expression.WindowDefinition window : select.getWindowDefinitions()) {
                    if (window.getPartitionExpressionList() != null) {
                        found.addAll(window.getPartitionExpressionList());
                    }
                    if (window.getOrderByElements() != null) {
                        window.getOrderByElements().forEach(order -> addIfPresent(found, order.getExpression()));
                    }
                }
            }
            if (select.getLimit() != null) {
                // LIMIT (SELECT COUNT(*) ... WHERE ssn LIKE ...) counts rows chosen by a protected column
                addIfPresent(found, select.getLimit().getRowCount());
                addIfPresent(found, select.getLimit().getOffset());
            }
            if (select.getOffset() != null) {
                addIfPresent(found, select.getOffset().getOffset());
            }
            if (select.getDistinct() != null && select.getDistinct().getOnSelectItems() != null) {
                for (SelectItem<?> item : select.getDistinct().getOnSelectItems()) {
                    addIfPresent(found, item.getExpression());
                }
            }
            return found;
        }

        private static void addIfPresent(List<Expression> into, Expression expression) {
            if (expression != null) {
                into.add(expression);
            }
        }
    }
}
