package io.claimguard.core.audit;

import io.claimguard.core.ConfigFile;
import io.claimguard.core.ConfigSection;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjLongConsumer;

/**
 * Keeps identical audit events from flooding the log: the first event of a kind is let through,
 * identical ones within the window after it are only counted, and the first one after the window
 * is let through carrying that count. What makes two events identical is the key's
 * {@code equals}: the emitters use the event's kind, statement fingerprint, subject and outcome.
 *
 * <p>Memory is bounded: at most {@code capacity} keys are tracked. When that many are, keys whose
 * window has passed are dropped (their uncounted repeats handed to the {@code unreported}
 * callback, so that no count is lost silently), at most once per window; if none can be dropped,
 * further new keys are let through every time rather than hidden.
 *
 * <p>{@link #admit} allocates nothing for a key already tracked, so a statement that repeats
 * costs one map lookup, or none for a {@link Key} admitted before, and one atomic increment.
 * Thread-safe.
 */
public final class RepeatThrottle {
    /** {@link #admit}'s answer for an event that must not be written. */
    public static final long SUPPRESSED = -1;

    private final long windowMillis;
    private final int capacity;
    private final InstantSource clock;
    private final ObjLongConsumer<Object> unreported;
    private final Map<Object, Window> windows = new ConcurrentHashMap<>();
    private volatile long lastSweep = Long.MIN_VALUE;

    /**
     * How long identical events are counted instead of written (zero writes every event), and how
     * many distinct events are tracked at most.
     */
    public record Settings(Duration window, int capacity) {
        /** 60 seconds and 10,000 events, also what a configuration without an {@code audit} section gets. */
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(60), 10_000);
        private static final Set<String> KEYS = Set.of("repeat_window_seconds", "max_tracked_events");

        public Settings {
            if (window == null || window.isNegative() || capacity < 1) {
                throw new IllegalArgumentException("the repeat window must not be negative and the capacity must be positive");
            }
        }

        /**
         * The {@code audit} section of the configuration file, with the defaults for what it does
         * not set:
         * <pre>
         * audit:
         *   repeat_window_seconds: 60     # 0 writes every event
         *   max_tracked_events: 10000
         * </pre>
         */
        public static Settings read(ConfigFile file) {
            ConfigSection audit = file.section("audit").orElse(null);
            if (audit == null) {
                return DEFAULT;
            }
            audit.rejectUnknownKeys(KEYS);
            return new Settings(Duration.ofSeconds(audit.integer("repeat_window_seconds", 0, 86_400, DEFAULT.window.toSeconds())),
                    (int) audit.integer("max_tracked_events", 1, 10_000_000, DEFAULT.capacity));
        }
    }

    /**
     * @param clock      the time source: {@link CoarseClock#SYSTEM}, or a fixed clock in tests
     * @param unreported receives a dropped key and the repeats counted for it since it was last let through
     */
    public RepeatThrottle(Settings settings, InstantSource clock, ObjLongConsumer<Object> unreported) {
        this.windowMillis = settings.window().toMillis();
        this.capacity = settings.capacity();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.unreported = Objects.requireNonNull(unreported, "unreported");
    }

    /**
     * Whether to write the event {@code key} describes now.
     *
     * @return {@link #SUPPRESSED} when an identical event was written less than the window ago (this
     *         one is counted); otherwise how many identical events were counted since the last one
     *         written (0 for the first), which the event written now should carry
     */
    public long admit(Object key) {
        if (windowMillis == 0) {
            return 0;
        }
        long now = clock.millis();
        Key remembering = key instanceof Key remembered ? remembered : null;
        Window window = remembering == null ? null : remembering.windowIn(this);
        if (window != null) {
            long repeats = window.admit(now, windowMillis);
            if (repeats != Window.DROPPED) {
                return repeats;
            }
            remembering.window = null;   // swept away since: look it up afresh
        }
        return admitLookedUp(key, remembering, now);
    }

    private long admitLookedUp(Object key, Key remembering, long now) {
        Window window = windows.get(key);
        if (window == null) {
            if (windows.size() >= capacity && !sweep(now)) {
                return 0;   // full of live keys: write rather than hide
            }
            Window opened = new Window(this, now);
            window = windows.putIfAbsent(key, opened);
            if (window == null) {
                remember(remembering, opened);
                return 0;
            }
        }
        long repeats = window.admit(now, windowMillis);
        if (repeats == Window.DROPPED) {
            windows.remove(key, window);
            return 0;
        }
        remember(remembering, window);
        return repeats;
    }

    private static void remember(Key key, Window window) {
        if (key != null) {
            key.window = window;
        }
    }

    /** Drops the keys whose window has passed; false when none could be (or it was done within the window). */
    private boolean sweep(long now) {
        if (lastSweep != Long.MIN_VALUE && now - lastSweep < windowMillis) {
            return false;
        }
        lastSweep = now;
        boolean dropped = false;
        for (Map.Entry<Object, Window> entry : windows.entrySet()) {
            long repeats = entry.getValue().dropIfOver(now, windowMillis);
            if (repeats != SUPPRESSED) {
                windows.remove(entry.getKey(), entry.getValue());
                dropped = true;
                if (repeats > 0) {
                    unreported.accept(entry.getKey(), repeats);
                }
            }
        }
        return dropped && windows.size() < capacity;
    }

    /** How many distinct events are tracked now. */
    public int tracked() {
        return windows.size();
    }

    /**
     * A key that remembers its window, so that admitting the same key object again (a statement
     * run again reuses its decision) skips the map lookup. Equality is still what makes two events
     * identical: subclasses define {@code equals} and {@code hashCode}.
     */
    public abstract static class Key {
        private volatile Window window;

        private Window windowIn(RepeatThrottle throttle) {
            Window known = window;
            return known != null && known.throttle == throttle ? known : null;
        }
    }

    /**
     * One key's current window: when it opened and how many events it has counted. A repeat
     * within the window costs one atomic increment; opening the next window, or dropping the key,
     * takes the lock. A dropped window's count is {@link #GONE}: the count handed over on dropping
     * is exact, and a repeat that arrives after it finds the window gone and starts afresh.
     */
    private static final class Window {
        static final long DROPPED = -2;
        private static final long GONE = Long.MIN_VALUE / 2;
        private final RepeatThrottle throttle;
        private volatile long opened;
        private final AtomicLong counted = new AtomicLong();

        Window(RepeatThrottle throttle, long opened) {
            this.throttle = throttle;
            this.opened = opened;
        }

        long admit(long now, long length) {
            if (now - opened < length) {
                return counted.getAndIncrement() < 0 ? DROPPED : SUPPRESSED;
            }
            synchronized (this) {
                long repeats = counted.get();
                if (repeats < 0) {
                    return DROPPED;   // swept away meanwhile: its count was reported, start afresh
                }
                if (now - opened < length) {   // another thread opened the next window meanwhile
                    counted.incrementAndGet();
                    return SUPPRESSED;
                }
                opened = now;
                return counted.getAndSet(0);   // repeats counted since the read above belong to it too
            }
        }

        /** The count to report if the window has passed (and the key is dropped); SUPPRESSED otherwise. */
        synchronized long dropIfOver(long now, long length) {
            if (now - opened < length) {
                return SUPPRESSED;
            }
            return counted.getAndSet(GONE);
        }
    }
}
