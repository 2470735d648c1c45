package io.claimguard.filter.revocation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Listens on the store's revocation channel, on a daemon thread, and runs {@code onRevocation}
 * for each message, so that every instance forgets its cached answers within a round trip of a
 * revocation made anywhere. A lost subscription is renewed at most every {@code retry}; while
 * there is none, messages can be missed, so {@link #listening()} is false and the cache must not
 * be trusted, and {@code onRevocation} runs again once the subscription is back.
 */
final class RevocationEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisRevocations.class);

    private final UnifiedJedis redis;
    private final String channel;
    private final long retryMillis;
    private final Runnable onRevocation;
    private final Thread thread;
    private volatile JedisPubSub subscription;
    private volatile boolean listening;
    private volatile boolean closed;

    RevocationEvents(UnifiedJedis redis, String channel, long retryMillis, Runnable onRevocation) {
        this.redis = redis;
        this.channel = channel;
        this.retryMillis = retryMillis;
        this.onRevocation = onRevocation;
        this.thread = new Thread(this::listen, "claimguard-revocation-events");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether a subscription is up, so that no revocation message can be missed. */
    boolean listening() {
        return listening;
    }

    private void listen() {
        while (!closed) {
            JedisPubSub current = new JedisPubSub() {
                @Override
                public void onSubscribe(String name, int count) {
                    if (closed) {
                        unsubscribe();
                        return;
                    }
                    onRevocation.run();   // anything published while there was no subscription
                    listening = true;
                }

                @Override
                public void onMessage(String name, String message) {
                    onRevocation.run();
                }
            };
            subscription = current;
            try {
                redis.subscribe(current, channel);   // returns when unsubscribed, throws when the connection fails
            } catch (JedisException e) {
                LOG.debug("revocation channel subscription lost ({})", e.getClass().getSimpleName());
            } finally {
                listening = false;
            }
            if (!closed) {
                try {
                    Thread.sleep(retryMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (int attempt = 0; attempt < 20 && thread.isAlive(); attempt++) {
            JedisPubSub current = subscription;
            if (current != null && current.isSubscribed()) {
                try {
                    current.unsubscribe();
                } catch (JedisException e) {
                    // the connection is gone: subscribe() is returning anyway
                }
            }
            thread.interrupt();
            try {
                thread.join(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
