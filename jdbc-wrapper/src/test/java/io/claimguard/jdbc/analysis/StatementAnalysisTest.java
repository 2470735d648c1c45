package io.claimguard.jdbc.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.core.ConfigFile;
import io.claimguard.jdbc.policy.ColumnRule;
import io.claimguard.jdbc.policy.Dialect;
import io.claimguard.jdbc.policy.Policy;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The analysis of multi-statement texts and DDL, without a database: where each dialect's lexical
 * rules end a statement, which statement each result belongs to, and which protected columns a
 * DDL statement moves out from under the conformance policy. The databases' side of the same
 * behaviour is in the bypass corpus.
 */
class StatementAnalysisTest {
    private static final Policy POLICY = Policy.load(ConfigFile.load("classpath:conformance.yaml"));
    private static final Set<String> EVERY_COLUMN = names(Set.copyOf(POLICY.rules()));

    private static Set<String> names(Set<ColumnRule> rules) {
        return rules.stream().map(rule -> rule.column().column().text()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Analysis analyze(Dialect dialect, String sql) {
        return new SqlAnalyzer(POLICY, dialect).analyze(sql);
    }

    // ---- cutting texts into statements

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            H2         | SELECT 'a;b'; SELECT 2                            | 2
            H2         | SELECT 1 // ; SELECT 9 \\n; SELECT 2               | 2
            H2         | SELECT /* /* ; */ ; */ 1; SELECT 2                | 2
            H2         | SELECT $$a;b$$; SELECT 2                          | 2
            H2         | SELECT 1;; SELECT 2;                              | 2
            H2         | SELECT 1; /* only a comment */                    | 2
            POSTGRESQL | SELECT $x$ a ; b $x$; SELECT 2                    | 2
            POSTGRESQL | SELECT E'a\\';'; SELECT 2                         | 2
            POSTGRESQL | SELECT a$b FROM t; SELECT 2                       | 2
            POSTGRESQL | SELECT 1 -- ; SELECT 9 \\n; SELECT 2               | 2
            MARIADB    | SELECT 1 # ; SELECT 9 \\n; SELECT 2                | 2
            MARIADB    | SELECT 1 --1; SELECT 2                            | 2
            MARIADB    | SELECT `a;b` FROM t; SELECT 2                     | 2
            MARIADB    | SELECT 1                                          | 1
            MARIADB    | SELECT 1 -- x \\r; SELECT 2                          | 1
            POSTGRESQL | SELECT 1 -- x \\r; SELECT 2                          | 2
            GENERIC    | SELECT 'a;b' FROM t; SELECT 2                     | 2
            """)
    void statementsEndWhereTheDatabaseEndsThem(Dialect dialect, String sql, int count) {
        List<String> statements = StatementTexts.split(sql.replace("\\n", "\n").replace("\\r", "\r"), dialect);
        assertNotNull(statements, sql);
        assertEquals(count, statements.size(), statements.toString());
    }

    /** Where a server setting decides, or a literal or comment never closes, the text has no certain split. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MARIADB    | SELECT 'a\\'; SELECT ssn FROM cg_customers; -- '
            MARIADB    | SELECT "a\\"; SELECT ssn FROM cg_customers; -- "
            MARIADB    | SELECT 1 /*! ; SELECT ssn FROM cg_customers */
            POSTGRESQL | SELECT 'a\\'; SELECT ssn FROM cg_customers; -- '
            H2         | SELECT [a;b] FROM t; SELECT 2
            GENERIC    | SELECT 1 # ; SELECT ssn FROM cg_customers
            H2         | SELECT 1 -- a lone carriage return\\r; SELECT ssn FROM cg_customers
            MARIADB    | BEGIN NOT ATOMIC SELECT 1; SELECT email FROM cg_customers; END
            MARIADB    | IF 1 = 1 THEN SELECT 1; END IF; SELECT email FROM cg_customers
            MARIADB    | lbl: LOOP SELECT 1; END LOOP; SELECT email FROM cg_customers
            POSTGRESQL | CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT email FROM cg_customers)
            H2         | SELECT 'never closed; SELECT 2
            POSTGRESQL | SELECT 1 /* never closed; SELECT 2
            POSTGRESQL | SELECT $q$ never closed; SELECT 2
            """)
    void anAmbiguousSplit_givesNone_andFailsClosed(Dialect dialect, String text) {
        String sql = text.replace("\\r", "\r");
        assertNull(StatementTexts.split(sql, dialect), sql);
        Analysis analysis = analyze(dialect, sql);
        if (!analysis.touched().isEmpty()) {
            assertNotNull(analysis.unanalysable(), sql);
        }
    }

    // ---- several statements

    @Test
    void aCopyOutAfterAHarmlessStatement_isACopyOut() {
        Analysis analysis = analyze(Dialect.H2,
                "SELECT 1; INSERT INTO cg_orders (customer_id, total) SELECT id, salary FROM cg_customers");
        assertEquals(Set.of("salary"), names(analysis.copied()));
        assertNull(analysis.unanalysable());
    }

    @Test
    void eachResult_derivesFromTheStatementThatProducedIt() {
        Analysis analysis = analyze(Dialect.POSTGRESQL, "SELECT name FROM cg_customers; SELECT email FROM cg_customers");
        Analysis first = analysis.resultAt(0);
        Analysis second = analysis.resultAt(1);
        assertEquals(Set.of(), names(first.sourcesOf(1, 1, "name", POLICY, Dialect.POSTGRESQL).rules()));
        assertEquals(Set.of("email"), names(second.sourcesOf(1, 1, "email", POLICY, Dialect.POSTGRESQL).rules()));
        assertSame(analysis, analysis.resultAt(2), "a result past the statements derives from all of them");
        assertEquals(Set.of("email"), names(analysis.resultAt(2).sourcesOf(1, 1, "x", POLICY, Dialect.POSTGRESQL).rules()));
    }

    @Test
    void anUnanalysableStatement_makesTheWholeTextUnanalysable() {
        Analysis analysis = analyze(Dialect.POSTGRESQL, "SELECT name FROM cg_customers; SELECT ssn FROM cg_customers WHERE )(");
        assertNotNull(analysis.unanalysable());
        assertSame(analysis, analysis.resultAt(0), "no result is trusted to one statement then");
    }

    @Test
    void aCallAmongOtherStatements_isUnanalysable() {
        Analysis analysis = analyze(Dialect.POSTGRESQL, "SELECT 1; CALL unknown_routine(?)");
        assertNotNull(analysis.unanalysable());
    }

    // ---- DDL

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POSTGRESQL | ALTER TABLE cg_customers RENAME TO c2                                   | *
            POSTGRESQL | ALTER TABLE public.cg_customers RENAME TO c2                            | *
            POSTGRESQL | ALTER TABLE IF EXISTS ONLY cg_customers RENAME TO c2                    | *
            MARIADB    | RENAME TABLE cg_customers TO c2                                         | *
            MARIADB    | ALTER TABLE cg_customers RENAME c2                                      | *
            POSTGRESQL | ALTER TABLE cg_customers SET SCHEMA archive                             | *
            POSTGRESQL | CREATE TABLE c2 (LIKE cg_customers INCLUDING ALL)                       | *
            MARIADB    | CREATE TABLE c2 LIKE cg_customers                                       | *
            POSTGRESQL | CREATE TABLE c2 () INHERITS (cg_orders, cg_customers)                   | *
            POSTGRESQL | CREATE TABLE c2 PARTITION OF cg_customers FOR VALUES IN (1)             | *
            H2         | CREATE TRIGGER t AFTER INSERT ON cg_orders FOR EACH ROW CALL 'x.Y'      | *
            MARIADB    | CREATE DEFINER=`root`@`%` TRIGGER t AFTER INSERT ON cg_orders FOR EACH ROW SET @a = 1 | *
            H2         | CREATE LINKED TABLE l ('org.h2.Driver', 'jdbc:h2:mem:x', 'sa', '', 'T') | *
            POSTGRESQL | ALTER TABLE cg_customers RENAME COLUMN ssn TO x                         | ssn
            POSTGRESQL | ALTER TABLE cg_customers RENAME ssn TO x                                | ssn
            MARIADB    | ALTER TABLE cg_customers CHANGE ssn national_id VARCHAR(11)             | ssn
            POSTGRESQL | ALTER TABLE cg_customers ALTER COLUMN name TYPE text USING email        | email
            POSTGRESQL | ALTER TABLE cg_customers ALTER COLUMN card TYPE bigint USING card::bigint | card
            MARIADB    | ALTER TABLE cg_customers ADD COLUMN e2 VARCHAR(200) AS (email) STORED   | email
            POSTGRESQL | ALTER TABLE cg_customers ADD COLUMN ssn text, ALTER COLUMN name TYPE text USING card | card
            POSTGRESQL | ALTER TABLE cg_customers ADD CONSTRAINT k CHECK (salary < 100)          | salary
            POSTGRESQL | CREATE INDEX i ON cg_customers (lower(email))                           | email
            POSTGRESQL | CREATE STATISTICS s ON ssn, name FROM cg_customers                      | ssn
            H2         | CREATE VIEW v AS SELECT name FROM cg_customers WHERE ssn = '1'          | ssn
            HSQLDB     | CREATE TABLE c2 AS (SELECT id, ssn FROM cg_customers) WITH DATA         | ssn
            HSQLDB     | CREATE TABLE c2 AS (TABLE cg_customers) WITH DATA                       | *
            POSTGRESQL | CREATE TABLE c2 AS TABLE cg_customers                                   | *
            """)
    void ddlThatMovesProtectedData_movesIt(Dialect dialect, String sql, String moved) {
        Analysis analysis = analyze(dialect, sql);
        assertEquals(moved.equals("*") ? EVERY_COLUMN : Set.of(moved), names(analysis.moved()), sql);
        assertTrue(analysis.touched().containsAll(analysis.moved()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            H2         | CREATE TABLE cg_customers (id INT PRIMARY KEY, ssn VARCHAR(11), email VARCHAR(200))
            POSTGRESQL | CREATE TABLE IF NOT EXISTS cg_customers (id int GENERATED ALWAYS AS IDENTITY, ssn text)
            POSTGRESQL | CREATE TABLE supplier (id int, email text, ssn text)
            POSTGRESQL | CREATE INDEX i ON cg_customers (name)
            MARIADB    | DROP INDEX i ON cg_customers
            POSTGRESQL | ALTER TABLE cg_customers ADD COLUMN nickname text
            H2         | ALTER TABLE cg_customers ADD IF NOT EXISTS ssn VARCHAR(11)
            MARIADB    | ALTER TABLE cg_customers ADD COLUMN email VARCHAR(200) DEFAULT NULL
            POSTGRESQL | ALTER TABLE cg_customers RENAME COLUMN name TO full_name
            POSTGRESQL | ALTER TABLE cg_orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES cg_customers (id)
            POSTGRESQL | CREATE VIEW v AS SELECT id, name FROM cg_customers
            H2         | DROP TABLE cg_orders
            POSTGRESQL | COMMENT ON COLUMN cg_customers.ssn IS 'national id'
            H2         | DROP TABLE cg_customers
            H2         | DROP TABLE cg_orders, cg_customers
            H2         | DROP TABLE cg_customers IF EXISTS
            HSQLDB     | DROP TABLE cg_customers IF EXISTS CASCADE
            MARIADB    | DROP TABLE IF EXISTS `cg_customers`
            POSTGRESQL | DROP VIEW IF EXISTS customer_contacts CASCADE
            H2         | ALTER TABLE cg_customers DROP COLUMN notes
            POSTGRESQL | ALTER TABLE cg_customers DROP COLUMN IF EXISTS ssn, DROP COLUMN card
            HSQLDB     | CREATE MEMORY TABLE supplier (id INTEGER IDENTITY, email VARCHAR(80), card VARCHAR(19))
            HSQLDB     | CREATE CACHED TABLE cg_customers (id INTEGER PRIMARY KEY, ssn VARCHAR(11))
            H2         | CREATE TABLE supplier (id IDENTITY, ssn VARCHAR(11) DEFAULT '' NOT NULL, card CHAR(19))
            MARIADB    | CREATE TABLE supplier (id INT AUTO_INCREMENT, email VARCHAR(80), KEY (email)) ENGINE=InnoDB
            GENERIC    | CREATE TABLE supplier (email VARCHAR(80) NOT NULL, ssn VARCHAR(11), CONSTRAINT u UNIQUE (ssn))
            HSQLDB     | CREATE TABLE c2 AS (SELECT id, name FROM cg_customers) WITH DATA
            HSQLDB     | CREATE TABLE c2 AS (SELECT id, name FROM cg_customers) WITH NO DATA
            """)
    void ddlThatReadsNothingProtected_movesNothing(Dialect dialect, String sql) {
        Analysis analysis = analyze(dialect, sql);
        assertEquals(Set.of(), names(analysis.moved()), sql);
        assertTrue(analysis.copied().isEmpty(), sql);
    }

