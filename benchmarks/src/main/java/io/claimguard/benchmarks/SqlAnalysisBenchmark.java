package io.claimguard.benchmarks;

import io.claimguard.jdbc.analysis.Analysis;
import io.claimguard.jdbc.analysis.SqlAnalyzer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link SqlAnalyzer#analyze(String)} on its own, under {@code benchmark.yaml} on H2: a cache hit
 * on a protected select, the fast path for ~1 KB of SQL that names nothing protected, and cold
 * analyses (a ~2 KB select with a CTE and five joins, and an ORM-style one-liner). The uncached
 * benchmarks take a text the analyzer has never seen on every call ({@link UnseenTexts}), so the
 * cache misses every time and keeps evicting, as it would under a stream of distinct texts.
 * See "SQL analysis" in docs/benchmarks.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SqlAnalysisBenchmark {

    /** The analyzer with the ORM select of row 1 already in its cache. */
    @State(Scope.Thread)
    public static class Cached {
        SqlAnalyzer analyzer;
        String sql;
        byte[] bytes;

        @Setup(Level.Trial)
        public void open() throws SQLException {
            analyzer = AnalysisTexts.analyzer();
            sql = AnalysisTexts.ORM_SELECT_ROW_ONE;
            bytes = sql.getBytes(StandardCharsets.ISO_8859_1);
            Analysis first = analyzer.analyze(sql);
            AnalysisTexts.checkOrmSelect(first);
            if (analyzer.analyze(sql) != first || analyzer.analyze(equalText()) != first) {
                throw new IllegalStateException("the ORM select is not served from the cache");
            }
            if (AnalysisTexts.runOnH2(sql) != 1) {
                throw new IllegalStateException("the ORM select does not find row 1 on H2");
            }
        }

        /** The same text in a new String, as when an application builds its SQL for each call. */
        String equalText() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** Its own analyzer, and a new ~1 KB text naming nothing protected on every call. */
    @State(Scope.Thread)
    public static class FastPath {
        SqlAnalyzer analyzer;
        UnseenTexts texts;

        @Setup(Level.Trial)
        public void open() throws SQLException {
            analyzer = AnalysisTexts.analyzer();
            texts = new UnseenTexts(AnalysisTexts.UNPROTECTED_REPORT);
            String sample = texts.next();
            AnalysisTexts.checkLength(sample, 1_000, 1_100, "unprotected report");
            AnalysisTexts.checkFastPath(analyzer.analyze(sample), "unprotected report");
            AnalysisTexts.runOnH2(sample);
        }
    }

    /** Its own analyzer, and a new ~2 KB select with a CTE and five joins on every call. */
    @State(Scope.Thread)
    public static class ColdCte {
        SqlAnalyzer analyzer;
        UnseenTexts texts;

        @Setup(Level.Trial)
        public void open() throws SQLException {
            analyzer = AnalysisTexts.analyzer();
            texts = new UnseenTexts(AnalysisTexts.CTE_REPORT);
            String sample = texts.next();
            AnalysisTexts.checkLength(sample, 1_900, 2_100, "CTE report");
            Analysis first = analyzer.analyze(sample);
            AnalysisTexts.checkCteReport(first);
            if (analyzer.analyze(texts.next()) == first) {
                throw new IllegalStateException("CTE report: a new text was answered from the cache");
            }
            if (AnalysisTexts.runOnH2(sample) == 0) {
                throw new IllegalStateException("CTE report: no rows on H2");
            }
        }
    }

    /** Its own analyzer, and the ORM select with a new key on every call. */
    @State(Scope.Thread)
    public static class ColdOrm {
        SqlAnalyzer analyzer;
        UnseenTexts texts;

        @Setup(Level.Trial)
        public void open() throws SQLException {
            analyzer = AnalysisTexts.analyzer();
            texts = new UnseenTexts(AnalysisTexts.ORM_SELECT_UNSEEN);
            String sample = texts.next();
            Analysis first = analyzer.analyze(sample);
            AnalysisTexts.checkOrmSelect(first);
            if (analyzer.analyze(texts.next()) == first) {
                throw new IllegalStateException("ORM select: a new text was answered from the cache");
            }
            AnalysisTexts.runOnH2(sample);
        }
    }

    /** Target 1 (a): the cached analysis of a protected select, the same String each time. */
    @Benchmark
    public Analysis cachedSameString(Cached state) {
        return state.analyzer.analyze(state.sql);
    }

    /**
     * The cached analysis when the text arrives in a new String each time: the lookup then hashes
     * and compares the whole text. Includes making the String ({@link #equalStringOnly}).
     */
    @Benchmark
    public Analysis cachedEqualString(Cached state) {
        return state.analyzer.analyze(state.equalText());
    }

    /** Baseline for {@link #cachedEqualString}: making the String alone. */
    @Benchmark
    public String equalStringOnly(Cached state) {
        return state.equalText();
    }

    /** Target 2: the no-protected-table fast path on ~1 KB texts it has not seen. */
    @Benchmark
    public Analysis fastPath1k(FastPath state) {
        return state.analyzer.analyze(state.texts.next());
    }

    /** Baseline for {@link #fastPath1k}: making its ~1 KB text alone. */
    @Benchmark
    public String newText1k(FastPath state) {
        return state.texts.next();
    }

    /** Target 3: a cold analysis of the ~2 KB select with a CTE and five joins. */
    @Benchmark
    public Analysis coldCte2k(ColdCte state) {
        return state.analyzer.analyze(state.texts.next());
    }

    /** For context: a cold analysis of a one-line ORM-style select. */
    @Benchmark
    public Analysis coldOrmSelect(ColdOrm state) {
        return state.analyzer.analyze(state.texts.next());
    }
}
