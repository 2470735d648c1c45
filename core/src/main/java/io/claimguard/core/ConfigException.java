package io.claimguard.core;

/**
 * A ClaimGuard configuration that cannot be used: missing, unreadable, malformed, or naming
 * something unknown. Raised when a component starts, never later, and never silently turned
 * into "allow all". Messages name the file and the offending key, never a secret.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
