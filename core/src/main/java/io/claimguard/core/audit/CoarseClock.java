package io.claimguard.core.audit;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The time to the hundredth of a second, for paths that read it on every statement: the repeat
 * throttle every audited statement passes. A read of the system clock costs about 20 ns on its
 * own and is a call the JIT cannot see through; on a point select that was as much as the rest of
 * the audit put together.
 *
 * <p>While reads come in bursts, a daemon thread refreshes a cached reading every
 * {@value #TICK_MILLIS} ms and readers take that. When nothing has read it for a second, the
 * thread ends and readers read the system clock again, until two reads come within
 * {@value #TICK_MILLIS} ms of each other. So a quiet application never has the thread, and a busy
 * one pays one thread start per busy spell. The thread has no context class loader and inherits no
 * thread-local: it keeps nothing of a web application alive once it ends, a second after the
 * application's last statement.
 *
 * <p>A reading is behind the system clock by at most a tick, plus however long the operating
 * system keeps the thread from running. If the thread cannot be started, every read reads the
 * system clock.
 */
public final class CoarseClock implements InstantSource {
    /** The system clock, shared. */
    public static final CoarseClock SYSTEM = new CoarseClock(System::currentTimeMillis, CoarseClock::daemon);

    static final long TICK_MILLIS = 10;
    /** Ticks without a read after which the thread ends. */
    static final int IDLE_TICKS = 100;

    private final LongSupplier source;
    private final ThreadFactory threads;
    private volatile long cached;
    /** True while the thread keeps {@link #cached} current. */
    private volatile boolean ticking;
    /** Set by readers, cleared by the thread each tick: whether the cached reading is still wanted. */
    private volatile boolean read;
    /** Held from a start to the thread's end, so that only one thread runs; kept if a start failed. */
    private final AtomicBoolean started = new AtomicBoolean();
    /** The latest reading taken from the source by a reader; races between readers only blur a burst's edge. */
    private long lastDirect = Long.MIN_VALUE / 2;

    CoarseClock(LongSupplier source, ThreadFactory threads) {
        this.source = source;
        this.threads = threads;
    }

    @Override
    public long millis() {
        if (ticking) {
            if (!read) {
                read = true;
            }
            return cached;
        }
        long now = source.getAsLong();
        long previous = lastDirect;
        lastDirect = now;
        if (now - previous < TICK_MILLIS && started.compareAndSet(false, true)) {
            start(now);
        }
        return now;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    /** Whether reads are served from the cached reading now. */
    boolean ticking() {
        return ticking;
    }

    private void start(long now) {
        cached = now;
        read = true;
        ticking = true;
        try {
            threads.newThread(this::tick).start();
        } catch (RuntimeException | Error e) {
            ticking = false;   // no thread: read the source from now on (started stays set, so no retry)
        }
    }

    private void tick() {
        try {
            for (int idle = 0; idle < IDLE_TICKS; ) {
                cached = source.getAsLong();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
                if (Thread.interrupted()) {
                    return;   // asked to stop (a container undeploying, say): readers read the source
                }
                if (read) {
                    read = false;
                    idle = 0;
                } else {
                    idle++;
                }
            }
        } finally {
            ticking = false;
            started.set(false);
        }
    }

    static Thread daemon(Runnable ticks) {
        Thread thread = new Thread(null, ticks, "claimguard-clock", 0, false);
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
        return thread;
    }
}
