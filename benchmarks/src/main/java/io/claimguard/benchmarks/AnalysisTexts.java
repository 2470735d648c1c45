package io.claimguard.benchmarks;

import io.claimguard.core.ConfigFile;
import io.claimguard.jdbc.analysis.Analysis;
import io.claimguard.jdbc.analysis.Output;
import io.claimguard.jdbc.analysis.SqlAnalyzer;
import io.claimguard.jdbc.policy.Dialect;
import io.claimguard.jdbc.policy.Policy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The SQL texts of the analysis benchmarks, over the schema of {@link Workload}, and the checks
 * that each is analysed the way its benchmark claims. Every text also runs on H2 in the check, so
 * none is SQL that only the parser accepts.
 */
final class AnalysisTexts {
    /**
     * A Hibernate-style select of one protected row: {@code email} and {@code ssn} are among its
     * outputs. Used as the cached statement, and (with the key replaced) as the cold one-liner.
     */
    static final String ORM_SELECT = "select customer0_.id as id1_0_, customer0_.name as name2_0_,"
            + " customer0_.email as email3_0_, customer0_.ssn as ssn4_0_, customer0_.salary as salary5_0_,"
            + " customer0_.city as city6_0_ from bench_customers customer0_ where customer0_.id=";

    /** {@link #ORM_SELECT} for row 1: the statement whose cached analysis is measured. */
    static final String ORM_SELECT_ROW_ONE = ORM_SELECT + "1";

    /** {@link #ORM_SELECT} with a distinct key on every call: a cold one-line statement. */
    static final String ORM_SELECT_UNSEEN = ORM_SELECT + UnseenTexts.MARK;

    /**
     * About 1 KB of reporting SQL over {@code bench_orders} alone: it names no protected table or
     * column, so the analyzer's fast path (a word scan, no parse) decides it.
     */
    static final String UNPROTECTED_REPORT = String.join("\n",
            "SELECT o.id AS order_id, o.customer AS customer_name, o.contact AS contact_address,",
            "       o.code AS order_code, o.amount AS net_amount, ROUND(o.amount * 1.21, 2) AS gross_amount,",
            "       UPPER(o.region) AS region_name,",
            "       CASE WHEN o.amount > 40000 THEN 'large' WHEN o.amount > 35000 THEN 'medium' ELSE 'small' END AS size_band,",
            "       p.amount AS previous_amount, o.amount - COALESCE(p.amount, 0) AS change_from_previous,",
            "       n.customer AS next_customer, n.code AS next_code, n.region AS next_region,",
            "       CASE WHEN p.id IS NULL THEN 'first' ELSE 'repeat' END AS order_kind",
            "FROM bench_orders o",
            "LEFT JOIN bench_orders p ON p.id = o.id - 5 AND p.region = o.region",
            "LEFT JOIN bench_orders n ON n.id = o.id + 1",
            "WHERE o.region IN ('Lisbon', 'Oslo', 'Tallinn', 'Valencia')",
            "  AND o.amount BETWEEN 30000.00 AND 50000.00",
            "  AND o.code <> 'Q" + UnseenTexts.MARK + "'",
            "  AND o.customer LIKE 'Customer %'",
            "  AND o.id BETWEEN 1 AND 1000",
            "  AND (o.contact IS NOT NULL OR n.contact IS NOT NULL)",
            "ORDER BY o.amount DESC, o.region, o.id",
            "LIMIT 100");

