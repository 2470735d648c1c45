package io.claimguard.filter;

import io.claimguard.core.ConfigException;

/**
 * A servlet-style URL pattern: {@code /exact}, {@code /prefix/*} (which also matches
 * {@code /prefix}) or {@code /*}. Matched against the container's decoded, normalised path
 * (servlet path plus path info), so {@code /admin/../x} and {@code /%61dmin} cannot dodge it.
 */
record PathRule(String pattern, String prefix) {

    static PathRule parse(String pattern) {
        if (pattern == null || !pattern.startsWith("/")) {
            throw new ConfigException("URL pattern '" + pattern + "' must start with '/'");
        }
        if (pattern.endsWith("/*")) {
            return new PathRule(pattern, pattern.substring(0, pattern.length() - 2));
        }
        if (pattern.contains("*")) {
            throw new ConfigException("URL pattern '" + pattern + "' may only end with '/*'");
        }
        return new PathRule(pattern, null);
    }

    boolean matches(String path) {
        if (prefix == null) {
            return path.equals(pattern);
        }
        return path.equals(prefix) || path.startsWith(prefix + "/") || prefix.isEmpty();
    }
}
