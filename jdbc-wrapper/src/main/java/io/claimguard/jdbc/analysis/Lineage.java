package io.claimguard.jdbc.analysis;

import io.claimguard.jdbc.policy.ColumnRef;
import io.claimguard.jdbc.policy.ColumnRule;
import io.claimguard.jdbc.policy.Dialect;
import io.claimguard.jdbc.policy.Name;
import io.claimguard.jdbc.policy.Policy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Column lineage of a query: for each output column, the protected columns it derives from, through
 * aliases, derived tables, CTEs (recursive ones to a fixed point), set operations, LATERAL, VALUES,
 * scalar and correlated subqueries, functions (user-defined ones derive from what they read) and
 * whole-row references.
 *
 * <p>Resolution errs towards more sources, never fewer: an unqualified name is looked up in every
 * enclosing scope (the database would pick one; we take all), an unknown qualifier matches every
 * table in scope, and anything this class cannot follow sets {@link #incomplete}, so that the
 * caller falls back to tainting every column. Along the way it records every protected column used
 * to choose, join, group or order rows ({@link #predicates}) and every one referenced at all
 * ({@link #referenced}).
 */
final class Lineage {
    private static final int MAX_RECURSION_ROUNDS = 8;

    private final Policy policy;
    private final Dialect dialect;
    final Set<ColumnRule> predicates = new LinkedHashSet<>();
    final Set<ColumnRule> referenced = new LinkedHashSet<>();
    /** Protected columns whose values the query puts where masking cannot follow (session state). */
    final Set<ColumnRule> copied = new LinkedHashSet<>();
    final List<Output.TableName> tables = new ArrayList<>();
    boolean incomplete;

    Lineage(Policy policy, Dialect dialect) {
        this.policy = policy;
        this.dialect = dialect;
    }

    /**
     * One output column, or a block of columns of unknown width: {@code starTables} are matched by
     * label against the result (a {@code *} over base tables); {@code spread} columns all derive
     * from {@code rules} (columns that could not be told apart).
     */
    record Item(String name, Set<ColumnRule> rules, boolean direct, List<Output.TableName> starTables, boolean spread) {
        static Item of(String name, Set<ColumnRule> rules, boolean direct) {
            return new Item(name, rules, direct, List.of(), false);
        }

        boolean isBlock() {
            return spread || !starTables.isEmpty();
        }

        Item named(String newName) {
            return new Item(newName, rules, direct, starTables, spread);
        }

        Output output() {
            return new Output(List.copyOf(rules), direct, starTables, spread);
        }
    }

    // ---- scopes and relations

    /** Something a FROM clause names, seen through the name the query uses for it. */
    private interface Relation {
        boolean isCalled(Name qualifier);

        /** Whether a column of this name may exist here. */
        boolean mayHave(Name column);

        Item column(Name column);

        /** Everything it carries: what a whole-row reference or {@code t.*} inside a function reveals. */
        Set<ColumnRule> wholeRow();

        List<Item> star();
    }

    private final class BaseTable implements Relation {
        private final Output.TableName table;
        private final Name alias;

        BaseTable(Name schema, Name table, Name alias) {
            this.table = new Output.TableName(schema, table);
            this.alias = alias;
            tables.add(this.table);
        }

        @Override
        public boolean isCalled(Name qualifier) {
            return (alias != null ? alias : table.table()).text().equalsIgnoreCase(qualifier.text());
        }

        @Override
        public boolean mayHave(Name column) {
            return true;   // without the catalog, any name may be a column of a base table
        }

        @Override
        public Item column(Name column) {
            return Item.of(column.text(), new LinkedHashSet<>(
                    policy.rulesFor(new ColumnRef(table.schema(), table.table(), column), dialect)), true);
        }

        @Override
        public Set<ColumnRule> wholeRow() {
            return new LinkedHashSet<>(policy.rulesForTable(table.schema(), table.table(), dialect));
        }

        @Override
        public List<Item> star() {
            return List.of(new Item(null, wholeRow(), true, List.of(table), false));
        }
    }

    /** A derived table, CTE, LATERAL subquery or VALUES list: known by its output items. */
    private final class Derived implements Relation {
        private final Name alias;
        private final List<Item> items;

        Derived(Name alias, List<Item> items) {
            this.alias = alias;
            this.items = items;
        }

        @Override
        public boolean isCalled(Name qualifier) {
            return alias != null && alias.text().equalsIgnoreCase(qualifier.text());
        }

        @Override
        public boolean mayHave(Name column) {
            return items.stream().anyMatch(i -> i.isBlock() || column.text().equalsIgnoreCase(i.name()));
        }

        @Override
        public Item column(Name column) {
            Set<ColumnRule> rules = new LinkedHashSet<>();
            int found = 0;
            boolean direct = true;
            for (Item item : items) {
                if (item.spread()) {
                    rules.addAll(item.rules());
                    found++;
                    direct = false;
                } else if (!item.starTables().isEmpty()) {
                    for (Output.TableName table : item.starTables()) {
                        rules.addAll(policy.rulesFor(new ColumnRef(table.schema(), table.table(), column), dialect));
                    }
                } else if (column.text().equalsIgnoreCase(item.name())) {
                    rules.addAll(item.rules());
                    direct &= item.direct();
                    found++;
                }
            }
            return Item.of(column.text(), rules, direct && found <= 1);
        }

        @Override
        public Set<ColumnRule> wholeRow() {
            Set<ColumnRule> rules = new LinkedHashSet<>();
            items.forEach(i -> rules.addAll(i.rules()));
            return rules;
        }

        @Override
        public List<Item> star() {
            return items;
        }
    }

    /** The relations of one query level, the CTEs it may name, and the level around it. */
    private static final class Scope {
        final Scope parent;
        final List<Relation> relations = new ArrayList<>();
        final Map<String, Relation> ctes = new HashMap<>();

        Scope(Scope parent) {
            this.parent = parent;
        }

        Relation cte(Name name) {
            for (Scope s = this; s != null; s = s.parent) {
                Relation found = s.ctes.get(name.key());
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
    }

    // ---- queries

    /** The output items of a top-level query. */
    List<Item> query(Select select) {
        return query(select, null);
    }

    private List<Item> query(Select select, Scope outer) {
        Scope scope = new Scope(outer);
        if (select.getWithItemsList() != null) {
            for (WithItem<?> with : select.getWithItemsList()) {
                defineCte(with, scope);
            }
        }
        List<Item> items;
        if (select instanceof PlainSelect plain) {
            // the CTE scope; plain() opens the level that holds this query's FROM relations
            items = plain(plain, scope);
        } else if (select instanceof SetOperationList union) {
            items = setOperation(union, scope);
        } else if (select instanceof ParenthesedSelect parenthesed) {
            items = query(parenthesed.getSelect(), scope);
        } else if (select instanceof Values values) {
            items = values(values, scope);
        } else if (select instanceof TableStatement table) {
            items = new BaseTable(schemaOf(table.getTable()), Name.parse(table.getTable().getName()), null).star();
        } else {
            incomplete = true;
            items = List.of();
        }
        if (select.getOrderByElements() != null && !(select instanceof PlainSelect)) {
            for (OrderByElement order : select.getOrderByElements()) {
                predicate(order.getExpression(), scope, items, List.of());
            }
        }
        return items;
    }

    private void defineCte(WithItem<?> with, Scope scope) {
        if (!(with.getStatement() instanceof ParenthesedSelect body)) {
            incomplete = true;   // data-modifying CTEs (INSERT ... RETURNING) are not followed
            return;
        }
        Name name = Name.parse(with.getAliasName());
        List<String> columns = with.getWithItemList() == null ? null
                : with.getWithItemList().stream().map(i -> i.getExpression().toString()).toList();
        // A recursive CTE refers to itself: start from nothing and widen until the sources are stable.
        List<Item> items = List.of();
        for (int round = 0; round < MAX_RECURSION_ROUNDS; round++) {
            scope.ctes.put(name.key(), new Derived(name, items));
            List<Item> next = renamed(query(body.getSelect(), scope), columns);
            if (next.equals(items)) {
                return;
            }
            items = next;
        }
        scope.ctes.put(name.key(), new Derived(name, items));
        incomplete = true;
    }

    private List<Item> plain(PlainSelect select, Scope withCtes) {
        if (select.getIntoTables() != null) {
            incomplete = true;   // SELECT ... INTO copies rows out: not a projection
        }
        Scope scope = new Scope(withCtes);
        addRelation(select.getFromItem(), scope);
        boolean reordered = false;
        if (select.getJoins() != null) {
            for (Join join : select.getJoins()) {
                addRelation(join.getFromItem(), scope);
                if (join.isNatural()) {
                    // joins on every same-named column, protected ones included
                    scope.relations.forEach(r -> predicates.addAll(denied(r.wholeRow())));
                }
                reordered |= join.isNatural() || (join.getUsingColumns() != null && !join.getUsingColumns().isEmpty());
            }
        }
        if (reordered && select.getSelectItems().stream().anyMatch(i -> i.getExpression() instanceof AllColumns)) {
            incomplete = true;   // USING and NATURAL move the join columns to the front of *
        }
        List<Item> items = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (SelectItem<?> selectItem : select.getSelectItems()) {
            Expression expression = selectItem.getExpression();
            String alias = selectItem.getAlias() == null ? null : Name.parse(selectItem.getAlias().getName()).text();
            if (expression instanceof AllTableColumns tableStar) {
                for (Relation relation : relationsCalled(Name.parse(tableStar.getTable().getName()), scope)) {
                    items.addAll(relation.star());
                }
                aliases.add(null);
            } else if (expression instanceof AllColumns) {
                scope.relations.forEach(r -> items.addAll(r.star()));
                aliases.add(null);
            } else {
                Item item = expression(expression, scope);
                items.add(item.named(alias != null ? alias
                        : expression instanceof Column column ? Name.parse(column.getColumnName()).text() : null));
                aliases.add(alias);
            }
        }
        for (Expression position : ReferenceCollector.PredicatePositions.of(select)) {
            predicate(position, scope, items, aliases);
        }
        if (select.getMySqlSelectIntoClause() != null) {
            items.forEach(item -> copied.addAll(item.rules()));   // SELECT ... INTO @v
        }
        return items;
    }

    private List<Item> setOperation(SetOperationList union, Scope scope) {
        List<List<Item>> branches = new ArrayList<>();
        for (Select branch : union.getSelects()) {
            branches.add(query(branch, scope));
        }
        if (union.getOperations().stream().anyMatch(op -> !op.isAll())) {
            // UNION, INTERSECT and EXCEPT compare rows: a guessed value shows by whether it merges
            branches.forEach(branch -> branch.forEach(item -> predicates.addAll(denied(item.rules()))));
        }
        List<Item> first = branches.get(0);
        boolean aligned = branches.stream().allMatch(b -> b.size() == first.size() && b.stream().noneMatch(Item::isBlock));
        if (!aligned) {
            return List.of(spread(branches));
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            Set<ColumnRule> rules = new LinkedHashSet<>();
            boolean direct = true;
            for (List<Item> branch : branches) {
                rules.addAll(branch.get(i).rules());
                direct &= branch.get(i).direct();
            }
            items.add(Item.of(first.get(i).name(), rules, direct));
        }
        return items;
    }

    private List<Item> values(Values values, Scope scope) {
        Set<ColumnRule> rules = new LinkedHashSet<>();
        ExpressionList<?> rows = values.getExpressions();
        if (rows != null) {
            for (Expression row : rows) {
                rules.addAll(expression(row, scope).rules());
            }
        }
        return List.of(new Item(null, rules, false, List.of(), true));
    }

    private static Item spread(List<List<Item>> groups) {
        Set<ColumnRule> rules = new LinkedHashSet<>();
        groups.forEach(g -> g.forEach(i -> rules.addAll(i.rules())));
        return new Item(null, rules, false, List.of(), true);
    }

    /** Column lists ({@code WITH c(a, b)}, {@code AS t(a, b)}) rename items by position. */
    private static List<Item> renamed(List<Item> items, List<String> names) {
        if (names == null || names.isEmpty()) {
            return items;
        }
        if (items.size() != names.size() || items.stream().anyMatch(Item::isBlock)) {
            Item all = spread(List.of(items));
            return names.stream().map(n -> Item.of(Name.parse(n).text(), all.rules(), false)).toList();
        }
        List<Item> renamed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            renamed.add(items.get(i).named(Name.parse(names.get(i)).text()));
        }
        return renamed;
    }

    private void addRelation(FromItem item, Scope scope) {
        if (item == null) {
            return;
        }
        Name alias = aliasOf(item.getAlias());
        if (item instanceof Table table) {
            if (!aliasColumns(table.getAlias()).isEmpty()) {
                incomplete = true;   // FROM t AS c(a, b): renamed by position, which needs the catalog
            }
            Name name = Name.parse(table.getName());
            Relation cte = table.getSchemaName() == null ? scope.cte(name) : null;
            if (cte != null) {
                scope.relations.add(new Derived(alias != null ? alias : name, cte.star()));
            } else {
                scope.relations.add(new BaseTable(schemaOf(table), name, alias));
            }
        } else if (item instanceof ParenthesedSelect derived) {
            // LATERAL sees the tables before it; a plain derived table sees the CTEs and enclosing queries.
            Scope sees = item instanceof LateralSubSelect ? scope : scope.parent;
            scope.relations.add(new Derived(alias, renamed(query(derived.getSelect(), sees), aliasColumns(item.getAlias()))));
        } else if (item instanceof ParenthesedFromItem nested) {
            addRelation(nested.getFromItem(), scope);
            if (nested.getJoins() != null) {
                nested.getJoins().forEach(join -> addRelation(join.getFromItem(), scope));
            }
        } else if (item instanceof TableFunction function) {
            Item arguments = expression(function.getFunction(), scope);
            scope.relations.add(new Derived(alias, List.of(new Item(null, arguments.rules(), false, List.of(), true))));
        } else {
            incomplete = true;
        }
    }

    /**
     * Level 3 of the analysis, for statements the lineage does not follow: every protected column
     * that the references {@code found} may denote, with the tables of {@code outer} and those
     * found in one flat scope, so that any column may come from any of them.
     */
    Set<ColumnRule> flat(ReferenceCollector found, List<Table> outer) {
        Scope scope = new Scope(null);
        outer.forEach(table -> addRelation(table, scope));
        found.tables.forEach(table -> addRelation(table, scope));
        Set<ColumnRule> rules = new LinkedHashSet<>(routineReads(found.calls, policy, dialect));
        for (Column column : found.columns) {
            rules.addAll(resolve(column, scope).rules());
        }
        if (found.star) {
            allRelations(scope).forEach(relation -> rules.addAll(relation.wholeRow()));
        }
        return rules;
    }

    // ---- expressions

    /** The sources of an expression's value: its columns, whole rows, stars and subqueries. */
    private Item expression(Expression expression, Scope scope) {
        ExpressionReferences found = ExpressionReferences.of(expression);
        Set<ColumnRule> rules = new LinkedHashSet<>();
        boolean direct = expression instanceof Column;
        for (Column column : found.columns) {
            Item resolved = resolve(column, scope);
            rules.addAll(resolved.rules());
            direct &= resolved.direct();
        }
        for (AllColumns star : found.stars) {
            List<Relation> relations = star instanceof AllTableColumns tableStar
                    ? relationsCalled(Name.parse(tableStar.getTable().getName()), scope) : allRelations(scope);
            relations.forEach(r -> rules.addAll(r.wholeRow()));
        }
        for (Select subquery : found.subqueries) {
            query(subquery, scope).forEach(i -> rules.addAll(i.rules()));
        }
        for (Expression condition : found.conditions) {
            predicates.addAll(denied(expression(condition, scope).rules()));
        }
        for (Expression value : found.stashed) {
            copied.addAll(expression(value, scope).rules());
        }
        rules.addAll(routineReads(found.calls, policy, dialect));
        referenced.addAll(rules);
        return Item.of(null, rules, direct);
    }

    /** A column reference: every column in any enclosing scope that the name may denote. */
    private Item resolve(Column column, Scope scope) {
        Name name = Name.parse(column.getColumnName());
        Table qualifier = column.getTable();
        List<Relation> candidates = new ArrayList<>();
        Set<ColumnRule> rules = new LinkedHashSet<>();
        if (qualifier != null && qualifier.getName() != null) {
            candidates.addAll(relationsCalled(Name.parse(qualifier.getName()), scope));
        } else {
            for (Relation relation : allRelations(scope)) {
                if (relation.mayHave(name)) {
                    candidates.add(relation);
                }
                if (relation.isCalled(name)) {
                    rules.addAll(relation.wholeRow());   // row_to_json(c): the alias alone is the whole row
                }
            }
        }
        boolean direct = candidates.size() == 1 && rules.isEmpty();
        for (Relation relation : candidates) {
            Item item = relation.column(name);
            rules.addAll(item.rules());
            direct &= item.direct();
        }
        // PostgreSQL reads c.f as f(c): a column named like a routine may be a call of it
        Set<ColumnRule> called = policy.routineReads(null, name, dialect);
        rules.addAll(called);
        return Item.of(name.text(), rules, direct && called.isEmpty());
    }

    /** ORDER BY 2 or ORDER BY alias name a select item; anything else is an expression. */
    private void predicate(Expression position, Scope scope, List<Item> items, List<String> aliases) {
        Set<ColumnRule> rules = null;
        if (position instanceof LongValue index && index.getValue() >= 1 && index.getValue() <= items.size()) {
            rules = items.get((int) index.getValue() - 1).rules();
        } else if (position instanceof Column column && column.getTable() == null) {
            String name = Name.parse(column.getColumnName()).text();
            for (int i = 0; i < aliases.size() && rules == null; i++) {
                if (name.equalsIgnoreCase(aliases.get(i))) {
                    rules = items.get(i).rules();
                }
            }
        }
        if (rules == null) {
            rules = expression(position, scope).rules();
        }
        referenced.addAll(rules);
        predicates.addAll(denied(rules));
    }

    private List<Relation> relationsCalled(Name qualifier, Scope scope) {
        List<Relation> found = new ArrayList<>();
        for (Scope s = scope; s != null && found.isEmpty(); s = s.parent) {
            for (Relation relation : s.relations) {
                if (relation.isCalled(qualifier)) {
                    found.add(relation);
                }
            }
        }
        return found.isEmpty() ? allRelations(scope) : found;   // an unknown qualifier could be anything
    }

    private static List<Relation> allRelations(Scope scope) {
        List<Relation> all = new ArrayList<>();
        for (Scope s = scope; s != null; s = s.parent) {
            all.addAll(s.relations);
        }
        return all;
    }

    /**
     * What calls of user-defined routines derive from, by the parts of their names as written
     * ({@code [schema.]name}); built-in functions are in no policy and read nothing.
     */
    static Set<ColumnRule> routineReads(List<List<String>> calls, Policy policy, Dialect dialect) {
        Set<ColumnRule> reads = new LinkedHashSet<>();
        for (List<String> parts : calls) {
            if (parts != null && !parts.isEmpty() && parts.get(parts.size() - 1) != null) {
                Name schema = parts.size() > 1 ? Name.parse(parts.get(parts.size() - 2)) : null;
                reads.addAll(policy.routineReads(schema, Name.parse(parts.get(parts.size() - 1)), dialect));
            }
        }
        return reads;
    }

    /** The rules among {@code rules} whose columns may not choose or order rows ({@code predicates: deny}). */
    static Set<ColumnRule> denied(Set<ColumnRule> rules) {
        Set<ColumnRule> denied = new LinkedHashSet<>();
        for (ColumnRule rule : rules) {
            if (rule.denyPredicates()) {
                denied.add(rule);
            }
        }
        return denied;
    }

    private static Name schemaOf(Table table) {
        return table.getSchemaName() == null ? null : Name.parse(table.getSchemaName());
    }

    private static Name aliasOf(Alias alias) {
        return alias == null ? null : Name.parse(alias.getName());
    }

    private static List<String> aliasColumns(Alias alias) {
        if (alias == null || alias.getAliasColumns() == null) {
            return List.of();
        }
        return alias.getAliasColumns().stream().map(c -> c.name).toList();
    }
}
