package io.claimguard.filter.token;

import com.auth0.jwk.Jwk;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An issuer's keys from its JWKS URI, cached and refreshed:
 * <ul>
 *   <li>after {@code cacheTime} the next token triggers a refresh; if it fails, the keys held so
 *       far stay in use (an identity provider outage must not lock every user out at once);</li>
 *   <li>a token with an unknown {@code kid} triggers a refresh (the provider may have rotated),
 *       at most once per {@code cooldown}, so a flood of invented kids costs one fetch;</li>
 *   <li>one fetch at a time: threads that arrive during a fetch wait for its result.</li>
 * </ul>
 * A fetch has connect and read timeouts, follows no redirects and reads at most
 * {@code maxBytes}. It uses {@link HttpURLConnection}, which starts no thread of its own: a
 * client with a selector thread would outlive an undeployed web application and keep its class
 * loader alive. Symmetric ({@code oct}) keys, keys without {@code kid} and kids listed twice
 * are ignored: a JWKS publishes public keys, and a kid must name one key.
 */
final class JwksKeys implements KeySource {
    private static final Logger LOG = LoggerFactory.getLogger(JwksKeys.class);

    private final URI uri;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxBytes;
    private final Duration cooldown;
    private final Duration cacheTime;
    private final Clock clock;
    private final VerifierStats stats;
    private final StrictJson json = new StrictJson(8, 64 * 1024);
    private final ReentrantLock fetching = new ReentrantLock();
    private final AtomicLong fetches = new AtomicLong();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Instant.MIN, Instant.MIN);

    private record Snapshot(Map<String, VerificationKey> keys, Instant fetchedAt, Instant attemptedAt) {
    }

    JwksKeys(URI uri, Duration connectTimeout, Duration readTimeout, int maxBytes, Duration cooldown,
             Duration cacheTime, Clock clock, VerifierStats stats) {
        this.uri = uri;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.maxBytes = maxBytes;
        this.cooldown = cooldown;
        this.cacheTime = cacheTime;
        this.clock = clock;
        this.stats = stats;
    }

    @Override
    public VerificationKey find(String keyId) {
        if (keyId == null) {
            throw new TokenRejectedException(RejectionReason.UNKNOWN_KEY);   // a key set is chosen from by kid only
        }
        Snapshot seen = snapshot;
        VerificationKey key = seen.keys.get(keyId);
        Instant now = clock.instant();
        if (key == null || now.isAfter(seen.fetchedAt.plus(cacheTime))) {
            VerificationKey refreshed = refresh(seen, now).keys.get(keyId);
            key = refreshed != null ? refreshed : key;
        }
        if (key == null) {
            throw new TokenRejectedException(RejectionReason.UNKNOWN_KEY);
        }
        return key;
    }

    private Snapshot refresh(Snapshot seen, Instant now) {
        fetching.lock();
        try {
            Snapshot current = snapshot;
            if (current != seen || now.isBefore(current.attemptedAt.plus(cooldown))) {
                return current;   // another thread fetched meanwhile, or one did so too recently
            }
            try {
                current = new Snapshot(fetch(), now, now);
                stats.jwksFetched(true);
            } catch (IOException | RuntimeException e) {
                stats.jwksFetched(false);
                LOG.warn("JWKS {} could not be fetched ({}); keeping {} known keys", uri, e.getClass().getSimpleName(),
                        current.keys.size());
                current = new Snapshot(current.keys, current.fetchedAt, now);
            }
            snapshot = current;
            return current;
        } finally {
            fetching.unlock();
        }
    }

    private Map<String, VerificationKey> fetch() throws IOException {
        fetches.incrementAndGet();
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try {
            connection.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
            connection.setReadTimeout(Math.toIntExact(readTimeout.toMillis()));
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestProperty("Accept", "application/json");
            if (connection.getResponseCode() != 200) {
                throw new IOException("status " + connection.getResponseCode());
            }
            try (InputStream in = connection.getInputStream()) {
                return parse(json.object(readAtMost(in, System.nanoTime() + readTimeout.toNanos())));
            }
        } finally {
            connection.disconnect();   // fetches are minutes apart: no connection is kept, and no keep-alive thread
        }
    }

    /**
     * The body, refused beyond {@code maxBytes} or when it is still arriving at {@code deadline}:
     * the read timeout alone bounds each read, and a server trickling a byte at a time would
     * otherwise hold the fetch, and every request waiting for it, much longer.
     */
    private byte[] readAtMost(InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        for (int n; (n = in.read(chunk)) >= 0; ) {
            body.write(chunk, 0, n);
            if (body.size() > maxBytes) {
                throw new IOException("key set larger than " + maxBytes + " bytes");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("key set still arriving after " + readTimeout.toMillis() + " ms");
            }
        }
        return body.toByteArray();
    }

    private Map<String, VerificationKey> parse(Map<String, Object> document) throws IOException {
        if (!(document.get("keys") instanceof List<?> entries)) {
            throw new IOException("no 'keys' array");
        }
        Map<String, VerificationKey> keys = new HashMap<>();
        Set<String> repeated = new HashSet<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> members)) {
                continue;
            }
            VerificationKey key = toKey(members);
            if (key != null && keys.putIfAbsent(key.keyId(), key) != null) {
                repeated.add(key.keyId());
            }
        }
        repeated.forEach(keys::remove);
        return Map.copyOf(keys);
    }

    @SuppressWarnings("unchecked")
    private static VerificationKey toKey(Map<?, ?> members) {
        Object kid = members.get("kid");
        Object kty = members.get("kty");
        if (!(kid instanceof String id) || !("RSA".equals(kty) || "EC".equals(kty))) {
            return null;
        }
        try {
            Jwk jwk = Jwk.fromValues((Map<String, Object>) members);
            PublicKey key = jwk.getPublicKey();
            Object ops = members.get("key_ops");
            List<String> operations = ops == null ? null
                    : ops instanceof List<?> list && list.stream().allMatch(String.class::isInstance) ? (List<String>) list
                    : List.of();   // a key_ops that is not a list of strings allows nothing
            return new VerificationKey(id, key, text(members.get("alg")), text(members.get("use")), operations,
                    "EC".equals(kty) ? String.valueOf(members.get("crv")) : null);
        } catch (Exception e) {   // jwks-rsa throws unchecked exceptions for some malformed keys
            return null;
        }
    }

    /** Declared values of the wrong type must restrict, not vanish: they become a value nothing matches. */
    private static String text(Object value) {
        return value == null ? null : value instanceof String s ? s : "\u0000invalid";
    }

    @Override
    public boolean symmetric() {
        return false;
    }

    /** How many fetches were started; for tests of the flood limits. */
    long fetchCount() {
        return fetches.get();
    }
}
