package io.claimguard.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Random SELECTs over cg_customers and cg_orders, valid on H2, PostgreSQL and MariaDB alike (only
 * the character type of a CAST differs): projections of columns and expressions (UPPER, LOWER,
 * CONCAT, SUBSTRING, CAST, COALESCE, CASE, arithmetic), column and table aliases, {@code *} and
 * {@code t.*}, derived tables and CTEs nested up to three deep, UNION ALL, scalar and correlated
 * subqueries, joins between the two tables. Rows are chosen and ordered by unprotected columns only
 * (id, customer_id, name and what derives from them alone), so no statement should be refused for
 * a predicate. The same seed gives the same statements.
 */
final class SelectGenerator {
    enum Kind { TEXT, NUM, DATE, TIMESTAMP, JSON }

    /** A column a relation offers: how to reference it, its kind, whether it derives from a protected column. */
    record Col(String name, Kind kind, boolean secret, boolean key) {
    }

    /** An expression and whether it derives from a protected column. */
    record Expr(String sql, Kind kind, boolean secret) {
    }

    /** Something in a FROM clause: its text, the alias it is referenced by, and its columns. */
    record Rel(String from, String alias, List<Col> cols) {
        String ref(Col col) {
            return alias + "." + col.name();
        }
    }

    /** A query's text and its output columns. */
    record Query(String sql, List<Col> cols) {
    }

    private static final List<Col> CUSTOMERS = List.of(
            new Col("id", Kind.NUM, false, true), new Col("name", Kind.TEXT, false, false),
            new Col("email", Kind.TEXT, true, false), new Col("ssn", Kind.TEXT, true, false),
            new Col("salary", Kind.NUM, true, false), new Col("born", Kind.DATE, true, false),
            new Col("updated_at", Kind.TIMESTAMP, true, false), new Col("card", Kind.TEXT, true, false),
            new Col("notes", Kind.TEXT, true, false), new Col("profile", Kind.JSON, true, false),
            new Col("level", Kind.NUM, true, false), new Col("external_id", Kind.TEXT, true, false));
    private static final List<Col> ORDERS = List.of(new Col("id", Kind.NUM, false, true),
            new Col("customer_id", Kind.NUM, false, true), new Col("total", Kind.NUM, false, false));

    private final Random random;
    private final String text;
    /** HSQLDB's CONCAT of numbers or dates is no text, and mixes with none: its arguments are cast. */
    private final boolean concatNeedsText;
    private int names;
    private List<Rel> ctes = new ArrayList<>();

    SelectGenerator(Random random, TestDatabase db) {
        this.random = random;
        this.text = db == TestDatabase.MARIADB ? "CHAR(200)" : "VARCHAR(200)";
        this.concatNeedsText = db == TestDatabase.HSQLDB;
    }

    /** The next statement. */
    String next() {
        names = 0;
        ctes = new ArrayList<>();
        StringBuilder with = new StringBuilder();
        int cteCount = chance(0.3) ? 1 + random.nextInt(2) : 0;
        for (int i = 0; i < cteCount; i++) {
            Query body = query(random.nextInt(2), false);
            String name = "q" + (++names);
            boolean columnList = chance(0.4);
            List<Col> cols = body.cols();
            if (columnList) {
                List<Col> renamed = new ArrayList<>();
                for (Col col : cols) {
                    renamed.add(new Col("k" + (++names), col.kind(), col.secret(), col.key()));
                }
                cols = renamed;
            }
            with.append(with.length() == 0 ? "WITH " : ", ").append(name);
            if (columnList) {
                with.append(cols.stream().map(Col::name).collect(Collectors.joining(", ", "(", ")")));
            }
            with.append(" AS (").append(body.sql()).append(")");
            ctes.add(new Rel(name, name, cols));
        }
        Query main = query(random.nextInt(3), true);
        return (with.length() == 0 ? "" : with + " ") + main.sql();
    }