    /**
     * About 2 KB: a CTE, then the protected table joined five times (to {@code bench_orders} three
     * times, to the CTE, and to itself), with aliases, CASE, arithmetic and functions; {@code email}
     * reaches two outputs and {@code ssn} one. Fully parsed and followed column by column.
     */
    static final String CTE_REPORT = String.join("\n",
            "WITH region_totals AS (",
            "    SELECT o.region AS region, COUNT(*) AS order_count, SUM(o.amount) AS total_amount,",
            "           AVG(o.amount) AS avg_amount, MAX(o.amount) AS max_amount,",
            "           COUNT(DISTINCT o.customer) AS customers",
            "    FROM bench_orders o",
            "    WHERE o.amount > 100.00 AND o.code <> 'Q" + UnseenTexts.MARK + "'",
            "    GROUP BY o.region",
            ")",
            "SELECT c.id AS customer_id,",
            "       c.name AS customer_name,",
            "       UPPER(c.city) AS city,",
            "       c.email AS contact_email,",
            "       c.ssn AS tax_id,",
            "       c.salary * 12 AS annual_salary,",
            "       CASE WHEN c.salary > 35000 THEN 'high' WHEN c.salary > 32000 THEN 'mid' ELSE 'low' END AS salary_band,",
            "       o.id AS order_id,",
            "       o.code AS order_code,",
            "       o.amount AS order_amount,",
            "       ROUND(o.amount * 1.21, 2) AS gross_amount,",
            "       o.amount - COALESCE(p.amount, 0) AS change_from_previous,",
            "       rt.order_count AS orders_in_region,",
            "       rt.avg_amount AS region_average,",
            "       ROUND(o.amount / NULLIF(rt.total_amount, 0) * 100, 2) AS share_of_region,",
            "       CASE WHEN o.amount = rt.max_amount THEN 'top' ELSE '' END AS region_rank,",
            "       r.name AS referrer_name,",
            "       r.email AS referrer_email,",
            "       n.customer AS next_customer,",
            "       n.contact AS next_contact,",
            "       rt.customers AS region_customers,",
            "       CONCAT(c.name, ' (', c.city, ')') AS display_name,",
            "       COALESCE(n.code, p.code, o.code) AS related_code,",
            "       LOWER(r.city) AS referrer_city",
            "FROM bench_customers c",
            "JOIN bench_orders o ON o.id = c.id",
            "LEFT JOIN bench_orders p ON p.id = o.id - 5 AND p.region = o.region",
            "JOIN region_totals rt ON rt.region = o.region",
            "LEFT JOIN bench_customers r ON r.id = c.id + 1",
            "LEFT JOIN bench_orders n ON n.id = o.id + 5 AND n.region = o.region",
            "WHERE c.city IN ('Lisbon', 'Oslo', 'Tallinn', 'Valencia')",
            "  AND o.amount BETWEEN 30000.00 AND 50000.00",
            "  AND c.id > 10",
            "  AND (n.contact IS NOT NULL OR p.contact IS NOT NULL)",
            "  AND o.customer LIKE 'Customer %'",
            "  AND o.code NOT LIKE 'X%'",
            "  AND rt.order_count > 0",
            "ORDER BY rt.order_count DESC, o.amount DESC, c.id",
            "LIMIT 50");

    /** The outputs of {@link #CTE_REPORT} that carry a protected column, by position. */
    private static final List<Integer> CTE_REPORT_PROTECTED = List.of(3, 4, 17);

    private AnalysisTexts() {
    }

    /** An analyzer for {@code benchmark.yaml} on H2, as the driver would build it. */
    static SqlAnalyzer analyzer() {
        return new SqlAnalyzer(Policy.load(ConfigFile.load("classpath:benchmark.yaml")), Dialect.H2);
    }

    /** Fails unless {@code analysis} is a full projection that reveals protected columns. */
    static void checkProtected(Analysis analysis, int outputs, List<Integer> protectedOutputs, String what) {
        boolean ok = analysis.unanalysable() == null && !analysis.touched().isEmpty()
                && analysis.outputs().size() == outputs;
        for (int i = 0; ok && i < outputs; i++) {
            Output output = analysis.outputs().get(i);
            ok = !output.isStar() && protectedOutputs.contains(i) != output.rules().isEmpty();
        }
        if (!ok) {
            throw new IllegalStateException(what + ": expected a projection of " + outputs + " columns with protected"
                    + " columns at " + protectedOutputs + ", got " + analysis + " touching " + analysis.touched());
        }
    }

    /** Fails unless {@code analysis} is the fast path's: nothing protected, nothing parsed. */
    static void checkFastPath(Analysis analysis, String what) {
        if (analysis.unanalysable() != null || !analysis.touched().isEmpty() || !analysis.outputs().isEmpty()
                || !analysis.tables().isEmpty()) {
            throw new IllegalStateException(what + ": expected the no-protected-table fast path, got " + analysis);
        }
    }

    static void checkCteReport(Analysis analysis) {
        checkProtected(analysis, 24, CTE_REPORT_PROTECTED, "CTE report");
    }

    static void checkOrmSelect(Analysis analysis) {
        checkProtected(analysis, 6, List.of(2, 3), "ORM select");
    }

    /** Fails unless {@code text} is between {@code min} and {@code max} characters long. */
    static void checkLength(String text, int min, int max, String what) {
        if (text.length() < min || text.length() > max) {
            throw new IllegalStateException(what + ": " + text.length() + " characters, not " + min + "-" + max);
        }
    }

    /** Runs {@code sql} on H2's own driver over the benchmark schema and returns its row count. */
    static int runOnH2(String sql) throws SQLException {
        String database = "bench_analysis";
        Workload.fill(database);
        try (Connection raw = DriverManager.getConnection(DriverUnderTest.h2Url(database));
             Statement statement = raw.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            int count = 0;
            while (rows.next()) {
                count++;
            }
            return count;
        }
    }
}
