package io.claimguard.benchmarks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The ORM-style select of protected row 1 ({@link AnalysisTexts#ORM_SELECT_ROW_ONE}), reading
 * all six columns; ClaimGuard masks two of them. With {@code api=statement} it runs through a
 * plain {@link Statement#executeQuery(String)} on every call, so that ClaimGuard looks up the
 * analysis of the text on every execution; {@code api=prepared} runs the same text through one
 * PreparedStatement prepared in the trial setup (looked up once, when prepared), for comparison.
 * See "SQL analysis" in docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StatementBenchmark {
    @Param({"raw", "claimguard"})
    String driver;

    @Param({"statement", "prepared"})
    String api;

    private Fixture fixture;
    private Statement statement;
    private PreparedStatement prepared;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        fixture = Fixture.open(driver);
        switch (api) {
            case "statement" -> statement = fixture.connection().createStatement();
            case "prepared" -> statement = prepared = fixture.connection().prepareStatement(AnalysisTexts.ORM_SELECT_ROW_ONE);
            default -> throw new IllegalArgumentException("api must be statement or prepared, not " + api);
        }
        try (ResultSet row = execute()) {
            Workload.checkRowOne(row, fixture.driver.masks(), driver + "/" + api);
        }
    }

    private ResultSet execute() throws SQLException {
        return prepared != null ? prepared.executeQuery() : statement.executeQuery(AnalysisTexts.ORM_SELECT_ROW_ONE);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        statement.close();
        fixture.close();
    }

    @Benchmark
    public void protectedSelect(Blackhole sink) throws SQLException {
        try (ResultSet row = execute()) {
            if (!row.next()) {
                throw new IllegalStateException("no row 1");
            }
            Workload.readRow(row, sink);
        }
    }
}