    /** A query whose FROM may nest {@code depth} more levels; the top level may order its rows. */
    private Query query(int depth, boolean top) {
        if (chance(0.15)) {
            return union(depth);
        }
        List<Rel> from = from(depth);
        List<Col> cols = new ArrayList<>();
        List<String> items = new ArrayList<>();
        boolean singleRelation = from.size() == 1;
        double star = top ? 0.15 : singleRelation ? 0.15 : 0;
        if (chance(star)) {
            items.add("*");
            from.forEach(r -> cols.addAll(r.cols()));
        } else {
            if (singleRelation && chance(0.2)) {
                Rel rel = from.get(0);
                items.add(rel.alias() + ".*");
                cols.addAll(rel.cols());
            }
            int count = 1 + random.nextInt(4);
            List<Col> scope = scope(from);
            for (int i = 0; i < count; i++) {
                Expr e = expr(pickKind(), from, scope, 2);
                String alias = "c" + (++names);
                boolean aliased = !top || chance(0.6);
                items.add(e.sql() + (aliased ? (chance(0.5) ? " AS " : " ") + alias : ""));
                cols.add(new Col(aliased ? alias : "unnamed", e.kind(), e.secret(), false));
            }
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", items)).append(" FROM ");
        sql.append(join(from));
        String where = condition(from);
        if (where != null && chance(0.4)) {
            sql.append(" WHERE ").append(where);
        }
        if (top && chance(0.4)) {
            Expr order = unprotected(from);
            if (order != null) {
                sql.append(" ORDER BY ").append(order.sql()).append(chance(0.5) ? " DESC" : "");
            }
        }
        return new Query(sql.toString(), cols);
    }

    /** SELECT ... UNION ALL SELECT ...: every item cast to text, so that the branches line up. */
    private Query union(int depth) {
        int width = 1 + random.nextInt(3);
        int branches = 2 + (chance(0.2) ? 1 : 0);
        List<Col> cols = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (int b = 0; b < branches; b++) {
            List<Rel> from = from(Math.max(0, depth - 1));
            List<Col> scope = scope(from);
            List<String> items = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                Expr e = expr(pickKind(), from, scope, 1);
                String alias = "c" + (++names);
                items.add("CAST(" + e.sql() + " AS " + text + ") AS " + alias);
                if (b == 0) {
                    cols.add(new Col(alias, Kind.TEXT, e.secret(), false));
                } else if (e.secret()) {
                    Col first = cols.get(i);
                    cols.set(i, new Col(first.name(), Kind.TEXT, true, false));
                }
            }
            StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", items)).append(" FROM ").append(join(from));
            String where = condition(from);
            if (where != null && chance(0.3)) {
                sql.append(" WHERE ").append(where);
            }
            parts.add(sql.toString());
        }
        return new Query(String.join(" UNION ALL ", parts), cols);
    }

    /** One or two relations: base tables, derived tables, CTEs. */
    private List<Rel> from(int depth) {
        List<Rel> rels = new ArrayList<>();
        rels.add(relation(depth, true));
        if (chance(0.3)) {
            rels.add(relation(0, false));
        }
        return rels;
    }

    private Rel relation(int depth, boolean mayNest) {
        double roll = random.nextDouble();
        if (mayNest && !ctes.isEmpty() && roll < 0.25) {
            Rel cte = ctes.get(random.nextInt(ctes.size()));
            String alias = chance(0.5) ? cte.alias() : "t" + (++names);
            return new Rel(cte.from() + (alias.equals(cte.alias()) ? "" : " " + alias), alias, cte.cols());
        }
        if (mayNest && depth > 0 && roll < 0.6) {
            Query inner = query(depth - 1, false);
            String alias = "t" + (++names);
            return new Rel("(" + inner.sql() + ") " + alias, alias, inner.cols());
        }
        boolean customers = chance(0.7);
        String table = customers ? "cg_customers" : "cg_orders";
        // only a first relation may go unaliased: a second one of the same table would clash with it
        String alias = chance(0.8) || !mayNest ? (customers ? "c" : "o") + (++names) : table;
        return new Rel(alias.equals(table) ? table : table + (chance(0.5) ? " AS " : " ") + alias, alias,
                customers ? CUSTOMERS : ORDERS);
    }

