package io.claimguard.filter.revocation;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The pooled connection to Redis, with a circuit: after a failure, calls fail at once, and one
 * call at most every {@code retry} tries Redis again, so that an outage does not cost every
 * request the connect timeout. Exactly one WARN line when Redis stops answering and one INFO
 * line when it answers again, whichever threads see the change; both name the host and port,
 * never the password, and the error by its class (a server's error text is not logged).
 */
final class RedisLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisRevocations.class);
    private static final long UP = Long.MIN_VALUE;

    private final RedisClient client;
    private final String where;
    private final String whileDown;
    private final long retryMillis;
    private final Clock clock;
    private final Runnable onRecovery;
    /** When Redis stopped answering (clock millis), or {@link #UP}. */
    private volatile long downSince = UP;
    /**
     * Counts state changes. Only a call that started in the current state may change it: a call
     * already on the wire when Redis went down can still succeed, and one that started before it
     * came back can still fail, and neither may flip the state (and the log) back.
     */
    private volatile long epoch;
    /** While down: the earliest time of the next try, claimed by one caller. */
    private final AtomicLong nextTry = new AtomicLong();
    /** What the last failed call got, for the refusals that follow without trying. */
    private volatile String lastFailure = "";

    /**
     * @param where      the store as logs show it, such as {@code redis://127.0.0.1:6379/0}
     * @param whileDown  what requests get during an outage, for the WARN line
     * @param onRecovery run when Redis answers again (what was cached meanwhile may be stale)
     */
    RedisLink(RedisClient client, String where, String whileDown, long retryMillis, Clock clock, Runnable onRecovery) {
        this.client = client;
        this.where = where;
        this.whileDown = whileDown;
        this.retryMillis = retryMillis;
        this.clock = clock;
        this.onRecovery = onRecovery;
    }

    /**
     * Runs {@code work} on the pool, or fails at once while the circuit is open.
     *
     * @throws RevocationUnavailableException when Redis did not answer, or was not tried
     */
    <T> T call(Function<UnifiedJedis, T> work) {
        long startedIn = epoch;
        if (downSince != UP && !claimTry()) {
            throw new RevocationUnavailableException("revocation store " + where + " is unreachable (" + lastFailure
                    + "; next try within " + retryMillis + " ms)");
        }
        T result;
        try {
            result = work.apply(client);
        } catch (JedisException e) {
            lastFailure = describe(e);
            failed(startedIn);
            throw new RevocationUnavailableException("revocation store " + where + " is unreachable (" + lastFailure + ")");
        }
        if (downSince != UP) {
            answered(startedIn);
        }
        return result;
    }

    /** How long Redis has not been answering, in milliseconds; 0 while it answers. */
    long downMillis() {
        long since = downSince;
        return since == UP ? 0 : Math.max(0, clock.millis() - since);
    }

    /** The client itself, for the subscription, which holds one connection for as long as it lasts and has its own retries. */
    UnifiedJedis client() {
        return client;
    }

    private boolean claimTry() {
        long now = clock.millis();
        long next = nextTry.get();
        return now >= next && nextTry.compareAndSet(next, now + retryMillis);
    }

    private void failed(long startedIn) {
        // Idle connections opened before the outage are dead too; without this, each try after
        // Redis returns would draw one of them and fail again.
        client.getPool().clear();
        synchronized (this) {
            long now = clock.millis();
            if (downSince != UP) {
                nextTry.set(now + retryMillis);
                return;
            }
            if (startedIn != epoch) {
                return;
            }
            downSince = now;
            nextTry.set(now + retryMillis);
            epoch++;
        }
        LOG.warn("revocation store {} is unreachable ({}); {}; trying again at most every {} ms", where, lastFailure,
                whileDown, retryMillis);
    }

    private void answered(long startedIn) {
        long since;
        synchronized (this) {
            since = downSince;
            if (since == UP || startedIn != epoch) {
                return;
            }
            downSince = UP;
            epoch++;
        }
        onRecovery.run();
        LOG.info("revocation store {} is reachable again after {} ms", where, Math.max(0, clock.millis() - since));
    }

    /**
     * The error's class and its root cause's class (Jedis attaches a failed connect as a
     * suppressed exception): what went wrong, such as {@code ConnectException} or
     * {@code SocketTimeoutException}, without any server text.
     */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root == e && e.getSuppressed().length > 0) {
            root = e.getSuppressed()[0];
        }
        return e.getClass().getSimpleName() + (root == e ? "" : ": " + root.getClass().getSimpleName());
    }

    @Override
    public void close() {
        client.close();
    }
}
