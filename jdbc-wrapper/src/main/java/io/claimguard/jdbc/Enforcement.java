package io.claimguard.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.claimguard.core.GuardContext;
import io.claimguard.core.Mode;
import io.claimguard.core.Subject;
import io.claimguard.jdbc.analysis.Analysis;
import io.claimguard.jdbc.analysis.SqlAnalyzer;
import io.claimguard.jdbc.catalog.DatabaseCatalog;
import io.claimguard.jdbc.policy.ColumnRule;
import io.claimguard.jdbc.policy.Dialect;
import io.claimguard.jdbc.policy.Policy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Applies one policy to one database: decides, when a statement executes, whether it may run and,
 * when it returns rows, which columns the subject is shown masked. Shared by every connection to
 * that database; holds the policy as the database's views and routines extend it, and the per-SQL
 * analysis cache.
 */
final class Enforcement {
    private static final Map<Key, Enforcement> INSTANCES = new ConcurrentHashMap<>();

    /** A database as its connections report it: the URL without its settings, and the user. */
    private record Key(Policy policy, Dialect dialect, String database) {
    }

    /** The database's catalog and an analyzer under the policy it extends; replaced together. */
    private record Catalogued(DatabaseCatalog catalog, SqlAnalyzer analyzer) {
        Catalogued(DatabaseCatalog catalog, Dialect dialect) {
            this(catalog, new SqlAnalyzer(catalog.policy(), dialect));
        }
    }

    /** The configured policy: its switches; the rules in force are {@link #catalogued}'s. */
    private final Policy policy;
    private final Dialect dialect;
    /** First-result shapes by analysis (compared by identity: analyses are shared through the analyzer's cache). */
    private final Cache<Analysis, KnownShape> shapes = Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();
    private final StatementAudit audit;
    private final DriverMeters.Tally cacheHits;
    private final DriverMeters.Tally cacheMisses;
    private final DriverMeters.Timing analysisTime;
    private final MissingFilterAlarm missingFilter;
    private volatile Catalogued catalogued;

    private Enforcement(Policy policy, Dialect dialect, DatabaseCatalog catalog) {
        this.policy = policy;
        this.dialect = dialect;
        this.catalogued = new Catalogued(catalog, dialect);
        DriverMeters meters = DriverMeters.current();
        this.audit = new StatementAudit(policy.audit(), meters);
        this.cacheHits = meters.analyses(true);
        this.cacheMisses = meters.analyses(false);
        this.analysisTime = meters.analysisTime();
        this.missingFilter = new MissingFilterAlarm(policy);
    }

    /**
     * The enforcement for the database {@code raw} is connected to. The first connection to a
     * database reads its views and routines, through {@code raw}.
     *
     * @throws SQLException when the catalog cannot be read, naming what and how to do without it
     */
    static Enforcement of(Policy policy, Connection raw) throws SQLException {
        DatabaseMetaData metaData = raw.getMetaData();
        Dialect dialect = Dialect.of(metaData);
        Key key = new Key(policy, dialect, database(metaData));
        Enforcement found = INSTANCES.get(key);
        if (found == null) {
            // read outside the map's lock: a catalog read takes a few queries
            Enforcement created = new Enforcement(policy, dialect, DatabaseCatalog.read(policy, dialect, raw));
            found = INSTANCES.putIfAbsent(key, created);
            found = found == null ? created : found;
        }
        found.missingFilter.check();
        return found;
    }

    private static String database(DatabaseMetaData metaData) throws SQLException {
        String url = String.valueOf(metaData.getURL());
        int settings = url.indexOf('?') >= 0 ? url.indexOf('?') : url.indexOf(';');
        return (settings >= 0 ? url.substring(0, settings) : url) + " as " + metaData.getUserName();
    }

