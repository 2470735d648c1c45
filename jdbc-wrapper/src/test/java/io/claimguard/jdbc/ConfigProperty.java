package io.claimguard.jdbc;

import io.claimguard.core.ConfigFile;

/** The {@code claimguard.config} system property, set for a test and put back afterwards. */
final class ConfigProperty {
    private ConfigProperty() {
    }

    /** @return the previous value, for {@link #restore} */
    static String set(String location) {
        return System.setProperty(ConfigFile.PROPERTY, location);
    }

    static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(ConfigFile.PROPERTY);
        } else {
            System.setProperty(ConfigFile.PROPERTY, previous);
        }
    }
}
