package io.claimguard.jdbc;

import io.claimguard.core.ConfigFile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The {@code claimguard.config} system property, set for a test and put back afterwards. */
final class ConfigProperty {
    private ConfigProperty() {
    }

    /** @return the previous value, for {@link #restore} */
    static String set(String location) {
        return System.setProperty(ConfigFile.PROPERTY, location);
    }

    /** A connection through the driver URL {@code url} under the configuration at {@code location}, read as it connects. */
    static Connection connect(String url, String location) throws SQLException {
        String previous = set(location);
        try {
            return DriverManager.getConnection(url);
        } finally {
            restore(previous);
        }
    }

    static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(ConfigFile.PROPERTY);
        } else {
            System.setProperty(ConfigFile.PROPERTY, previous);
        }
    }
}
