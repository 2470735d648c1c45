package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bypass corpus ({@code bypass-corpus.txt}): statements that try to get a protected value out
 * of the conformance fixture, on H2, HSQLDB, PostgreSQL and MariaDB, through the real driver. As the agent,
 * nothing received (any cell through getString, getObject and getBytes, generated keys, exception
 * messages, warnings) may hold a fragment of a protected value; a 42501 refusal passes. Cases
 * flagged {@code officer} must run for the officer, unrefused and without SQL errors (unless of class
 * {@code errors} or flagged {@code sql-error}), and show exact values; cases flagged {@code deny} must
 * be refused for the agent.
 *
 * <p>Every leak this corpus has found is closed, and its case kept here. A new leak found before
 * it can be closed belongs in a separate, disabled list, so that this one stays green.
 */
@ExtendWith(ConformancePolicy.class)
class BypassCorpusTest {
    static final String CORPUS = "bypass-corpus.txt";
    /**
     * Multi-statement texts, DDL and errors raised later than their statement, written apart from
     * the analysis from the databases' public grammars, in two rounds.
     */
    static final List<String> STATEMENTS = List.of("bypass-corpus-statements.txt", "bypass-corpus-statements-2.txt");

    @Test
    void corpus_coversEveryClass_withAtLeast120Statements() {
        List<BypassCorpus.Case> cases = new ArrayList<>(BypassCorpus.load(CORPUS));
        STATEMENTS.forEach(file -> cases.addAll(BypassCorpus.load(file)));
        System.out.println("bypass corpus:\n" + BypassCorpus.counts(cases));
        assertTrue(cases.size() >= 120, "only " + cases.size() + " cases");
        Set<String> missing = new TreeSet<>(BypassCorpus.CLASSES);
        cases.forEach(c -> missing.remove(c.kind()));
        assertEquals(Set.of(), missing, "classes without a case");
        for (TestDatabase db : TestDatabase.values()) {
            assertTrue(cases.stream().filter(c -> c.databases().contains(db)).count() >= 100,
                    db + " runs fewer than 100 cases");
        }
        assertEquals(cases.size(), cases.stream().map(BypassCorpus.Case::id).distinct().count(), "duplicate case ids");
    }

    @TestFactory
    Stream<DynamicNode> corpus() {
        return run(BypassCorpus.load(CORPUS));
    }

    /**
     * The cases that must run for the agent go first: views that other cases create are
     * remembered as protected for the life of the driver, by design, and may make a later
     * statement that mentions one of their column names unanalysable.
     */
    @TestFactory
    Stream<DynamicNode> statementsCorpus() {
        List<BypassCorpus.Case> cases = new ArrayList<>();
        STATEMENTS.forEach(file -> cases.addAll(BypassCorpus.load(file)));
        cases.sort(Comparator.comparing(c -> !c.mustAllow()));
        return run(cases);
    }

    /**
     * Every copy-out and write-back case again, its attacking statement sent in one text with a
     * harmless statement before or after it: H2 runs every statement of such a text, PostgreSQL
     * does through a plain Statement, MariaDB with allowMultiQueries.
     */
    @TestFactory
    Stream<DynamicNode> joinedStatements() {
        List<BypassCorpus.Case> joined = new ArrayList<>();
        for (BypassCorpus.Case c : BypassCorpus.load(CORPUS)) {
            if (c.kind().equals("copy-out") || c.kind().equals("write-back")) {
                for (boolean before : new boolean[] {true, false}) {
                    BypassCorpus.Case derived = c.joinedWith(before ? "UPDATE cg_orders SET total = total WHERE id = 0"
                            : "SELECT name FROM cg_customers WHERE id = 2", before);
                    if (derived != null) {
                        joined.add(derived);
                    }
                }
            }
        }
        assertTrue(joined.size() >= 60, "only " + joined.size() + " joined cases");
        return run(joined);
    }

    private static Stream<DynamicNode> run(List<BypassCorpus.Case> cases) {
        List<DynamicNode> perDatabase = new ArrayList<>();
        String only = System.getProperty("bypass.only", "");   // -Dbypass.only=id,id runs the named cases
        for (TestDatabase db : TestDatabase.values()) {
            List<DynamicTest> tests = cases.stream().filter(c -> c.databases().contains(db))
                    .filter(c -> only.isEmpty() || List.of(only.split(",")).contains(c.id()))
                    .map(c -> DynamicTest.dynamicTest(c.id() + " [" + c.kind() + "]", () -> check(c, db)))
                    .toList();
            perDatabase.add(DynamicContainer.dynamicContainer(db.name(), tests));
        }
        return perDatabase.stream();
    }

    private static void check(BypassCorpus.Case c, TestDatabase db) throws Exception {
        Received agent = BypassCorpus.run(c, db, Subjects.AGENT);
        List<String> leaks = agent.leaks();
        if (!leaks.isEmpty()) {
            fail(db + " " + c + " LEAKS to the agent:\n  " + String.join("\n  ", leaks) + "\n  SQL: " + c.steps());
        }
        if (c.mustDeny()) {
            assertFalse(agent.refusals().isEmpty(), db + " " + c + " must be refused (42501) for the agent: "
                    + agent.summary());
        }
        if (c.mustAllow()) {
            assertTrue(agent.refusals().isEmpty(), db + " " + c + " must run for the agent: " + agent.refusals());
        }
        if (c.officer()) {
            Received officer = BypassCorpus.run(c, db, Subjects.OFFICER);
            assertTrue(officer.refusals().isEmpty(), db + " " + c + " refused the officer: " + officer.refusals());
            if (!c.kind().equals("errors") && !c.flags().contains("sql-error")) {
                assertTrue(officer.errors().isEmpty(), db + " " + c + " failed for the officer: " + officer.errors());
            }
            assertTrue(officer.showsPlaintext(), db + " " + c + " showed the officer no exact value: "
                    + officer.summary());
        }
    }
}
