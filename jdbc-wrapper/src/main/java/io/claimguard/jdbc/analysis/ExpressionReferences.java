package io.claimguard.jdbc.analysis;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * What one expression refers to, without descending into its subqueries (they are resolved as
 * queries of their own, in the expression's scope): columns, stars inside functions
 * ({@code to_jsonb(c.*)}), the subqueries themselves, and the sub-expressions that choose rather
 * than carry a value (CASE conditions, window PARTITION BY and ORDER BY).
 */
final class ExpressionReferences extends TablesNamesFinder<Void> {
    final List<Column> columns = new ArrayList<>();
    final List<AllColumns> stars = new ArrayList<>();
    final List<Select> subqueries = new ArrayList<>();
    final List<Expression> conditions = new ArrayList<>();
    /** Values put into session state, where a later statement that names nothing can read them. */
    final List<Expression> stashed = new ArrayList<>();
    /** The routines called, by the parts of their names as written: user-defined ones read out of sight. */
    final List<List<String>> calls = new ArrayList<>();

    /**
     * Functions that keep a value in the session: H2's SET(@v, x), PostgreSQL's set_config,
     * setval and advisory locks (readable from pg_locks), MariaDB's LAST_INSERT_ID(x).
     */
    static final java.util.Set<String> STASHING = java.util.Set.of("set", "set_config", "setval",
            "last_insert_id", "pg_advisory_lock", "pg_advisory_lock_shared", "pg_advisory_xact_lock",
            "pg_advisory_xact_lock_shared", "pg_try_advisory_lock", "pg_try_advisory_lock_shared",
            "pg_try_advisory_xact_lock", "pg_try_advisory_xact_lock_shared");

    static ExpressionReferences of(Expression expression) {
        ExpressionReferences found = new ExpressionReferences();
        found.init(true);
        expression.accept(found, null);
        return found;
    }

    @Override
    public <S> Void visit(Column column, S context) {
        columns.add(column);
        return null;
    }

    @Override
    public <S> Void visit(AllColumns star, S context) {
        stars.add(star);
        return null;
    }

    @Override
    public <S> Void visit(AllTableColumns star, S context) {
        stars.add(star);
        return null;
    }

    /** {@code COUNT(*)} counts rows and reveals no column. */
    @Override
    public <S> Void visit(Function function, S context) {
        if (countsRowsOnly(function)) {
            return null;
        }
        calls.add(function.getMultipartName());
        if (function.getParameters() != null && stashes(function)) {
            stashed.addAll(function.getParameters());
        }
        if (function.getOrderByElements() != null) {
            // string_agg(name ORDER BY ssn) orders by the protected column
            for (OrderByElement order : function.getOrderByElements()) {
                conditions.add(order.getExpression());
            }
        }
        return super.visit(function, context);
    }

    /** {@code COUNT(*)}: its star counts rows and reveals no column. */
    static boolean countsRowsOnly(Function function) {
        return function.isAllColumns() || ("count".equalsIgnoreCase(function.getName()) && function.getParameters() != null
                && function.getParameters().size() == 1 && function.getParameters().get(0) instanceof AllColumns);
    }

    static boolean stashes(Function function) {
        return function.getName() != null && STASHING.contains(function.getName().toLowerCase(java.util.Locale.ROOT));
    }

    /** MariaDB's {@code @v := x}. */
    @Override
    public <S> Void visit(net.sf.jsqlparser.expression.VariableAssignment assignment, S context) {
        stashed.add(assignment.getExpression());
        return super.visit(assignment, context);
    }

    @Override
    public <S> Void visit(WhenClause when, S context) {
        conditions.add(when.getWhenExpression());
        return super.visit(when, context);
    }

    @Override
    public <S> Void visit(AnalyticExpression window, S context) {
        calls.add(List.of(window.getName()));   // a user-defined aggregate used as a window function
        if (window.getPartitionExpressionList() != null) {
            conditions.addAll(window.getPartitionExpressionList());
        }
        if (window.getOrderByElements() != null) {
            for (OrderByElement order : window.getOrderByElements()) {
                conditions.add(order.getExpression());
            }
        }
        return super.visit(window, context);
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        return subquery(select);
    }

    @Override
    public <S> Void visit(PlainSelect select, S context) {
        return subquery(select);
    }

    @Override
    public <S> Void visit(SetOperationList select, S context) {
        return subquery(select);
    }

    @Override
    public <S> Void visit(Values values, S context) {
        return subquery(values);
    }

    /** Subqueries are resolved as queries of their own, so the walk stops at them. */
    private Void subquery(Select select) {
        subqueries.add(select);
        return null;
    }
}
