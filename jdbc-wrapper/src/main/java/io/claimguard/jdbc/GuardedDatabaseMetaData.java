package io.claimguard.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Database metadata whose result sets and connection are wrappers too, so that no path from a
 * wrapped connection leads back to a raw driver object. Metadata rows (tables, columns, keys)
 * carry no protected values and are not masked.
 */
abstract class GuardedDatabaseMetaData implements DatabaseMetaData {
    final DatabaseMetaData delegate;
    private final GuardedConnection connection;

    GuardedDatabaseMetaData(DatabaseMetaData delegate, GuardedConnection connection) {
        this.delegate = delegate;
        this.connection = connection;
    }

    /** Wraps a metadata result set; the generated subclass calls it for every method returning one. */
    final ResultSet wrap(ResultSet raw) {
        return raw == null ? null : new DelegatingResultSet(raw, MaskPlan.NOTHING_MASKED, null, connection);
    }

    /** What a metadata call throws for {@code e}, which the driver threw ({@link ErrorScrubber}). */
    final SQLException scrub(SQLException e) {
        return connection.scrub(e);
    }

    @Override
    public final Connection getConnection() {
        return connection;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Unwrapping.unwrap(this, delegate, iface, connection.enforcement.policy().allowUnwrap());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Unwrapping.isWrapperFor(this, delegate, iface, connection.enforcement.policy().allowUnwrap());
    }

    @Override
    public String toString() {
        return "ClaimGuard[" + delegate + "]";
    }
}
