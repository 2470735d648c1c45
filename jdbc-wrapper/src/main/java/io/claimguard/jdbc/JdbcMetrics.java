package io.claimguard.jdbc;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Sends the driver's metrics to a registry of the application's choosing instead of Micrometer's
 * global registry, which it uses by default whenever Micrometer is on the class path:
 *
 * <pre>{@code
 * new JdbcMetrics().bindTo(registry);   // before the first connection
 * }</pre>
 *
 * A Spring Boot application can declare it as a {@code MeterBinder} bean. Connections to a
 * database first opened before the call keep counting where they started. Meters (see the README):
 * {@code claimguard.jdbc.analyses}, {@code claimguard.jdbc.analysis.duration},
 * {@code claimguard.jdbc.decisions}, {@code claimguard.jdbc.denials},
 * {@code claimguard.jdbc.masked.cells}.
 */
public final class JdbcMetrics implements MeterBinder {
    @Override
    public void bindTo(MeterRegistry registry) {
        DriverMeters.use(new MicrometerDriverMeters(registry));
    }
}