    /** Statements that read no rows: nothing they name is touched, so no one is refused them for lack of access. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            H2         | TRUNCATE TABLE cg_customers
            POSTGRESQL | TRUNCATE cg_orders, cg_customers RESTART IDENTITY
            HSQLDB     | TRUNCATE TABLE cg_customers AND COMMIT
            HSQLDB     | CHECKPOINT
            HSQLDB     | SHUTDOWN
            H2         | DROP TABLE cg_customers IF EXISTS
            MARIADB    | DROP TABLE IF EXISTS cg_customers, cg_orders
            POSTGRESQL | GRANT SELECT ON cg_customers TO reporting
            POSTGRESQL | ALTER TABLE cg_customers OWNER TO app
            H2         | CREATE TABLE supplier (id INT, phone VARCHAR(80), email VARCHAR(80))
            """)
    void statementsThatReadNoRows_touchNothing(Dialect dialect, String sql) {
        Analysis analysis = analyze(dialect, sql);
        assertEquals(Set.of(), names(analysis.touched()), sql + ": " + analysis.unanalysable());
    }

    @Test
    void ddlWhoseQueryCannotBeAnalysed_movesEveryColumnOfTheTablesItNames() {
        Analysis analysis = analyze(Dialect.POSTGRESQL, "CREATE MATERIALIZED VIEW m AS SELECT )( FROM cg_customers");
        assertEquals(EVERY_COLUMN, names(analysis.moved()));
    }

    /** PostgreSQL's CREATE TABLE ... AS EXECUTE stores a prepared statement's rows, which no analysis of this text sees. */
    @Test
    void ddlStoringAPreparedStatementsRows_movesEveryColumn() {
        Analysis analysis = analyze(Dialect.POSTGRESQL, "CREATE TABLE copied AS EXECUTE earlier");
        assertEquals(EVERY_COLUMN, names(analysis.moved()));
    }

