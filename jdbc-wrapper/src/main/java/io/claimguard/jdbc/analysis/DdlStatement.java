package io.claimguard.jdbc.analysis;

import io.claimguard.jdbc.analysis.SqlLexer.Kind;
import io.claimguard.jdbc.analysis.SqlLexer.Token;
import io.claimguard.jdbc.policy.ColumnRule;
import io.claimguard.jdbc.policy.Dialect;
import io.claimguard.jdbc.policy.Name;
import io.claimguard.jdbc.policy.Policy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A DDL statement (CREATE, ALTER, DROP, RENAME, TRUNCATE) read from its tokens, whatever the parser makes
 * of it: which protected columns it moves out from under the policy, which names tables and
 * columns and cannot follow their data to a new name.
 *
 * <p>For each protected table it names, a statement moves
 * <ul>
 *   <li>the whole table when it renames, moves or replaces it, or makes its rows another
 *       table's ({@code LIKE}, {@code INHERITS}, partitions), or when the query the statement
 *       holds cannot be analysed;</li>
 *   <li>otherwise each protected column of it that it names: renamed, retyped, read by a
 *       {@code USING} or generated-column expression, indexed, or selected by a view;</li>
 * </ul>
 * and what every routine it names reads; a trigger, rule or event, whose code runs later on other
 * statements' writes, and a table read through another connection move every protected column.
 * A plain {@code CREATE TABLE} of a protected table, or a column {@code ALTER TABLE ... ADD}s, only
 * defines columns; {@code DROP}, of an object or of a column, destroys data without reading it; and
 * a statement naming no protected table moves nothing: DDL of other tables, indexes on unprotected
 * columns and comments are not affected.
 */
final class DdlStatement {
    private static final Set<String> VERBS = Set.of("create", "alter", "drop", "rename", "truncate");
    /** Verbs that destroy rows or objects without reading them: what is gone is read under no other name. */
    private static final Set<String> DESTROYS = Set.of("drop", "truncate");
    /** The words that say what kind of object a DDL statement is about. */
    private static final Set<String> OBJECT_KINDS = Set.of("table", "view", "index", "sequence", "trigger", "rule",
            "event", "function", "procedure", "alias", "aggregate", "schema", "database", "type", "domain",
            "materialized", "synonym", "package", "extension", "policy", "statistics", "server", "tablespace", "user",
            "role", "constant", "operator", "cast", "collation", "publication", "subscription");
    /** Code that runs later, on other statements' writes or on a schedule, where no analysis sees what it reads. */
    private static final Set<String> DEFERRED_CODE = Set.of("trigger", "rule", "event");
    /** Objects defined by their words alone: no query or code of theirs reads rows. */
    private static final Set<String> DATA_DEFINITIONS = Set.of("table", "index", "sequence", "schema", "database",
            "type", "domain", "statistics", "policy", "user", "role", "extension", "collation", "tablespace");
    /** Words of an ALTER that make a table's rows, or the table itself, another's. */
    private static final Set<String> HANDS_ROWS_OVER = Set.of("inherit", "attach", "detach", "exchange");
    /** Objects that define no view or routine: creating them changes nothing the catalog reads. */
    private static final Set<String> INERT_WHEN_CREATED = Set.of("table", "index", "sequence");
    /** Words before a table's name that make its rows, or its definition, another table's. */
    private static final Set<String> TAKES_ROWS = Set.of("like", "inherits", "inherit", "clone");
    /** Words of a CREATE that copy rows or a definition from elsewhere, so its own columns are read, not defined. */
    private static final Set<String> COPIES = Set.of("select", "like", "inherits", "clone", "values");

    private final List<Token> tokens;
    private final String verb;
    private final String kind;
    /** The index of the first name after the object kind (the object created or altered), or -1. */
    private final int object;

    private DdlStatement(List<Token> tokens, String verb, String kind, int object) {
        this.tokens = tokens;
        this.verb = verb;
        this.kind = kind;
        this.object = object;
    }

