package io.claimguard.filter.revocation;

import io.claimguard.core.ConfigException;
import io.claimguard.core.ConfigSection;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The revocation store named by the {@code jwt} section of the configuration file, read and
 * checked before anything connects; the filter and {@link RevocationCommand} both open their
 * store from here, so they always agree on where revocations live.
 *
 * <pre>
 * jwt:
 *   revocation: redis://:secret@127.0.0.1:6379/0   # none (default) | memory | redis://... | rediss://...
 *   revocation_options:                            # redis only; every key optional
 *     timeout_ms: 500       # connect and reply timeout
 *     pool_size: 16
 *     cache_ms: 0           # reuse an answer per token for this long; 0 asks Redis every time
 *     grace_seconds: 0      # checks pass this long into an outage, then requests are refused
 *     retry_ms: 1000        # during an outage, try Redis at most this often
 *     key_prefix: "claimguard:"
 *     password_env: VAR     # the password from an environment variable instead of the URL
 *     misuse: {max_addresses: 3, max_requests: 600, window_seconds: 60, action: log}   # or revoke
 * </pre>
 */
public final class RevocationConfig {
    private static final Set<String> OPTION_KEYS = Set.of("timeout_ms", "pool_size", "cache_ms", "grace_seconds", "retry_ms",
            "key_prefix", "password_env", "misuse");
    private static final Set<String> MISUSE_KEYS = Set.of("max_addresses", "max_requests", "window_seconds", "action");
    private static final String URL_FORM = "none, memory, or redis://[[user]:password@]host[:port][/database] (rediss:// for TLS)";

    private enum Kind { NONE, MEMORY, REDIS }

    private enum Action { LOG, REVOKE }

    private final ConfigSection jwt;
    private final Kind kind;
    private final String store;

    private RevocationConfig(ConfigSection jwt, Kind kind, String store) {
        this.jwt = jwt;
        this.kind = kind;
        this.store = store;
    }

    /**
     * Reads {@code revocation} and {@code revocation_options} of the {@code jwt} section; other
     * keys are left to their readers.
     *
     * @throws ConfigException naming the key at fault; never repeating the URL, which may hold a password
     */
    public static RevocationConfig read(ConfigSection jwt) {
        String value = jwt.text("revocation", "none");
        Kind kind = value.equalsIgnoreCase("none") ? Kind.NONE : value.equalsIgnoreCase("memory") ? Kind.MEMORY
                : value.regionMatches(true, 0, "redis", 0, 5) ? Kind.REDIS : null;
        if (kind == null) {
            throw jwt.fail(jwt.path() + ".revocation must be " + URL_FORM);
        }
        if (kind != Kind.REDIS) {
            if (jwt.has("revocation_options")) {
                throw jwt.fail(jwt.path() + ".revocation_options apply to a Redis store only (revocation: redis://...)");
            }
            return new RevocationConfig(jwt, kind, kind.name().toLowerCase(Locale.ROOT));
        }
        RevocationConfig config = new RevocationConfig(jwt, kind, null);
        return new RevocationConfig(jwt, kind, config.redis().where());
    }

    /** Whether revocation is on at all (every token then needs a {@code jti}). */
    public boolean enabled() {
        return kind != Kind.NONE;
    }

    /** Where revocations live, for messages: {@code none}, {@code memory} or the Redis URL without its password. */
    public String store() {
        return store;
    }

    /** Whether the store is only in this JVM, so that a separate process cannot administer it. */
    public boolean inThisProcessOnly() {
        return kind == Kind.MEMORY;
    }

    /** The store the filter checks tokens against, or null when revocation is off; the caller closes it. */
    public RevocationStore open() {
        return switch (kind) {
            case NONE -> null;
            case MEMORY -> new InMemoryRevocations();
            case REDIS -> redis().build();
        };
    }

    /**
     * The store for administration only: no cache, no subscription and no misuse detection, so
     * no background thread; null when revocation is off.
     */
    public RevocationStore openForAdministration() {
        return kind == Kind.REDIS ? redis().forAdministration().build() : open();
    }

    private RedisRevocations.Builder redis() {
        ConfigSection options = jwt.section("revocation_options").orElse(null);
        RedisRevocations.Builder builder;
        try {
            builder = RedisRevocations.builder(jwt.text("revocation"));
            if (options == null) {
                return builder;
            }
            options.rejectUnknownKeys(OPTION_KEYS);
            builder.timeout(Duration.ofMillis(options.integer("timeout_ms", 1, 60_000, 500)))
                    .poolSize((int) options.integer("pool_size", 1, 1024, 16))
                    .grace(Duration.ofSeconds(options.integer("grace_seconds", 0, 3600, 0)))
                    .retry(Duration.ofMillis(options.integer("retry_ms", 10, 600_000, 1000)))
                    .keyPrefix(options.text("key_prefix", "claimguard:"));
            Duration cache = Duration.ofMillis(options.integer("cache_ms", 0, 60_000, 0));
            String passwordVariable = options.text("password_env");
            if (passwordVariable != null) {
                String password = System.getenv(passwordVariable);
                if (password == null || password.isEmpty()) {
                    throw options.fail(options.path() + ".password_env names the environment variable " + passwordVariable
                            + ", which is not set");
                }
                builder.password(null, password);
            }
            ConfigSection misuse = options.section("misuse").orElse(null);
            if (misuse != null) {
                misuse.rejectUnknownKeys(MISUSE_KEYS);
                int maxAddresses = (int) misuse.integer("max_addresses", 1, 1_000_000, 0);
                int maxRequests = (int) misuse.integer("max_requests", 1, 1_000_000_000, 0);
                if (maxAddresses == 0 && maxRequests == 0) {
                    throw misuse.fail(misuse.path() + " needs max_addresses, max_requests or both");
                }
                Duration window = Duration.ofSeconds(misuse.integer("window_seconds", 1, 86_400, 60));
                boolean revoke = misuse.choice("action", Action.class, Action.LOG) == Action.REVOKE;
                builder.misuse(maxAddresses, maxRequests, window, revoke);
            }
            builder.cache(cache);
        } catch (ConfigException e) {
            throw e.getMessage().startsWith("ClaimGuard configuration ") ? e : jwt.fail(jwt.path() + ".revocation: " + e.getMessage());
        }
        return builder;
    }
}
