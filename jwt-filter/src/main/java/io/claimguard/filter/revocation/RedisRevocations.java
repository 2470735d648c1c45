package io.claimguard.filter.revocation;

import io.claimguard.core.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.SslVerifyMode;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Revocations shared by every instance of an application through Redis: single tokens by
 * {@code (iss, jti)} (each entry expiring shortly after the token, see
 * {@link Revoker#KEPT_PAST_EXPIRY}), subject cutoffs, revoked key ids and the global cutoff, all
 * under one key prefix (the layout is in the README).
 *
 * <p><b>Request path.</b> One round trip per check: a Lua script run by its SHA-1 reads the global
 * cutoff, the key id, the subject's cutoff and the token entry and answers revoked or not. With a
 * cache time, answers are kept per token for at most that long; every revocation is published on
 * a channel to which every instance listens, and an instance forgets all cached answers when a
 * message comes, so a revocation reaches every instance within about a round trip even with the
 * cache on. While an instance is not subscribed (Redis just came back), its cache is not used.
 *
 * <p><b>Outages.</b> When Redis does not answer within the timeout, {@link #isRevoked} throws
 * {@link RevocationUnavailableException} (the filter answers 503), after the grace period if one
 * is configured (during it, checks pass). Redis is then tried again at most every retry
 * interval, not on every request; one WARN line says it became unreachable and one INFO line that
 * it answers again, with no restart needed. Redis keeps these entries only as durably as it is
 * configured to: without persistence, a Redis restart forgets every revocation.
 *
 * <p><b>Misuse detection</b> (optional, {@link Builder#misuse}): see {@link MisuseDetector}; it
 * adds no round trip to the request path.
 *
 * <p>Thread-safe. {@link #close()} stops the background threads and closes the pool.
 */
public final class RedisRevocations implements RevocationStore {
    /**
     * KEYS: global cutoff, revoked key ids, subject cutoffs, this token's entry. ARGV: issued-at
     * in epoch milliseconds, this subject's field, the key id (absent when the token has none).
     */
    private static final Script CHECK = new Script("""
            local issued = tonumber(ARGV[1])
            local all = redis.call('GET', KEYS[1])
            if all and issued < tonumber(all) then return 1 end
            if ARGV[3] and redis.call('SISMEMBER', KEYS[2], ARGV[3]) == 1 then return 1 end
            local subject = redis.call('HGET', KEYS[3], ARGV[2])
            if subject and issued < tonumber(subject) then return 1 end
            return redis.call('EXISTS', KEYS[4])
            """);
    /**
     * KEYS: the key to write. ARGV: kind (token, key, subject, all), member or field, value,
     * channel. Cutoffs only move forward. The message goes out in the same atomic step.
     */
    private static final Script REVOKE = new Script("""
            local kind, member, value = ARGV[1], ARGV[2], ARGV[3]
            if kind == 'token' then
              redis.call('SET', KEYS[1], '1', 'EXAT', value)
            elseif kind == 'key' then
              redis.call('SADD', KEYS[1], member)
            elseif kind == 'subject' then
              local current = redis.call('HGET', KEYS[1], member)
              if not current or tonumber(current) < tonumber(value) then redis.call('HSET', KEYS[1], member, value) end
            else
              local current = redis.call('GET', KEYS[1])
              if not current or tonumber(current) < tonumber(value) then redis.call('SET', KEYS[1], value) end
            end
            redis.call('PUBLISH', ARGV[4], kind)
            return 1
            """);
    private static final Long REVOKED = 1L;

    private final RedisLink link;
    private final RedisKeys keys;
    private final String store;
    private final long graceMillis;
    private final VerdictCache cache;
    private final RevocationEvents events;
    private final MisuseDetector misuse;

    private RedisRevocations(Builder b) {
        this.keys = new RedisKeys(b.keyPrefix);
        this.store = b.where + " (key prefix " + b.keyPrefix + ")";
        this.graceMillis = b.grace.toMillis();
        this.cache = b.cache.isZero() ? null : new VerdictCache(b.cache);
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        int connections = b.poolSize + (cache == null ? 0 : 1);   // the subscription holds one for good
        pool.setMaxTotal(connections);
        pool.setMaxIdle(connections);
        pool.setMaxWait(b.timeout);
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) b.timeout.toMillis())
                .socketTimeoutMillis((int) b.timeout.toMillis())
                .database(b.database)
                .clientName("claimguard");
        if (b.tls) {
            // FULL: the JDK's trusted CAs and the host name checked against the certificate. A
            // plain ssl(true) checks no host name, so any certificate a public CA signed would do.
            client.sslOptions(SslOptions.builder().sslVerifyMode(SslVerifyMode.FULL).build());
        }
        if (b.password != null) {
            client.user(b.user).password(b.password);
        }
        RedisClient redis = RedisClient.builder().hostAndPort(b.host, b.port).clientConfig(client.build()).poolConfig(pool).build();
        String whileDown = b.administration ? "nothing can be revoked until it answers"
                : b.grace.isZero() ? "requests are refused (503) until it answers"
                : "requests pass unchecked for " + b.grace.toSeconds() + " s, then are refused (503) until it answers";
        this.link = new RedisLink(redis, b.where, whileDown, b.retry.toMillis(), b.clock, cache == null ? () -> { } : cache::invalidate);
        this.events = cache == null ? null : new RevocationEvents(redis, keys.channel(), b.retry.toMillis(), cache::invalidate);
        this.misuse = b.misuse == null ? null : new MisuseDetector(link, keys, b.misuse, this);
        if (b.administration) {
            return;   // one command follows at once and reports its own failure
        }
        try {
            link.call(r -> {
                CHECK.load(r);
                REVOKE.load(r);
                return null;
            });
        } catch (RevocationUnavailableException e) {
            // Logged by the link; the first request will try again.
        }
    }

    /**
     * Options for a store at {@code url}: {@code redis://[[user]:password@]host[:port][/database]},
     * or {@code rediss://...} for TLS. The password may instead be given with {@link Builder#password}.
     *
     * @throws ConfigException for any other form; the message never repeats the URL, which may hold a password
     */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    @Override
    public boolean isRevoked(TokenIdentity token, byte[] client) {
        boolean revoked = lookUp(token);
        if (!revoked && misuse != null) {
            misuse.observe(token, client);
        }
        return revoked;
    }

    private boolean lookUp(TokenIdentity token) {
        long generation = 0;
        if (cache != null) {
            if (events.listening()) {
                Boolean known = cache.get(token);
                if (known != null) {
                    return known;
                }
            }
            generation = cache.generation();
        }
        boolean revoked;
        try {
            revoked = link.call(redis -> check(redis, token));
        } catch (RevocationUnavailableException e) {
            if (link.downMillis() < graceMillis) {
                return false;
            }
            throw e;
        }
        if (cache != null) {
            cache.put(token, revoked, generation);
        }
        return revoked;
    }

    private boolean check(UnifiedJedis redis, TokenIdentity token) {
        String tokenId = token.tokenId() == null ? "" : token.tokenId();
        List<String> args = new ArrayList<>(3);
        args.add(String.valueOf(token.issuedAt().toEpochMilli()));
        args.add(RedisKeys.pair(token.issuer(), token.subject()));
        if (token.keyId() != null) {
            args.add(token.keyId());
        }
        return REVOKED.equals(CHECK.run(redis, List.of(keys.globalCutoff(), keys.keyIds(), keys.subjectCutoffs(),
                keys.token(token.issuer(), tokenId)), args));
    }

    @Override
    public void revokeToken(String issuer, String tokenId, Instant keepUntil) {
        long until = Math.max(1, keepUntil.plus(KEPT_PAST_EXPIRY).getEpochSecond());
        revoke("token", keys.token(required(issuer, "issuer"), required(tokenId, "token id")), "", String.valueOf(until));
    }

    @Override
    public void revokeSubjectBefore(String issuer, String subject, Instant cutoff) {
        revoke("subject", keys.subjectCutoffs(), RedisKeys.pair(required(issuer, "issuer"), required(subject, "subject")),
                String.valueOf(cutoff.toEpochMilli()));
    }

    @Override
    public void revokeKey(String keyId) {
        revoke("key", keys.keyIds(), required(keyId, "key id"), "");
    }

    @Override
    public void revokeAllBefore(Instant cutoff) {
        revoke("all", keys.globalCutoff(), "", String.valueOf(cutoff.toEpochMilli()));
    }

    private void revoke(String kind, String key, String member, String value) {
        link.call(redis -> REVOKE.run(redis, List.of(key), List.of(kind, member, value, keys.channel())));
        if (cache != null) {
            cache.invalidate();   // this instance at once, before its own message comes back
        }
    }

    private static String required(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " must not be empty");
        }
        return value;
    }

    @Override
    public RevocationStatus status() {
        return link.call(redis -> {
            String all = redis.get(keys.globalCutoff());
            List<String> keyIds = redis.smembers(keys.keyIds()).stream().sorted().toList();
            long subjects = redis.hlen(keys.subjectCutoffs());
            return new RevocationStatus(store, all == null ? null : Instant.ofEpochMilli(Long.parseLong(all)), keyIds, subjects,
                    countTokens(redis));
        });
    }

    /** SCAN walks the whole key space: fine for an operator's status command, never for a request. */
    private long countTokens(UnifiedJedis redis) {
        ScanParams match = new ScanParams().match(keys.tokenPattern()).count(1000);
        long count = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, match);
            count += page.getResult().size();
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return count;
    }

    @Override
    public void close() {
        if (events != null) {
            events.close();
        }
        if (misuse != null) {
            misuse.close();
        }
        link.close();
    }

    @Override
    public String toString() {
        return "RedisRevocations[" + store + "]";
    }

    /**
     * Options for a {@link RedisRevocations}. Defaults: timeout 500 ms (connect and each reply),
     * 16 pooled connections, no cache, no grace period, Redis tried again at most every second
     * during an outage, key prefix {@code claimguard:}, no misuse detection. Every setter checks
     * its value at once and throws {@link ConfigException}.
     */
    public static final class Builder {
        private static final Pattern KEY_PREFIX = Pattern.compile("[A-Za-z0-9_.:{}-]{1,64}");
        private final String where;
        private final boolean tls;
        private final String host;
        private final int port;
        private final int database;
        private String user;
        private String password;
        private Duration timeout = Duration.ofMillis(500);
        private int poolSize = 16;
        private Duration cache = Duration.ZERO;
        private Duration grace = Duration.ZERO;
        private Duration retry = Duration.ofSeconds(1);
        private String keyPrefix = "claimguard:";
        private MisuseDetector.Limits misuse;
        private Clock clock = Clock.systemUTC();
        private boolean administration;

        private Builder(String url) {
            String form = "a Redis URL must look like redis://[[user]:password@]host[:port][/database] (or rediss:// for TLS)";
            URI uri;
            try {
                uri = new URI(Objects.requireNonNull(url, "url"));
            } catch (URISyntaxException e) {
                throw new ConfigException(form);   // the parser's message repeats the URL, password and all
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String path = uri.getPath() == null ? "" : uri.getPath();
            if (!(scheme.equals("redis") || scheme.equals("rediss")) || uri.getHost() == null || uri.getQuery() != null
                    || uri.getFragment() != null || !path.matches("(/([0-9]{1,5})?)?")) {
                throw new ConfigException(form);
            }
            this.tls = scheme.equals("rediss");
            this.host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
            this.port = uri.getPort() == -1 ? 6379 : uri.getPort();
            this.database = path.length() > 1 ? Integer.parseInt(path.substring(1)) : 0;
            String userInfo = uri.getUserInfo();
            if (userInfo != null) {
                int colon = userInfo.indexOf(':');
                if (colon < 0 || colon == userInfo.length() - 1) {
                    throw new ConfigException(form + "; a user needs a password");
                }
                this.user = colon == 0 ? null : userInfo.substring(0, colon);
                this.password = userInfo.substring(colon + 1);
            }
            this.where = scheme + "://" + uri.getHost() + ":" + port + "/" + database;
        }

        /** The store as messages show it: scheme, host, port and database, never the password. */
        String where() {
            return where;
        }

        /** The password (and ACL user, or null for the default user), instead of giving them in the URL. */
        public Builder password(String user, String password) {
            if (this.password != null) {
                throw new ConfigException("the Redis password is given twice (in the URL and separately)");
            }
            if (password == null || password.isEmpty()) {
                throw new ConfigException("the Redis password must not be empty");
            }
            this.user = user;
            this.password = password;
            return this;
        }

        /** The connect timeout and the longest wait for each reply (and for a free pooled connection). */
        public Builder timeout(Duration timeout) {
            this.timeout = within(timeout, Duration.ofMillis(1), Duration.ofMinutes(1), "timeout");
            return this;
        }

        /** Connections for checks and revocations; with a cache, one more holds the subscription. */
        public Builder poolSize(int size) {
            if (size < 1 || size > 1024) {
                throw new ConfigException("the Redis pool size must be from 1 to 1024, not " + size);
            }
            this.poolSize = size;
            return this;
        }

        /** How long an answer may be reused per token; zero (the default) asks Redis on every request. */
        public Builder cache(Duration keep) {
            this.cache = within(keep, Duration.ZERO, Duration.ofMinutes(1), "cache time");
            return this;
        }

        /** How long after Redis stops answering checks still pass; zero (the default) refuses at once. */
        public Builder grace(Duration grace) {
            this.grace = within(grace, Duration.ZERO, Duration.ofHours(1), "grace period");
            return this;
        }

        /** During an outage, the shortest time between two tries. */
        public Builder retry(Duration retry) {
            this.retry = within(retry, Duration.ofMillis(10), Duration.ofMinutes(10), "retry interval");
            return this;
        }

        /** Letters, digits and {@code _ . : { } -}, up to 64; no SCAN pattern characters. */
        public Builder keyPrefix(String prefix) {
            if (prefix == null || !KEY_PREFIX.matcher(prefix).matches()) {
                throw new ConfigException("the Redis key prefix must be 1 to 64 letters, digits or _ . : { } -");
            }
            this.keyPrefix = prefix;
            return this;
        }

        /**
         * Turns misuse detection on: a token used from more than {@code maxAddresses} client
         * addresses, or for more than {@code maxRequests} requests, within {@code window} is
         * reported, and revoked if {@code revoke}. A limit of 0 is not checked; one must be set.
         */
        public Builder misuse(int maxAddresses, int maxRequests, Duration window, boolean revoke) {
            if (maxAddresses < 0 || maxRequests < 0 || (maxAddresses == 0 && maxRequests == 0)) {
                throw new ConfigException("misuse detection needs a positive address or request limit");
            }
            this.misuse = new MisuseDetector.Limits(maxAddresses, maxRequests,
                    within(window, Duration.ofSeconds(1), Duration.ofDays(1), "misuse window"), revoke);
            return this;
        }

        /** The clock for the grace period and the retry interval. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** For one administrative command: no cache, no subscription, no misuse detection, no background thread. */
        Builder forAdministration() {
            this.administration = true;
            this.cache = Duration.ZERO;
            this.misuse = null;
            return this;
        }

        /** Loads its scripts at once: an unreachable Redis is logged, and the store answers as during an outage. */
        public RedisRevocations build() {
            return new RedisRevocations(this);
        }

        private static Duration within(Duration value, Duration min, Duration max, String what) {
            if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new ConfigException("the Redis " + what + " must be from " + min.toMillis() + " ms to " + max.toMillis()
                        + " ms");
            }
            return value;
        }
    }
}