    /** The statement as DDL, or null when it is no CREATE, ALTER, DROP, RENAME or TRUNCATE. */
    static DdlStatement read(String sql, Dialect dialect) {
        List<Token> tokens = SqlLexer.tokens(sql, SqlLexer.variants(dialect).get(0));
        if (tokens == null || tokens.isEmpty() || tokens.get(0).kind() != Kind.WORD) {
            return null;
        }
        String verb = tokens.get(0).text().toLowerCase(Locale.ROOT);
        if (!VERBS.contains(verb)) {
            return null;
        }
        String kind = null;
        int object = -1;
        for (int i = 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (kind == null && token.kind() == Kind.WORD && OBJECT_KINDS.contains(token.text().toLowerCase(Locale.ROOT))) {
                kind = token.text().toLowerCase(Locale.ROOT);
            } else if (kind != null && token.isName() && !isClause(token)) {
                object = i;
                while (object + 2 < tokens.size() && tokens.get(object + 1).isSymbol('.')
                        && tokens.get(object + 2).isName()) {
                    object += 2;   // schema.table: the table
                }
                break;
            }
        }
        if (verb.equals("truncate") && kind == null) {
            kind = "table";   // TRUNCATE names tables only, with or without the word
        }
        return new DdlStatement(tokens, verb, kind, object);
    }

    /** Words between the object kind and its name: {@code MATERIALIZED VIEW}, {@code IF NOT EXISTS}, {@code ONLY}. */
    private static boolean isClause(Token token) {
        if (token.kind() != Kind.WORD) {
            return false;
        }
        String word = token.text().toLowerCase(Locale.ROOT);
        return word.equals("if") || word.equals("not") || word.equals("exists") || word.equals("only")
                || word.equals("view") || word.equals("concurrently");
    }

    /**
     * Whether the statement holds a query or code (a view, CREATE TABLE ... AS, a routine): then
     * what it reads is the query's, which the parser must follow. Any other DDL reads nothing but
     * the columns and routines it names.
     */
    boolean holdsQueryOrCode() {
        return kind == null || !DATA_DEFINITIONS.contains(kind) || holdsQuery();
    }

    /**
     * Whether the statement holds a query whose rows it stores or shows: a view, or {@code AS}
     * a SELECT, VALUES, TABLE or {@code EXECUTE} of a prepared statement.
     */
    boolean holdsQuery() {
        return "view".equals(kind) || "materialized".equals(kind)
                || anyWord(Set.of("select", "values", "execute"), tokens.size()) || asTable();
    }

