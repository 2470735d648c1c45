package io.claimguard.jdbc.analysis;

import java.util.ArrayList;
import java.util.List;
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
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
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
        stashes |= ExpressionReferences.stashes(function);
        return super.visit(function, context);
    }

    @Override
    public <S> Void visit(net.sf.jsqlparser.expression.VariableAssignment assignment, S context) {
        stashes = true;
        return super.visit(assignment, context);
    }

    @Override
    public <S> Void visit(PlainSelect select, S context) {
        predicates.addAll(PredicatePositions.of(select));
        return super.visit(select, context);
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
