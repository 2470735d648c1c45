package io.claimguard.jdbc;

import io.claimguard.core.Mode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** The driver's metrics in a Micrometer registry; the only class of the driver that names Micrometer. */
final class MicrometerDriverMeters extends DriverMeters {
    private final MeterRegistry registry;

    MicrometerDriverMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    static DriverMeters global() {
        return new MicrometerDriverMeters(Metrics.globalRegistry);
    }

    @Override
    Tally analyses(boolean cacheHit) {
        return tally(Counter.builder("claimguard.jdbc.analyses")
                .description("SQL texts looked up in the analysis cache (cache=hit: analysed before)")
                .tag("cache", cacheHit ? "hit" : "miss"));
    }

    @Override
    Timing analysisTime() {
        Timer timer = Timer.builder("claimguard.jdbc.analysis.duration")
                .description("Time to analyse a SQL text the analysis cache did not hold")
                .register(registry);
        return nanos -> timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    Tally decisions(String outcome, Mode mode) {
        return tally(Counter.builder("claimguard.jdbc.decisions")
                .description("Statement runs that involve protected columns, by outcome")
                .tag("outcome", outcome).tag("mode", mode.code()));
    }

    @Override
    Tally denials(String reason, String column, Mode mode) {
        return tally(Counter.builder("claimguard.jdbc.denials")
                .description("Statements and writes refused (or, in report mode, that would be), by reason and column")
                .tag("reason", reason).tag("column", column == null ? "none" : column).tag("mode", mode.code()));
    }

    @Override
    Tally maskedCells(String column, boolean nulled, Mode mode) {
        return tally(Counter.builder("claimguard.jdbc.masked.cells")
                .description("Result cells shown masked or NULL instead of their value, by protected column")
                .tag("column", column).tag("mask", nulled ? "null" : "mask").tag("mode", mode.code()));
    }

    private Tally tally(Counter.Builder builder) {
        Counter counter = builder.register(registry);
        return counter::increment;
    }
}
