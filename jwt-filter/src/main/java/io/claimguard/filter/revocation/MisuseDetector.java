package io.claimguard.filter.revocation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Counts, per token and window, the client addresses a token comes from and the requests it
 * makes, in Redis so that every instance adds to the same counts; a token over a limit is
 * reported once per window across all instances (WARN, with {@code iss}, {@code sub},
 * {@code jti}, the reason and the counts; never the token) and, when so configured, revoked.
 *
 * <p>None of this is on the request path: {@link #observe} only queues (a bounded queue; when it
 * is full, observations are dropped and a WARN line says so once), and one daemon thread sends
 * what has queued up in one pipelined round trip.
 */
final class MisuseDetector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisRevocations.class);
    private static final int QUEUE_SIZE = 10_000;
    private static final int BATCH_SIZE = 256;
    private static final long TOO_MANY_ADDRESSES = 1;
    /**
     * KEYS: addresses seen, requests counted, reported flag. ARGV: the client address ('' when
     * unknown), the window in seconds, max addresses and max requests (0: not checked). Each
     * window starts with a token's first request in it. Returns {reason, addresses, requests},
     * reason 0 unless this call is the first in the window to cross a limit.
     */
    private static final Script COUNT = new Script("""
            local window = ARGV[2]
            if ARGV[1] ~= '' then redis.call('SADD', KEYS[1], ARGV[1]) end
            if redis.call('TTL', KEYS[1]) == -1 then redis.call('EXPIRE', KEYS[1], window) end
            local addresses = redis.call('SCARD', KEYS[1])
            local requests = redis.call('INCR', KEYS[2])
            if requests == 1 then redis.call('EXPIRE', KEYS[2], window) end
            local maxAddresses, maxRequests = tonumber(ARGV[3]), tonumber(ARGV[4])
            local reason = 0
            if maxAddresses > 0 and addresses > maxAddresses then reason = 1
            elseif maxRequests > 0 and requests > maxRequests then reason = 2 end
            if reason ~= 0 and not redis.call('SET', KEYS[3], '1', 'NX', 'EX', window) then reason = 0 end
            return {reason, addresses, requests}
            """);

    /** The configured limits; 0 leaves a limit unchecked. */
    record Limits(int maxAddresses, int maxRequests, Duration window, boolean revoke) {
    }

    private record Observation(TokenIdentity token, byte[] client) {
    }

    private final RedisLink link;
    private final RedisKeys keys;
    private final Limits limits;
    private final Revoker revoker;
    private final BlockingQueue<Observation> queue = new ArrayBlockingQueue<>(QUEUE_SIZE);
    private final AtomicBoolean dropping = new AtomicBoolean();
    private final Thread drainer;
    private volatile boolean closed;

    MisuseDetector(RedisLink link, RedisKeys keys, Limits limits, Revoker revoker) {
        this.link = link;
        this.keys = keys;
        this.limits = limits;
        this.revoker = revoker;
        this.drainer = new Thread(this::drain, "claimguard-misuse-detection");
        drainer.setDaemon(true);
        drainer.start();
    }

    /** Queues one accepted use of {@code token} from {@code client}; never blocks. */
    void observe(TokenIdentity token, byte[] client) {
        if (token.tokenId() != null && !queue.offer(new Observation(token, client)) && dropping.compareAndSet(false, true)) {
            LOG.warn("token misuse detection is falling behind: {} uses wait to be counted in Redis; newer uses are not "
                    + "counted until it catches up", QUEUE_SIZE);
        }
    }

    private void drain() {
        List<Observation> batch = new ArrayList<>(BATCH_SIZE);
        while (!closed) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, BATCH_SIZE - 1);
            try {
                List<Object> replies = link.call(redis -> count(redis, batch));
                for (int i = 0; i < batch.size(); i++) {
                    report(batch.get(i), (List<?>) replies.get(i));
                }
            } catch (RevocationUnavailableException e) {
                // The link has logged the outage; these uses stay uncounted.
            } catch (RuntimeException e) {
                LOG.error("token misuse detection failed on a batch of {} uses ({})", batch.size(), e.getClass().getName());
            }
            batch.clear();
            if (queue.isEmpty()) {
                dropping.set(false);
            }
        }
    }

    private List<Object> count(UnifiedJedis redis, List<Observation> batch) {
        for (int attempt = 0; ; attempt++) {
            try (AbstractPipeline pipeline = redis.pipelined()) {
                List<Response<Object>> responses = new ArrayList<>(batch.size());
                for (Observation use : batch) {
                    TokenIdentity token = use.token();
                    responses.add(COUNT.queue(pipeline,
                            List.of(keys.addresses(token.issuer(), token.tokenId()), keys.requests(token.issuer(), token.tokenId()),
                                    keys.reported(token.issuer(), token.tokenId())),
                            List.of(address(use.client()), String.valueOf(limits.window().toSeconds()),
                                    String.valueOf(limits.maxAddresses()), String.valueOf(limits.maxRequests()))));
                }
                pipeline.sync();
                List<Object> replies = new ArrayList<>(responses.size());
                for (Response<Object> response : responses) {
                    replies.add(response.get());
                }
                return replies;
            } catch (JedisDataException e) {
                if (attempt > 0 || !Script.isMissing(e)) {
                    throw e;
                }
                COUNT.load(redis);   // Redis restarted and forgot the script: nothing of this batch ran
            }
        }
    }

    private void report(Observation use, List<?> reply) {
        long reason = (Long) reply.get(0);
        if (reason == 0) {
            return;
        }
        TokenIdentity token = use.token();
        LOG.warn("token misuse: reason={} {} addresses={} requests={} window={}s limits: addresses={} requests={} "
                        + "last_client={} action={}", reason == TOO_MANY_ADDRESSES ? "too_many_addresses" : "too_many_requests",
                token, reply.get(1), reply.get(2), limits.window().toSeconds(), limit(limits.maxAddresses()),
                limit(limits.maxRequests()), describe(use.client()), limits.revoke() ? "revoke" : "log");
        if (limits.revoke()) {
            revoker.revokeToken(token.issuer(), token.tokenId(), token.expiresAt());
        }
    }

    private static String limit(int value) {
        return value == 0 ? "-" : String.valueOf(value);
    }

    private static String address(byte[] client) {
        return client == null ? "" : describe(client);
    }

    private static String describe(byte[] client) {
        if (client == null) {
            return "unknown";
        }
        try {
            return InetAddress.getByAddress(client).getHostAddress();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        closed = true;
        drainer.interrupt();
        try {
            drainer.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