    /** The FROM clause: a second relation joins on unprotected key columns. */
    private String join(List<Rel> from) {
        Rel first = from.get(0);
        if (from.size() == 1) {
            return first.from();
        }
        Rel second = from.get(1);
        Col left = key(first);
        Col right = key(second);
        if (left == null || right == null) {
            return first.from() + " CROSS JOIN " + second.from();
        }
        String kind = switch (random.nextInt(3)) {
            case 0 -> " JOIN ";
            case 1 -> " LEFT JOIN ";
            default -> " INNER JOIN ";
        };
        return first.from() + kind + second.from() + " ON " + first.ref(left) + " = " + second.ref(right);
    }

    private Col key(Rel rel) {
        List<Col> keys = rel.cols().stream().filter(Col::key).toList();
        return keys.isEmpty() ? null : keys.get(random.nextInt(keys.size()));
    }

    private List<Col> scope(List<Rel> from) {
        List<Col> all = new ArrayList<>();
        from.forEach(r -> all.addAll(r.cols()));
        return all;
    }

    private Kind pickKind() {
        double roll = random.nextDouble();
        return roll < 0.6 ? Kind.TEXT : roll < 0.85 ? Kind.NUM : roll < 0.95 ? Kind.DATE : Kind.TIMESTAMP;
    }

    /** An expression of the wanted kind over the relations' columns (TEXT can always be had by CAST). */
    private Expr expr(Kind want, List<Rel> from, List<Col> scope, int depth) {
        List<Expr> columns = new ArrayList<>();
        for (Rel rel : from) {
            for (Col col : rel.cols()) {
                if (!col.name().equals("unnamed")) {
                    columns.add(new Expr(rel.ref(col), col.kind(), col.secret()));
                }
            }
        }
        List<Expr> ofKind = columns.stream().filter(e -> e.kind() == want).toList();
        if (depth == 0 || chance(0.3)) {
            if (!ofKind.isEmpty()) {
                return ofKind.get(random.nextInt(ofKind.size()));
            }
            return want == Kind.NUM ? new Expr("1", Kind.NUM, false)
                    : cast(columns.get(random.nextInt(columns.size())));
        }
        return switch (want) {
            case TEXT -> text(from, scope, depth);
            case NUM -> number(from, scope, depth);
            case DATE, TIMESTAMP -> {
                if (ofKind.isEmpty()) {
                    yield cast(columns.get(random.nextInt(columns.size())));
                }
                Expr a = ofKind.get(random.nextInt(ofKind.size()));
                Expr b = ofKind.get(random.nextInt(ofKind.size()));
                yield chance(0.5) ? caseWhen(a, b, from) : new Expr("COALESCE(" + a.sql() + ", " + b.sql() + ")",
                        want, a.secret() || b.secret());
            }
            case JSON -> throw new IllegalStateException("JSON is only projected as it is");
        };
    }

    private Expr text(List<Rel> from, List<Col> scope, int depth) {
        switch (random.nextInt(8)) {
            case 0: {
                Expr e = expr(Kind.TEXT, from, scope, depth - 1);
                return new Expr((chance(0.5) ? "UPPER(" : "LOWER(") + e.sql() + ")", Kind.TEXT, e.secret());
            }
            case 1: {
                Expr a = concatArgument(expr(anyKind(), from, scope, depth - 1));
                Expr b = chance(0.5) ? concatArgument(expr(anyKind(), from, scope, depth - 1))
                        : new Expr("'-'", Kind.TEXT, false);
                return chance(0.5) ? new Expr("CONCAT(" + a.sql() + ", " + b.sql() + ")", Kind.TEXT, a.secret() || b.secret())
                        : new Expr("CONCAT(" + b.sql() + ", " + a.sql() + ")", Kind.TEXT, a.secret() || b.secret());
            }
            case 2: {
                Expr e = expr(Kind.TEXT, from, scope, depth - 1);
                return new Expr("SUBSTRING(" + e.sql() + ", 1, 20)", Kind.TEXT, e.secret());
            }
            case 3: {
                Expr e = expr(anyKind(), from, scope, depth - 1);
                return cast(e);
            }
            case 4: {
                Expr a = expr(Kind.TEXT, from, scope, depth - 1);
                Expr b = expr(Kind.TEXT, from, scope, depth - 1);
                return new Expr("COALESCE(" + a.sql() + ", " + b.sql() + ")", Kind.TEXT, a.secret() || b.secret());
            }
            case 5: {
                return caseWhen(expr(Kind.TEXT, from, scope, depth - 1), expr(Kind.TEXT, from, scope, depth - 1), from);
            }
            case 6: {
                return subquery(Kind.TEXT, from);
            }
            default: {
                return expr(Kind.TEXT, from, scope, 0);
            }
        }
    }

