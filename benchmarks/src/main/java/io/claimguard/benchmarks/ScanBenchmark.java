package io.claimguard.benchmarks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * A scan of all 1,000 rows through a PreparedStatement prepared once per trial, reading all six
 * columns of every row: workload (c) of docs/benchmarks.md ({@code table=masked}). The
 * unprotected scan shows what a wrapper costs per cell it does not mask (time and B/op against
 * raw over 6,000 cells).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScanBenchmark {
    @Param({"raw", "p6spy", "claimguard", "shardingsphere"})
    String driver;

    @Param({"unprotected", "masked"})
    String table;

    /** {@code on}: audit events through a JSON encoder and metrics in a registry ({@link AuditSwitch}). */
    @Param({"off"})
    String audit;

    private Fixture fixture;
    private PreparedStatement scan;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        AuditSwitch.set(audit);
        fixture = Fixture.open(driver);
        scan = fixture.connection().prepareStatement(Workload.scan(Workload.table(table)));
        int rows = 0;
        try (ResultSet result = scan.executeQuery()) {
            Workload.checkRowOne(result, fixture.driver.masks() && "masked".equals(table), driver + "/" + table);
            rows++;
            while (result.next()) {
                rows++;
            }
        }
        if (rows != Workload.ROWS) {
            throw new IllegalStateException(driver + "/" + table + ": scanned " + rows + " rows, not " + Workload.ROWS);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        scan.close();
        fixture.close();
    }

    @Benchmark
    public int scan(Blackhole sink) throws SQLException {
        int rows = 0;
        try (ResultSet result = scan.executeQuery()) {
            while (result.next()) {
                Workload.readRow(result, sink);
                rows++;
            }
        }
        return rows;
    }
}
