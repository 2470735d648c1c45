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
 * A point select by primary key through a PreparedStatement prepared once per trial, reading
 * all six columns of the row: workloads (a) ({@code table=unprotected}) and (b)
 * ({@code table=masked}) of docs/benchmarks.md. The key cycles through every row.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PointSelectBenchmark {
    @Param({"raw", "p6spy", "claimguard", "shardingsphere"})
    String driver;

    @Param({"unprotected", "masked"})
    String table;

    /** {@code on}: audit events through a JSON encoder and metrics in a registry ({@link AuditSwitch}). */
    @Param({"off"})
    String audit;

    private Fixture fixture;
    private PreparedStatement select;
    private int id;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        AuditSwitch.set(audit);
        fixture = Fixture.open(driver);
        select = fixture.connection().prepareStatement(Workload.pointSelect(Workload.table(table)));
        select.setInt(1, 1);
        try (ResultSet row = select.executeQuery()) {
            Workload.checkRowOne(row, fixture.driver.masks() && "masked".equals(table), driver + "/" + table);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        select.close();
        fixture.close();
    }

    @Benchmark
    public void pointSelect(Blackhole sink) throws SQLException {
        id = id == Workload.ROWS ? 1 : id + 1;
        select.setInt(1, id);
        try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("no row " + id);
            }
            Workload.readRow(row, sink);
        }
    }
}