    private Expr number(List<Rel> from, List<Col> scope, int depth) {
        switch (random.nextInt(6)) {
            case 0: {
                Expr e = expr(Kind.NUM, from, scope, depth - 1);
                String op = switch (random.nextInt(3)) {
                    case 0 -> " + 0";
                    case 1 -> " * 1";
                    default -> " * 1111";
                };
                return new Expr("(" + e.sql() + op + ")", Kind.NUM, e.secret());
            }
            case 1: {
                Expr e = expr(Kind.NUM, from, scope, depth - 1);
                return new Expr("COALESCE(" + e.sql() + ", 0)", Kind.NUM, e.secret());
            }
            case 2: {
                return caseWhen(expr(Kind.NUM, from, scope, depth - 1), expr(Kind.NUM, from, scope, depth - 1), from);
            }
            case 3: {
                return subquery(Kind.NUM, from);
            }
            default: {
                return expr(Kind.NUM, from, scope, 0);
            }
        }
    }

    private Kind anyKind() {
        return chance(0.7) ? Kind.TEXT : chance(0.7) ? Kind.NUM : Kind.DATE;
    }

    private Expr concatArgument(Expr e) {
        return concatNeedsText && e.kind() != Kind.TEXT ? cast(e) : e;
    }

    private Expr cast(Expr e) {
        return new Expr("CAST(" + e.sql() + " AS " + text + ")", Kind.TEXT, e.secret());
    }

    private Expr caseWhen(Expr then, Expr otherwise, List<Rel> from) {
        String condition = condition(from);
        if (condition == null) {
            condition = "1 = 1";
        }
        return new Expr("CASE WHEN " + condition + " THEN " + then.sql() + " ELSE " + otherwise.sql() + " END",
                then.kind(), then.secret() || otherwise.secret());
    }

    /** A scalar subquery over cg_customers: one row by id, correlated with an outer key when there is one. */
    private Expr subquery(Kind want, List<Rel> outer) {
        String alias = "s" + (++names);
        Rel inner = new Rel("cg_customers " + alias, alias, CUSTOMERS);
        Expr e = expr(want, List.of(inner), inner.cols(), 1);
        String id = "1";
        if (chance(0.5)) {
            for (Rel rel : outer) {
                Col key = key(rel);
                if (key != null) {
                    id = rel.ref(key);
                    break;
                }
            }
        }
        String body = chance(0.3) ? "MAX(" + e.sql() + ")" : e.sql();
        return new Expr("(SELECT " + body + " FROM " + inner.from() + " WHERE " + alias + ".id = " + id + ")",
                want, e.secret());
    }

    /** A condition on unprotected columns, or null when the relations offer none. */
    private String condition(List<Rel> from) {
        List<String> options = new ArrayList<>();
        for (Rel rel : from) {
            for (Col col : rel.cols()) {
                if (col.secret() || col.name().equals("unnamed")) {
                    continue;
                }
                String ref = rel.ref(col);
                if (col.kind() == Kind.NUM) {
                    options.add(ref + (chance(0.5) ? " = 1" : " > 0"));
                } else if (col.kind() == Kind.TEXT) {
                    options.add(chance(0.5) ? ref + " LIKE 'J%'" : ref + " IS NOT NULL");
                }
            }
        }
        return options.isEmpty() ? null : options.get(random.nextInt(options.size()));
    }

    private Expr unprotected(List<Rel> from) {
        List<Expr> options = new ArrayList<>();
        for (Rel rel : from) {
            for (Col col : rel.cols()) {
                if (!col.secret() && !col.name().equals("unnamed") && (col.kind() == Kind.NUM || col.kind() == Kind.TEXT)) {
                    options.add(new Expr(rel.ref(col), col.kind(), false));
                }
            }
        }
        return options.isEmpty() ? null : options.get(random.nextInt(options.size()));
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }
}
