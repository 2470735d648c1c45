package io.claimguard.jdbc.catalog;

import io.claimguard.jdbc.policy.Dialect;
import io.claimguard.jdbc.policy.Policy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A policy as it applies to one database: the configured rules, plus those its views and routines
 * derive from them. Read when the first connection to the database opens, and again after a
 * statement run through the driver redefined views or routines; a new read only adds rules, so a
 * restart is what forgets a view that no longer reads protected data. Immutable.
 *
 * <p>With {@code jdbc.catalog: skip} nothing is read, and only the views and routines named in the
 * configuration are protected.
 */
public final class DatabaseCatalog {
    private final Policy configured;
    private final Dialect dialect;
    private final DerivedRules derived;
    private final Policy policy;

    private DatabaseCatalog(Policy configured, Dialect dialect, DerivedRules derived) {
        this.configured = configured;
        this.dialect = dialect;
        this.derived = derived;
        this.policy = derived.applyTo(configured);
    }

    /**
     * Reads the views and routines {@code connection} can see.
     *
     * @throws SQLException naming what could not be read and how to configure without it
     */
    public static DatabaseCatalog read(Policy configured, Dialect dialect, Connection connection) throws SQLException {
        DatabaseCatalog none = new DatabaseCatalog(configured, dialect, DerivedRules.NONE);
        if (configured.catalog() == Policy.Catalog.SKIP || connection.getAutoCommit()) {
            return none.readAgain(connection);
        }
        // The application has not used this connection yet: the reads must not leave a transaction
        // open on it (PostgreSQL would then refuse a new isolation level, for one).
        connection.setAutoCommit(true);
        try {
            return none.readAgain(connection);
        } finally {
            connection.setAutoCommit(false);
        }
    }

    /** Reads the catalog again, keeping every rule derived so far. */
    public DatabaseCatalog readAgain(Connection connection) throws SQLException {
        if (configured.catalog() == Policy.Catalog.SKIP) {
            return this;
        }
        DatabaseObjects objects = CatalogReader.read(connection, dialect, configured.location());
        return new DatabaseCatalog(configured, dialect, Derivation.derive(configured, dialect, objects, derived));
    }

    /** Whether {@code other} derives the same rules, so that what was analysed under one holds under the other. */
    public boolean derivesAsMuchAs(DatabaseCatalog other) {
        return derived.sameAs(other.derived);
    }

    /** The configured policy extended with the rules the database's objects derive from it. */
    public Policy policy() {
        return policy;
    }
}
