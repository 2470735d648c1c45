package io.claimguard.jdbc.catalog;

import io.claimguard.jdbc.analysis.Analysis;
import io.claimguard.jdbc.analysis.SqlAnalyzer;
import io.claimguard.jdbc.mask.ColumnMask;
import io.claimguard.jdbc.policy.ColumnRef;
import io.claimguard.jdbc.policy.ColumnRule;
import io.claimguard.jdbc.policy.Dialect;
import io.claimguard.jdbc.policy.Name;
import io.claimguard.jdbc.policy.Policy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds what a database's views and routines derive from, with the statement analysis itself: a
 * view's definition is analysed as the query it is, and each of its columns derives from what the
 * matching result column would ({@link Analysis#sourcesOf}). A routine reads the protected
 * columns of every table and view its body (with its signature) names, every protected table column
 * it names, and what every routine it names reads. One whose body cannot be read, or that builds
 * SQL at run time, reads every protected column. Views over views, views calling routines and routines calling routines are followed by
 * analysing everything again with the rules found so far, until a round adds none.
 *
 * <p>A derived view column has its source's {@code allow}, {@code predicates} and {@code writes},
 * and its source's mask when it hands the value through unchanged, the NULL mask otherwise. Rules
 * are only ever added: a definition that cannot be analysed completely protects every column of
 * the view with every rule it mentions.
 */
final class Derivation {
    private final Policy configured;
    private final Dialect dialect;
    private final Map<DerivedRules.ViewColumnKey, ColumnRule> viewColumns;
    private final Map<DerivedRules.RoutineKey, Set<ColumnRule>> routineReads;
    /** The configured rule each derived rule finally derives from. */
    private final Map<ColumnRule, ColumnRule> roots = new HashMap<>();

    private Derivation(Policy configured, Dialect dialect, DerivedRules seed) {
        this.configured = configured;
        this.dialect = dialect;
        this.viewColumns = new LinkedHashMap<>(seed.viewColumns());
        this.routineReads = new LinkedHashMap<>();
        seed.routineReads().forEach((routine, reads) -> routineReads.put(routine, new LinkedHashSet<>(reads)));
        seed.viewColumns().forEach((key, rule) -> roots.put(rule, key.root()));
    }

    /**
     * @param seed rules derived before, which are kept: a definition changed in a transaction that
     *             is later rolled back must not lose its protection
     */
    static DerivedRules derive(Policy configured, Dialect dialect, DatabaseObjects objects, DerivedRules seed) {
        Derivation derivation = new Derivation(configured, dialect, seed);
        boolean grew = true;
        while (grew) {   // ends: each round adds rules, and there are finitely many (view column x root x 2 masks)
            Policy current = derivation.result().applyTo(configured);
            SqlAnalyzer analyzer = new SqlAnalyzer(current, dialect);
            grew = false;
            for (DatabaseObjects.View view : objects.views()) {
                grew |= derivation.view(view, analyzer, current);
            }
            for (DatabaseObjects.Routine routine : objects.routines()) {
                grew |= derivation.routine(routine, current);
            }
        }
        return derivation.result();
    }

    private DerivedRules result() {
        return new DerivedRules(viewColumns, routineReads);
    }

    private boolean view(DatabaseObjects.View view, SqlAnalyzer analyzer, Policy current) {
        List<String> columns = view.columns();
        Analysis analysis = view.definition() == null ? null : analyzer.analyze(view.definition());
        boolean grew = false;
        for (int i = 0; i < columns.size(); i++) {
            ColumnRef column = ColumnRef.stored(view.schema(), view.name(), columns.get(i));
            if (analysis == null) {
                // a definition the catalog does not show may read anything
                for (ColumnRule root : configured.rules()) {
                    grew |= add(column, root, false);
                }
                continue;
            }
            Analysis.ColumnSources sources = analysis.sourcesOf(i + 1, columns.size(), columns.get(i), current, dialect);
            for (ColumnRule source : sources.rules()) {
                grew |= add(column, source, sources.passesThrough());
            }
        }
        return grew;
    }

    private boolean add(ColumnRef column, ColumnRule source, boolean passesThrough) {
        ColumnRule root = roots.getOrDefault(source, source);
        ColumnMask mask = passesThrough ? source.mask() : ColumnMask.NULL;
        DerivedRules.ViewColumnKey key = new DerivedRules.ViewColumnKey(column, root, mask);
        if (viewColumns.containsKey(key)) {
            return false;
        }
        ColumnRule derived = new ColumnRule(column, root.allow(), mask, root.denyPredicates(), root.writes(), root.mode());
        viewColumns.put(key, derived);
        roots.put(derived, root);
        return true;
    }

    private boolean routine(DatabaseObjects.Routine routine, Policy current) {
        Name schema = new Name(routine.schema(), true);
        Name name = new Name(routine.name(), true);
        if (!configured.routinesFor(schema, name, dialect).isEmpty()) {
            return false;   // named in the configuration, which then says what it reads
        }
        Set<ColumnRule> reads = new LinkedHashSet<>();
        if (routine.body() == null || SqlAnalyzer.bodyReadsUnnamedData(routine.body())) {
            reads.addAll(configured.rules());
        } else {
            // a body is code, not a query to follow: every protected name in it counts, except a
            // view column's name alone (id, name...): a body reads a view's columns by naming the view
            for (String word : current.protectedNamesIn(routine.body())) {
                for (ColumnRule rule : current.rulesNamed(word)) {
                    if (!roots.containsKey(rule) || rule.column().table().key().equals(word)) {
                        reads.add(roots.getOrDefault(rule, rule));
                    }
                }
            }
        }
        return routineReads.computeIfAbsent(new DerivedRules.RoutineKey(routine.schema(), routine.name()),
                k -> new LinkedHashSet<>()).addAll(reads);
    }
}