    /** {@code AS TABLE t}, or the standard's {@code AS (TABLE t)}: a query that reads a whole table. */
    private boolean asTable() {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("as")) {
                int next = i + 1;
                while (next < tokens.size() && tokens.get(next).isSymbol('(')) {
                    next++;
                }
                if (next < tokens.size() && tokens.get(next).isWord("table")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The statement without the SQL standard's trailing {@code WITH [NO] DATA} (HSQLDB's, DB2's and
     * PostgreSQL's {@code CREATE TABLE ... AS (query) WITH DATA}), which the parser does not take;
     * read as if the rows were copied, which is the stricter reading. The text itself when it has none.
     */
    String withoutDataClause(String sql) {
        int n = tokens.size();
        int with = n >= 3 && tokens.get(n - 2).isWord("no") ? n - 3 : n - 2;
        if (holdsQuery() && with > 0 && tokens.get(n - 1).isWord("data") && tokens.get(with).isWord("with")) {
            return sql.substring(0, tokens.get(with).start());
        }
        return sql;
    }

    /**
     * Whether, once run, what the database's views and routines derive from may have changed:
     * any DDL except creating a table, an index or a sequence, and emptying a table.
     */
    boolean redefinesObjects() {
        return !(verb.equals("create") && INERT_WHEN_CREATED.contains(kind) || verb.equals("truncate"));
    }

    /**
     * The protected columns this statement moves out from under {@code policy}.
     *
     * @param unanalysable whether the rest of the analysis could not follow the statement: then it
     *                     moves every protected column of every table it names
     */
    Set<ColumnRule> moves(Policy policy, Dialect dialect, boolean unanalysable) {
        Set<ColumnRule> moved = new LinkedHashSet<>();
        if (DESTROYS.contains(verb)) {
            return moved;
        }
        if ((verb.equals("create") && DEFERRED_CODE.contains(kind)) || readsThroughAnotherConnection()) {
            moved.addAll(policy.rules());
            return moved;
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!token.isName()) {
                continue;
            }
            moved.addAll(policy.routineReads(null, name(token), dialect));   // a DEFAULT or USING may call one
            List<ColumnRule> table = policy.rulesForTable(null, name(token), dialect);
            if (table.isEmpty()) {
                continue;
            }
            if (unanalysable || takesWholeTable(i)) {
                moved.addAll(table);
            } else if (!definesOwnColumns(i)) {
                for (ColumnRule rule : table) {
                    if (namesColumn(rule, dialect)) {
                        moved.add(rule);
                    }
                }
            }
        }
        return moved;
    }

    /**
     * Tables whose rows come through another connection, named in strings that no word search
     * reads: H2's linked tables, foreign tables and servers, MariaDB's CONNECT and FEDERATED engines.
     */
    private boolean readsThroughAnotherConnection() {
        return anyWord(Set.of("linked", "federated"), tokens.size()) || hasWordsBefore("foreign", "table", tokens.size())
                || hasWordsBefore("foreign", "data", tokens.size()) || hasWordsBefore("server", "options", tokens.size())
                || (anyWord(Set.of("connect"), tokens.size()) && anyWord(Set.of("engine"), tokens.size()));
    }

    /** Whether the table named at {@code at} is renamed, moved, dropped, replaced, or gives its rows or shape away. */
    private boolean takesWholeTable(int at) {
        if (verb.equals("rename")) {
            return true;
        }
        if (at == object && verb.equals("create") && anyWord(Set.of("replace"), at)) {
            return true;
        }
        if (verb.equals("alter") && anyWord(HANDS_ROWS_OVER, tokens.size())) {
            return true;
        }
        if (at == object && verb.equals("alter") && (renamesObject() || hasWordsBefore("set", "schema", tokens.size()))) {
            return true;
        }
        return anyWord(TAKES_ROWS, at) || hasWordsBefore("partition", "of", at);
    }

    /**
     * {@code ALTER ... RENAME TO x}, {@code RENAME AS x} or MariaDB's {@code RENAME x}: the
     * object itself; not {@code RENAME [COLUMN|INDEX|KEY|CONSTRAINT] a TO b}, nor H2's and
     * HSQLDB's {@code ALTER COLUMN a RENAME TO b}, which rename a part.
     */
    private boolean renamesObject() {
        for (int i = 0; i < tokens.size(); i++) {
            boolean ofAColumn = i >= 2 && tokens.get(i - 2).isWord("column") && tokens.get(i - 1).isName();
            if (tokens.get(i).isWord("rename") && !ofAColumn) {
                Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                Token after = i + 2 < tokens.size() ? tokens.get(i + 2) : null;
                boolean part = next != null && (next.isWord("column") || next.isWord("index") || next.isWord("key")
                        || next.isWord("constraint") || (next.isName() && !next.isWord("to") && !next.isWord("as")
                        && after != null && after.isWord("to")));
                if (!part) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A plain {@code CREATE TABLE t (...)} of the table named at {@code at}: its columns are defined, not read. */
    private boolean definesOwnColumns(int at) {
        return at == object && verb.equals("create") && "table".equals(kind) && !anyWord(COPIES, tokens.size())
                && !hasWordsBefore("partition", "of", tokens.size());
    }

    private boolean namesColumn(ColumnRule rule, Dialect dialect) {
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isName() && dialect.matches(rule.column().column(), name(token)) && !addsOrDropsColumn(i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the name at {@code at} is the column an {@code ALTER TABLE ... ADD [COLUMN] [IF NOT
     * EXISTS]} defines, or a {@code DROP [COLUMN] [IF EXISTS]} removes: a new, empty column reads
     * nothing (what its definition computes is named after it, and counts), and a dropped one is gone.
     */
    private boolean addsOrDropsColumn(int at) {
        if (!verb.equals("alter")) {
            return false;
        }
        int i = at - 1;
        while (i > 0 && (tokens.get(i).isWord("exists") || tokens.get(i).isWord("not") || tokens.get(i).isWord("if"))) {
            i--;
        }
        if (i > 0 && tokens.get(i).isWord("column")) {
            i--;
        }
        return i > 0 && (tokens.get(i).isWord("add") || tokens.get(i).isWord("drop"));
    }

    /** Whether one of {@code words} stands among the tokens before {@code end}. */
    private boolean anyWord(Set<String> words, int end) {
        for (int i = 0; i < end; i++) {
            Token token = tokens.get(i);
            if (token.kind() == Kind.WORD && words.contains(token.text().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private boolean hasWordsBefore(String first, String second, int end) {
        for (int i = 0; i + 1 < end; i++) {
            if (tokens.get(i).isWord(first) && tokens.get(i + 1).isWord(second)) {
                return true;
            }
        }
        return false;
    }

    private static Name name(Token token) {
        return new Name(token.text(), token.kind() == Kind.QUOTED);
    }
}
