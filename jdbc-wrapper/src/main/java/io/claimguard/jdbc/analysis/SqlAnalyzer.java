package io.claimguard.jdbc.analysis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.claimguard.jdbc.policy.ColumnRule;
import io.claimguard.jdbc.policy.Dialect;
import io.claimguard.jdbc.policy.Name;
import io.claimguard.jdbc.policy.Policy;
import io.claimguard.jdbc.policy.RoutineRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * Finds which protected columns a SQL text can reveal, with jsqlparser, once per distinct text.
 *
 * <p>A text is first cut into the statements the database runs from it ({@link StatementTexts});
 * each is analysed as if it had been sent alone and the analyses are combined
 * ({@link Analysis#sequence}). DDL is read from its words ({@link DdlStatement}): what it moves out
 * from under the policy does not depend on the parser taking its syntax.
 *
 * <p>Within one statement, levels of precision, each sound on its own:
 * <ol>
 *   <li>A text that names no protected table, view or column, nor a routine that reads one (as a
 *       word, in any case), cannot reference one: it is not parsed at all.</li>
 *   <li>A single query is followed column by column ({@link Lineage}): aliases, {@code *},
 *       derived tables, CTEs, set operations, subqueries, functions and whole-row references.</li>
 *   <li>Anything else that parses (and a query the lineage cannot follow) taints every result
 *       column with every protected column it references, resolved against all of its tables at
 *       once ({@link Lineage#flat}); text that does not parse, and routine calls (whose OUT parameters cannot be
 *       told apart), are reported {@linkplain Analysis#unanalysable() unanalysable} with what they
 *       mention, or what the called routine reads.</li>
 * </ol>
 * Results are cached in a bounded Caffeine cache keyed by the SQL text.
 */
public final class SqlAnalyzer {
    private static final int CACHE_SIZE = 10_000;
    private static final Pattern ESCAPED_CALL = Pattern.compile("\\{\\s*(\\?\\s*=\\s*)?call\\b", Pattern.CASE_INSENSITIVE);
    /** A routine call without the JDBC escape: CALL starting a statement, after any comments. */
    private static final Pattern PLAIN_CALL = Pattern.compile("(^|;)(\\s|/\\*.*?\\*/|--[^\\n]*(\\n|$))*call\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /**
     * A text that calls one routine and does nothing else: escaped or plain, with placeholders and
     * plain literals as arguments (an argument that computes anything could read protected data
     * on its way in). Any other call text counts as calling an unknown routine.
     */
    private static final Pattern SINGLE_CALL;
    private static final Pattern ARGUMENT;

    static {
        String name = "(?:[A-Za-z_][\\w$]*|\"[^\"]+\"|`[^`]+`)";
        String argument = "(?:\\?|'[^'\\\\]*'|[-+]?\\d+(?:\\.\\d+)?|null|true|false)";
        SINGLE_CALL = Pattern.compile("\\s*(?:\\{\\s*(?<returns>\\?\\s*=\\s*)?)?call\\s+(?:(?<schema>" + name
                + ")\\s*\\.\\s*)?(?<routine>" + name + ")\\s*(?:\\((?<arguments>\\s*(?:" + argument + "(?:\\s*,\\s*"
                + argument + ")*)?\\s*)\\))?\\s*[};]?\\s*", Pattern.CASE_INSENSITIVE);
        ARGUMENT = Pattern.compile(argument, Pattern.CASE_INSENSITIVE);
    }
    /**
     * Functions that run SQL given as a string or read files, and the statistics catalogs, whose
     * most-common-values and histograms are column values. Names may be quoted or followed by a
     * comment before their parenthesis.
     */
    private static final String UNNAMED_DATA_SOURCES = "(?<![\\w$])\"?(query_to_xml\\w*|table_to_xml\\w*|cursor_to_xml\\w*"
            + "|schema_to_xml\\w*|database_to_xml\\w*|dblink\\w*|ts_stat|csvwrite|csvread|pg_read_file"
            + "|pg_read_binary_file|lo_import|lo_get)\"?(\\s|/\\*.*?\\*/)*\\("
            + "|\\bprocedure\\s+analyse\\b"
            + "|\\b(pg_stats\\w*|pg_statistic\\w*|column_stats)\\b";
    /**
     * Statements that read data without naming it, so that no word search can see what they
     * read: whole-database dumps, SQL assembled and run at run time (DO blocks, EXECUTE,
     * PREPARE, routines being defined, the *_to_xml family, dblink, ts_stat, CSV files),
     * server files, the warnings of earlier statements (SHOW WARNINGS), MariaDB's
     * PROCEDURE ANALYSE, and the statistics catalogs, whose most-common-values and histograms
     * are column values. Names may be quoted or followed by a comment before their parenthesis.
     */
    private static final Pattern READS_UNNAMED_DATA = Pattern.compile(
            "(^|;)(\\s|/\\*.*?\\*/|--[^\\n]*\\n)*(script|backup|do|execute|prepare|copy"
                    + "|create\\s+(or\\s+replace\\s+)?(function|procedure|alias)|show\\s+(warnings|errors)|get\\s+diagnostics)\\b"
                    + "|\\bas\\s+execute\\b"   // CREATE TABLE ... AS EXECUTE: a prepared statement's rows
                    + "|" + UNNAMED_DATA_SOURCES,
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** In a routine's body, SQL run from strings: EXECUTE, PREPARE and COPY anywhere, not only first. */
    private static final Pattern BODY_READS_UNNAMED_DATA = Pattern.compile(
            "\\b(execute|prepare|copy)\\b|" + UNNAMED_DATA_SOURCES, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /**
     * {@code COMMENT ON ... IS 'text'} describes an object and reads nothing; its literal is
     * the only value it takes.
     */
    private static final Pattern COMMENT = Pattern.compile("(\\s|/\\*.*?\\*/|--[^\\n]*\\n)*comment\\s+on\\s+"
            + "(column|table|view)\\s+[^;]*?\\bis\\s+('([^']|'')*'|null)\\s*;?\\s*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** A word that may start DDL, for texts that cannot be cut into statements. */
    private static final Pattern DDL_WORD = Pattern.compile("\\b(create|alter|drop|rename)\\b", Pattern.CASE_INSENSITIVE);
    /**
     * MariaDB runs what is inside executable comments, and reads {@code --1} as minus minus one,
     * where the parser sees comments: the two disagree about what the statement is.
     */
    private static final Pattern MARIADB_COMMENT_TRICKS = Pattern.compile("/\\*M?!|--(?=[^\\s])");
    /** PostgreSQL's U&"\0073sn" spells an identifier that no word search can see. */
    private static final Pattern UNICODE_IDENTIFIER = Pattern.compile("[uU]&\"");

    private final Policy policy;
    private final Dialect dialect;
    private final Cache<String, Analysis> cache = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();
    private final Analysis nothingProtected = Analysis.tainted(Set.of(), Set.of(), List.of());
    private final Analysis routineCall;

    public SqlAnalyzer(Policy policy, Dialect dialect) {
        this.policy = policy;
        this.dialect = dialect;
        this.routineCall = Analysis.unanalysable("calls a routine, whose output cannot be analysed", Set.copyOf(policy.rules()));
    }

    /** The analysis of {@code sql} if the cache holds it, or null: nothing is analysed. */
    public Analysis cached(String sql) {
        return cache.getIfPresent(sql);
    }

    public Analysis analyze(String sql) {
        return cache.get(sql, this::analyzeText);
    }

    /**
     * Each statement of the text as if it had been sent alone ({@link StatementTexts}); the text
     * gets an instance of its own, with its fingerprint, when it touches protected columns.
     */
    private Analysis analyzeText(String sql) {
        List<String> statements = StatementTexts.split(sql, dialect);
        Analysis analysis;
        if (statements == null) {
            analysis = ambiguous(sql);
        } else if (statements.size() == 1) {
            analysis = analyzeStatement(sql);
        } else {
            analysis = Analysis.sequence(statements.stream().map(this::analyzeStatement).toList(),
                    dialect.answersEachStatement());
        }
        if (!analysis.redefinesObjects() && analysis.touched().isEmpty()) {
            return analysis;
        }
        // the shared answers must not carry a fingerprint: this text gets an instance of its own
        Analysis own = analysis == nothingProtected ? Analysis.tainted(Set.of(), Set.of(), List.of())
                : analysis == routineCall ? Analysis.unanalysable(analysis.unanalysable(), analysis.taint()) : analysis;
        own.fingerprint(Fingerprint.of(sql));
        return own;
    }

    /**
     * A text whose statements cannot be told apart for certain (the readings of a server setting
     * disagree, or a literal or comment never closes): it may do anything its words name, DDL included.
     */
    private Analysis ambiguous(String sql) {
        Set<ColumnRule> mentioned = policy.mentionedIn(sql);
        if (mentioned.isEmpty()) {
            return nothingProtected;
        }
        return Analysis.unanalysable("cannot be cut into statements the same way under every setting of the database",
                mentioned).ofDdl(DDL_WORD.matcher(sql).find() ? mentioned : Set.of(), GuardWords.anyIn(sql));
    }

    /** One statement, what it moves out from under the policy if it is DDL, and what it does to the transaction. */
    private Analysis analyzeStatement(String sql) {
        return analyzeOne(sql).controlling(TransactionControl.of(sql, dialect));
    }

    private Analysis analyzeOne(String sql) {
        if (COMMENT.matcher(sql).matches()) {
            return nothingProtected;
        }
        boolean guarded = GuardWords.anyIn(sql);
        DdlStatement ddl = guarded ? DdlStatement.read(sql, dialect) : null;
        if (ddl != null && !ddl.holdsQueryOrCode()) {
            // it reads nothing but the columns and routines it names, which its words tell
            return nothingProtected.ofDdl(ddl.moves(policy, dialect, false), ddl.redefinesObjects());
        }
        if (ddl == null) {
            return analyzeUncached(sql, guarded);
        }
        Analysis analysis = analyzeUncached(ddl.withoutDataClause(sql), guarded);
        Set<ColumnRule> moved = ddl.moves(policy, dialect, analysis.unanalysable() != null);
        if (analysis.unanalysable() != null && ddl.holdsQuery()) {
            moved.addAll(analysis.touched());   // a query no one can follow may store anything it touches
        }
        return analysis.ofDdl(moved, ddl.redefinesObjects());
    }

    /**
     * Whether a routine's body runs SQL it builds at run time or reads data it does not name, so
     * that no search of the body can tell what it reads.
     */
    public static boolean bodyReadsUnnamedData(String body) {
        return BODY_READS_UNNAMED_DATA.matcher(body).find();
    }

    /** @param guarded whether the text holds a {@link GuardWords guard word}, without which no guard pattern matches */
    private Analysis analyzeUncached(String sql, boolean guarded) {
        if (guarded) {
            if (ESCAPED_CALL.matcher(sql).find() || PLAIN_CALL.matcher(sql).find()) {
                return call(sql);
            }
            if (READS_UNNAMED_DATA.matcher(sql).find()) {
                return Analysis.unanalysable("reads data it does not name (a dump or SQL run from a string)",
                        Set.copyOf(policy.rules()));
            }
            if (UNICODE_IDENTIFIER.matcher(sql).find()) {
                return Analysis.unanalysable("uses Unicode-escaped identifiers", Set.copyOf(policy.rules()));
            }
        }
        Set<ColumnRule> mentioned = policy.mentionedIn(sql);
        if (mentioned.isEmpty()) {
            return nothingProtected;
        }
        if (dialect == Dialect.MARIADB && MARIADB_COMMENT_TRICKS.matcher(sql).find()) {
            return Analysis.unanalysable("uses MariaDB executable comments or '--' without a space", mentioned);
        }
        Statements statements = parse(sql);
        if (statements == null || statements.isEmpty()) {
            return Analysis.unanalysable("cannot be parsed", mentioned);
        }
        try {
            ColumnRule unseen = firstUnaccounted(sql, statements);
            if (unseen != null) {
                return Analysis.unanalysable("names protected column " + unseen
                        + " where the parser did not see it (a comment, an escape, or dialect syntax)", mentioned);
            }
            if (statements.size() > 1) {
                return Analysis.unanalysable("reads as several statements to the parser and as one to the database",
                        mentioned);
            }
            return analyze(statements.get(0));
        } catch (RuntimeException e) {
            // jsqlparser's visitors refuse some statement kinds; fall back to what the text mentions.
            return Analysis.unanalysable("cannot be analysed", mentioned);
        }
    }

    private Analysis analyze(Statement statement) {
        if (statement instanceof Execute) {
            return routineCall;
        }
        if (statement instanceof Select select && modifyingWithItems(select).isEmpty()) {
            Lineage lineage = new Lineage(policy, dialect);
            List<Output> outputs = lineage.query(select).stream().map(Lineage.Item::output).toList();
            if (!lineage.incomplete) {
                return Analysis.projection(outputs, lineage.predicates, lineage.tables, lineage.referenced, lineage.copied);
            }
        }
        return tainted(statement);
    }

    /**
     * The parse must account for every protected name the text mentions. The dangerous parse is
     * not one that fails but one that succeeds and disagrees with the database: MariaDB's
     * executable comments, backslash escapes or PostgreSQL's E'' strings can hide a column from
     * the parser that the database still returns. A name that only appears in a comment or a
     * string literal is treated the same way: it costs a refusal, never a leak.
     */
    private ColumnRule firstUnaccounted(String sql, Statements statements) {
        Set<String> seen = new HashSet<>();
        for (Statement statement : statements) {
            ReferenceCollector found = ReferenceCollector.of(statement);
            found.tables.forEach(table -> seen.add(Name.parse(table.getName()).key()));
            found.columns.forEach(column -> seen.add(Name.parse(column.getColumnName()).key()));
            found.calls.stream().filter(call -> call != null && !call.isEmpty())
                    .forEach(call -> seen.add(Name.parse(call.get(call.size() - 1)).key()));
            found.aliases.forEach(alias -> seen.add(Name.parse(alias).key()));
        }
        for (String word : policy.protectedNamesIn(sql)) {
            if (!seen.contains(word)) {
                return policy.rulesNamed(word).get(0);
            }
        }
        return null;
    }

    /**
     * A call of a routine the policy knows (named in the configuration, or read from the catalog)
     * touches only what that routine reads. Its OUT parameters and results cannot be told apart,
     * so it stays unanalysable, unless the configuration names what its OUT parameters hand out
     * ({@link RoutineCall}). Any other call may read everything.
     */
    private Analysis call(String sql) {
        Matcher call = SINGLE_CALL.matcher(sql);
        if (!call.matches()) {
            return routineCall;
        }
        Name schema = call.group("schema") == null ? null : Name.parse(call.group("schema"));
        Name name = Name.parse(call.group("routine"));
        List<RoutineRule> known = policy.routinesFor(schema, name, dialect);
        if (known.isEmpty()) {
            return routineCall;
        }
        Set<ColumnRule> reads = new LinkedHashSet<>();
        known.forEach(routine -> reads.addAll(routine.reads()));
        if (reads.isEmpty()) {
            return nothingProtected;
        }
        if (known.size() == 1 && !known.get(0).out().isEmpty()) {
            // a PostgreSQL procedure returns its OUT values as one row; it has no other results
            return Analysis.call(reads, new RoutineCall(known.get(0), argumentPositions(call)),
                    dialect == Dialect.POSTGRESQL);
        }
        return Analysis.unanalysable("calls routine " + name.text() + ", whose output cannot be told apart", reads);
    }

    /** Where each {@code ?} of a matched call lands among the routine's arguments (0: its return value). */
    private static int[] argumentPositions(Matcher call) {
        List<Integer> positions = new ArrayList<>();
        positions.add(-1);   // statement parameters are numbered from 1
        if (call.group("returns") != null) {
            positions.add(0);
        }
        String arguments = call.group("arguments");
        if (arguments != null) {
            Matcher argument = ARGUMENT.matcher(arguments);
            int position = 0;
            while (argument.find()) {
                position++;
                if (argument.group().equals("?")) {
                    positions.add(position);
                }
            }
        }
        return positions.stream().mapToInt(Integer::intValue).toArray();
    }

    /** What any routine call, or a cursor it returns, may reveal: everything. */
    public Analysis routineCall() {
        return routineCall;
    }

    private Statements parse(String sql) {
        // Simple parsing first: it is several times faster and handles most application SQL.
        for (boolean complex : new boolean[] {false, true}) {
            try {
                CCJSqlParser parser = CCJSqlParserUtil.newParser(sql)
                        .withDialect(parserDialect())
                        .withAllowComplexParsing(complex);
                return parser.Statements();
            } catch (Exception | StackOverflowError e) {
                // try the next setting
            }
        }
        return null;
    }

    private AbstractJSqlParser.Dialect parserDialect() {
        switch (dialect) {
            case H2: return AbstractJSqlParser.Dialect.H2;
            case HSQLDB: return AbstractJSqlParser.Dialect.ANSI_SQL;
            case POSTGRESQL: return AbstractJSqlParser.Dialect.POSTGRESQL;
            case MARIADB: return AbstractJSqlParser.Dialect.MARIADB;
            default: return AbstractJSqlParser.Dialect.ANSI_SQL;
        }
    }

    // ---- level 3: anything else that parses

    private Analysis tainted(Statement statement) {
        ReferenceCollector found = ReferenceCollector.of(statement);
        Lineage lineage = new Lineage(policy, dialect);
        Set<ColumnRule> all = lineage.flat(found, List.of());
        List<Output.TableName> tables = List.copyOf(lineage.tables);
        List<Expression> predicatePositions = new ArrayList<>(found.predicates);
        if (statement instanceof Update update && update.getWhere() != null) {
            predicatePositions.add(update.getWhere());
        }
        if (statement instanceof Delete delete && delete.getWhere() != null) {
            predicatePositions.add(delete.getWhere());
        }
        Set<ColumnRule> copied = found.stashes ? all : copied(statement, found.tables, all);
        return Analysis.tainted(all, Lineage.denied(resolveAll(predicatePositions, found.tables)), tables, copied,
                writtenTableRules(statement), WrittenColumns.of(statement, policy, dialect));
    }

    /** What {@code expressions} may denote, in a scope of the statement's {@code tables}. */
    private Set<ColumnRule> resolveAll(List<? extends Expression> expressions, List<Table> tables) {
        Set<ColumnRule> rules = new LinkedHashSet<>();
        for (Expression expression : expressions) {
            rules.addAll(new Lineage(policy, dialect).flat(ReferenceCollector.of(expression), tables));
        }
        return rules;
    }

    /**
     * Every protected column of the table a statement writes to: a constraint violation quotes
     * the row ("Failing row contains (...)"), so errors of such writes are withheld from subjects
     * who may not see those columns.
     */
    private Set<ColumnRule> writtenTableRules(Statement statement) {
        Table target = statement instanceof Upsert upsert ? upsert.getTable()
                : statement instanceof Insert insert ? insert.getTable()
                : statement instanceof Update update ? update.getTable()
                : statement instanceof Delete delete ? delete.getTable()
                : statement instanceof Merge merge ? merge.getTable() : null;
        Set<ColumnRule> rules = new LinkedHashSet<>();
        if (target != null && target.getName() != null) {
            Name schema = target.getSchemaName() == null ? null : Name.parse(target.getSchemaName());
            rules.addAll(policy.rulesForTable(schema, Name.parse(target.getName()), dialect));
        }
        modifyingWithItems(statement).forEach(inner -> rules.addAll(writtenTableRules(inner)));
        return rules;
    }

    /**
     * The INSERT, UPDATE, DELETE or MERGE statements in a statement's WITH clause (PostgreSQL's
     * data-modifying CTEs), which write whatever the statement reads.
     */
    static List<Statement> modifyingWithItems(Statement statement) {
        List<WithItem<?>> items = statement instanceof Select select ? select.getWithItemsList()
                : statement instanceof Insert insert ? insert.getWithItemsList()
                : statement instanceof Update update ? update.getWithItemsList()
                : statement instanceof Delete delete ? delete.getWithItemsList() : null;
        if (items == null) {
            return List.of();
        }
        List<Statement> modifying = new ArrayList<>();
        for (WithItem<?> item : items) {
            if (item.getStatement() != null && !(item.getStatement() instanceof Select)) {
                modifying.add(item.getStatement());
            }
        }
        return modifying;
    }

    /** The protected columns whose values a statement writes into a table or view. */
    private Set<ColumnRule> copied(Statement statement, List<Table> scope, Set<ColumnRule> all) {
        Set<ColumnRule> copied = new LinkedHashSet<>();
        if (!modifyingWithItems(statement).isEmpty()) {
            return all;   // WITH x AS (INSERT ... SELECT ...): anything read may be written
        }
        if (statement instanceof Upsert upsert) {
            copied.addAll(written(upsert.getSelect(), scope));
            copied.addAll(setValues(upsert.getUpdateSets(), scope));
            copied.addAll(setValues(upsert.getDuplicateUpdateSets(), scope));
        } else if (statement instanceof Insert insert) {
            if (insert.getWithItemsList() != null || insert.getConflictAction() != null) {
                return all;   // WITH ... INSERT and ON CONFLICT DO UPDATE: anything read may be written
            }
            copied.addAll(written(insert.getSelect(), scope));
            copied.addAll(setValues(insert.getSetUpdateSets(), scope));
            copied.addAll(setValues(insert.getDuplicateUpdateSets(), scope));
        } else if (statement instanceof Update update) {
            copied.addAll(setValues(update.getUpdateSets(), scope));
        } else if (statement instanceof CreateTable create) {
            copied.addAll(written(create.getSelect(), scope));
        } else if (statement instanceof CreateView view) {
            copied.addAll(written(view.getSelect(), scope));
        } else if (statement instanceof Merge
                || (statement instanceof PlainSelect select && select.getIntoTables() != null)) {
            copied.addAll(all);   // MERGE ... USING and SELECT ... INTO: everything they read may be written
        }
        return copied;
    }

    /** What a query feeding a write produces: its output lineage, or all it references. */
    private Set<ColumnRule> written(Select select, List<Table> scope) {
        if (select == null) {
            return Set.of();
        }
        Lineage lineage = new Lineage(policy, dialect);
        List<Lineage.Item> items = lineage.query(select);
        if (lineage.incomplete) {
            return new Lineage(policy, dialect).flat(ReferenceCollector.of((Statement) select), scope);
        }
        Set<ColumnRule> rules = new LinkedHashSet<>();
        items.forEach(item -> rules.addAll(item.rules()));
        return rules;
    }

    private Set<ColumnRule> setValues(List<UpdateSet> sets, List<Table> scope) {
        Set<ColumnRule> rules = new LinkedHashSet<>();
        if (sets != null) {
            for (UpdateSet set : sets) {
                rules.addAll(resolveAll(set.getValues(), scope));
            }
        }
        return rules;
    }
}
