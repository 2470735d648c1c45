package io.claimguard.jdbc;

import io.claimguard.core.ConfigFile;
import io.claimguard.jdbc.policy.Policy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loaded policies by configuration location: the file is read and checked once, the first time a
 * connection needs it. A failed load is not remembered, so a corrected file is picked up on the
 * next attempt. A policy with anything in report mode is announced once, when loaded.
 */
final class Policies {
    private static final Map<String, Policy> LOADED = new ConcurrentHashMap<>();

    private Policies() {
    }

    /** The policy at the location the documented lookup order finds. */
    static Policy located() {
        return LOADED.computeIfAbsent(ConfigFile.configuredLocation(),
                location -> StatementAudit.announce(Policy.load(ConfigFile.locate())));
    }

    /** The policy at an explicit file path or {@code classpath:name}. */
    static Policy at(String location) {
        return LOADED.computeIfAbsent(location, l -> StatementAudit.announce(Policy.load(ConfigFile.load(l))));
    }
}
