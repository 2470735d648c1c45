package io.claimguard.jdbc;

import io.claimguard.core.Mode;

/**
 * Where the driver's metrics go: Micrometer's global registry when Micrometer is on the class path
 * (or the registry handed to {@link JdbcMetrics}), nowhere otherwise. Only
 * {@link MicrometerDriverMeters} names Micrometer's types, and it is looked for by name: without
 * Micrometer no class of it is ever loaded.
 *
 * <p>Handles are fetched once and kept (per driver, per decision outcome, per mask plan); counting
 * then adds to a number, with no lookup and no allocation.
 */
abstract class DriverMeters {
    /** A counter, or nothing. */
    interface Tally {
        Tally NONE = amount -> { };

        void add(long amount);
    }

    /** A timer, or nothing. */
    interface Timing {
        Timing NONE = nanos -> { };

        void record(long nanos);
    }

    static final DriverMeters NONE = new DriverMeters() {
        @Override
        Tally analyses(boolean cacheHit) {
            return Tally.NONE;
        }

        @Override
        Timing analysisTime() {
            return Timing.NONE;
        }

        @Override
        Tally decisions(String outcome, Mode mode) {
            return Tally.NONE;
        }

        @Override
        Tally denials(String reason, String column, Mode mode) {
            return Tally.NONE;
        }

        @Override
        Tally maskedCells(String column, boolean nulled, Mode mode) {
            return Tally.NONE;
        }
    };

    private static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";
    private static volatile DriverMeters current;

    /** The meters new connections to a database count with. */
    static DriverMeters current() {
        DriverMeters meters = current;
        if (meters == null) {
            meters = micrometerPresent() ? MicrometerDriverMeters.global() : NONE;
            current = meters;
        }
        return meters;
    }

    static void use(DriverMeters meters) {
        current = meters;
    }

    private static boolean micrometerPresent() {
        try {
            Class.forName(MICROMETER, false, DriverMeters.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** SQL texts looked up in the analysis cache, found or not. */
    abstract Tally analyses(boolean cacheHit);

    /** How long analysing a text the cache did not hold took. */
    abstract Timing analysisTime();

    /** Statement runs that involve protected columns, by outcome. */
    abstract Tally decisions(String outcome, Mode mode);

    abstract Tally denials(String reason, String column, Mode mode);

    /** Cells of {@code column} shown masked (or NULL) instead of their values. */
    abstract Tally maskedCells(String column, boolean nulled, Mode mode);
}