    /**
     * Reads the views and routines again, through the connection a statement that may have
     * redefined them just ran on (it sees its own uncommitted definitions). When the read finds
     * no new rule, the analyses cached so far stay: an application that creates and drops
     * temporary tables per request keeps its cache.
     */
    synchronized void objectsRedefined(Connection raw) throws SQLException {
        DatabaseCatalog again = catalogued.catalog().readAgain(raw);
        if (!again.derivesAsMuchAs(catalogued.catalog())) {
            catalogued = new Catalogued(again, dialect);   // a new analyzer: analyses under the old rules no longer hold
        }
    }

    Dialect dialect() {
        return dialect;
    }

    Policy policy() {
        return policy;
    }

    Analysis analyze(String sql) throws SQLException {
        if (sql == null) {
            throw Denials.raised("SQL text is null", "42000");
        }
        SqlAnalyzer analyzer = catalogued.analyzer();
        Analysis cached = analyzer.cached(sql);
        if (cached != null) {
            cacheHits.add(1);
            return cached;
        }
        long start = System.nanoTime();
        Analysis analysis = analyzer.analyze(sql);
        analysisTime.record(System.nanoTime() - start);
        cacheMisses.add(1);
        return analysis;
    }

    DriverMeters meters() {
        return audit.meters();
    }

    /**
     * Whom a statement run now acts for: the subject current on this thread; for the
     * application's own work outside requests, the identity the policy gives it; null for none.
     */
    Subject actingSubject() {
        Subject subject = GuardContext.current().orElse(null);
        return subject == null && GuardContext.isOutsideRequests() ? policy.outsideRequests() : subject;
    }

    /**
     * Reads the subject and refuses the statement if it may not run for that subject.
     *
     * @param audited false for statements ClaimGuard runs itself (reading what a subject was shown)
     */
    Execution begin(Analysis analysis, boolean audited) throws SQLException {
        return begin(analysis, audited, null);
    }

    /**
     * As {@link #begin(Analysis, boolean)}, for the next run of a statement whose previous run
     * ({@code previous}, null if none or refused) is reused when it repeats ({@link Execution#again}).
     */
    Execution begin(Analysis analysis, boolean audited, Execution previous) throws SQLException {
        missingFilter.check();
        Subject subject = actingSubject();
        StatementAudit to = audited ? audit : null;
        Execution repeated = previous == null ? null : previous.again(subject, analysis, to);
        if (repeated != null) {
            return repeated;
        }
        Execution run = new Execution(subject, analysis, to);
        if (!analysis.touched().isEmpty()) {
            check(run);
        }
        return run;
    }

    /**
     * Runs every check; the first that fails on an enforced column refuses the run, and one that
     * fails only on columns in report mode is noted on the run, which goes ahead.
     */
    private void check(Execution run) throws SQLException {
        Analysis analysis = run.analysis();
        Subject subject = run.subject();
        if (subject == null && policy.onNoSubject() == Policy.OnNoSubject.DENY) {
            ColumnRule first = analysis.touched().iterator().next();
            if (policy.mode() == Mode.ENFORCE) {
                throw run.denied(DenialReason.NO_SUBJECT, first, "no subject is set on this thread and the statement"
                        + " involves protected column " + first + " (jdbc.on_no_subject: deny)");
            }
            run.wouldDeny(DenialReason.NO_SUBJECT, first);
        }
        refuse(run, analysis.copied(), DenialReason.COPY_OUT, copied -> "the statement copies protected column " + copied
                + " into a table, a view or session state, where masking cannot follow it");
        refuse(run, analysis.moved(), DenialReason.DDL_MOVES_DATA, moved -> "the statement renames, moves, retypes"
                + " or derives an object from protected column " + moved + " or its table, where the policy"
                + " could no longer follow its data");
        if (analysis.unanalysable() != null && policy.onUnparseable() == Policy.OnUnparseable.DENY) {
            refuse(run, analysis.touched(), DenialReason.UNANALYSABLE, hidden -> "the statement "
                    + analysis.unanalysable() + " and may read protected column " + hidden + " (jdbc.on_unparseable: deny)");
        }
        refuse(run, analysis.predicates(), DenialReason.PREDICATE, guessed -> "protected column " + guessed
                + " may not be used to filter, join, group or sort rows by this subject (predicates: deny)");
    }