    @Test
    void ddlThatHandsATablesRowsToAnother_movesEveryColumn() {
        for (String sql : List.of("ALTER TABLE cg_customers INHERIT people", "ALTER TABLE people ATTACH PARTITION"
                + " cg_customers FOR VALUES IN (1)", "ALTER TABLE p EXCHANGE PARTITION p0 WITH TABLE cg_customers")) {
            assertEquals(EVERY_COLUMN, names(analyze(Dialect.POSTGRESQL, sql).moved()), sql);
        }
    }

    @Test
    void ddlOtherThanCreatingATableOrIndex_refreshesTheCatalog() {
        assertTrue(analyze(Dialect.POSTGRESQL, "CREATE VIEW v AS SELECT 1").redefinesObjects());
        assertTrue(analyze(Dialect.POSTGRESQL, "ALTER TABLE t RENAME TO u").redefinesObjects());
        assertTrue(analyze(Dialect.POSTGRESQL, "DROP TABLE t").redefinesObjects());
        assertTrue(analyze(Dialect.POSTGRESQL, "SELECT 1; DROP VIEW v").redefinesObjects());
        assertFalse(analyze(Dialect.POSTGRESQL, "CREATE TEMP TABLE t (x int)").redefinesObjects());
        assertFalse(analyze(Dialect.POSTGRESQL, "CREATE INDEX i ON t (x)").redefinesObjects());
        assertFalse(analyze(Dialect.POSTGRESQL, "SELECT 1").redefinesObjects());
    }
}
