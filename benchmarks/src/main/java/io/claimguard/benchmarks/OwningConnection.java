package io.claimguard.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;

/** A connection and the data source behind it, closed together at tear-down. */
final class OwningConnection implements AutoCloseable {
    private final Connection connection;
    private final AutoCloseable owner;

    OwningConnection(Connection connection, AutoCloseable owner) {
        this.connection = connection;
        this.owner = owner;
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() throws Exception {
        try {
            connection.close();
        } finally {
            owner.close();
        }
    }
}