    /** Refuses {@code run} if one of {@code rules} is hidden from its subject; notes one that only would be. */
    private static void refuse(Execution run, Iterable<ColumnRule> rules, DenialReason reason,
                               Function<ColumnRule, String> message) throws SQLException {
        ColumnRule reported = null;
        for (ColumnRule rule : rules) {
            if (rule.hides(run.subject())) {
                throw run.denied(reason, rule, message.apply(rule));
            }
            if (reported == null && rule.wouldHide(run.subject())) {
                reported = rule;
            }
        }
        if (reported != null) {
            run.wouldDeny(reason, reported);
        }
    }

    /** The masks for rows of {@code raw}, produced by a statement {@code analysis} describes, for {@code subject}. */
    MaskPlan plan(ResultSet raw, Analysis analysis, Subject subject) throws SQLException {
        return shape(raw, analysis).planFor(subject);
    }

    /**
     * The masks for the first result of a run whose text may run again through another statement
     * (a plain {@code Statement}): its shape is kept per analysis, as a prepared statement keeps
     * its own, and read again when the column count or the policy's rules changed.
     */
    MaskPlan firstResultPlan(ResultSet raw, Analysis analysis, Subject subject) throws SQLException {
        if (analysis.touched().isEmpty()) {
            return MaskPlan.NOTHING_MASKED;
        }
        int columns = raw.getMetaData().getColumnCount();
        Policy rules = rules();
        KnownShape known = shapes.getIfPresent(analysis);
        if (known == null || known.columns != columns || known.rules != rules) {
            known = new KnownShape(ResultShape.of(raw.getMetaData(), analysis, rules, dialect), columns, rules);
            shapes.put(analysis, known);
        }
        return known.planFor(subject);
    }

    /** A first-result shape, and the plan of the subject it served last (requests repeat their subject). */
    private static final class KnownShape {
        private final ResultShape shape;
        private final int columns;
        private final Policy rules;
        private volatile SubjectPlan latest;

        KnownShape(ResultShape shape, int columns, Policy rules) {
            this.shape = shape;
            this.columns = columns;
            this.rules = rules;
        }

        MaskPlan planFor(Subject subject) {
            SubjectPlan last = latest;
            if (last == null || last.subject() != subject) {
                last = new SubjectPlan(subject, shape.planFor(subject));
                latest = last;
            }
            return last.plan();
        }
    }

    private record SubjectPlan(Subject subject, MaskPlan plan) {
    }

    ResultShape shape(ResultSet raw, Analysis analysis) throws SQLException {
        if (analysis.touched().isEmpty()) {
            return ResultShape.NOTHING_PROTECTED;
        }
        return ResultShape.of(raw.getMetaData(), analysis, rules(), dialect);
    }

    /**
     * Generated keys are columns of the statement's own tables, matched by label, whatever the
     * statement names: pgjdbc asks for them with RETURNING *, so keys of an UPDATE that names
     * no protected column can still carry the whole row.
     */
    MaskPlan keysPlan(ResultSet raw, Execution execution) throws SQLException {
        if (execution.analysis().tables().isEmpty() && execution.analysis().touched().isEmpty()) {
            return MaskPlan.NOTHING_MASKED;
        }
        return ResultShape.ofTableColumns(raw.getMetaData(), execution.analysis(), rules(), dialect)
                .planFor(execution.subject());
    }

    /** A cursor handed out as a value carries rows no analysis has seen. */
    MaskPlan cursorPlan(ResultSet cursor, Subject subject) throws SQLException {
        return ResultShape.of(cursor.getMetaData(), routineCall(), rules(), dialect).planFor(subject);
    }

    Analysis routineCall() {
        return catalogued.analyzer().routineCall();
    }

    /** The rules in force: the configured ones and those the database's views and routines derive. */
    private Policy rules() {
        return catalogued.catalog().policy();
    }
}
