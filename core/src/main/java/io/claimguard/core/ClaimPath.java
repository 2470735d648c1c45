package io.claimguard.core;

import java.util.regex.Pattern;

/** Dotted claim paths ({@code realm_access.roles}), split once when a rule is built. */
final class ClaimPath {
    private static final Pattern DOT = Pattern.compile("\\.");

    private ClaimPath() {
    }

    static String[] split(String dottedPath) {
        String[] steps = DOT.split(dottedPath, -1);
        for (String step : steps) {
            if (step.isEmpty()) {
                throw new IllegalArgumentException("claim path '" + dottedPath + "' has an empty step");
            }
        }
        return steps;
    }
}
