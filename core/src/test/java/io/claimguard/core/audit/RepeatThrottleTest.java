package io.claimguard.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.core.ConfigException;
import io.claimguard.core.ConfigFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepeatThrottleTest {
    private final ManualClock clock = new ManualClock();
    private final List<String> unreported = new ArrayList<>();

    @TempDir
    Path dir;

    private RepeatThrottle throttle(int seconds, int capacity) {
        return new RepeatThrottle(new RepeatThrottle.Settings(Duration.ofSeconds(seconds), capacity), clock,
                (key, repeats) -> unreported.add(key + "=" + repeats));
    }

    @Test
    void firstEvent_isWritten_repeatsWithinWindow_areCounted_nextAfterWindow_carriesTheCount() {
        RepeatThrottle throttle = throttle(60, 100);
        assertEquals(0, throttle.admit("a"));
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(10));
            assertEquals(RepeatThrottle.SUPPRESSED, throttle.admit("a"));
        }
        clock.advance(Duration.ofSeconds(11));   // 61 s after the first
        assertEquals(5, throttle.admit("a"));
        assertEquals(RepeatThrottle.SUPPRESSED, throttle.admit("a"), "a new window opened with that event");
        clock.advance(Duration.ofSeconds(60));
        assertEquals(1, throttle.admit("a"));
    }

    @Test
    void differentKeys_areCountedApart() {
        RepeatThrottle throttle = throttle(60, 100);
        assertEquals(0, throttle.admit(List.of("jdbc", "f1", "alice", "mask")));
        assertEquals(0, throttle.admit(List.of("jdbc", "f1", "bob", "mask")));
        assertEquals(0, throttle.admit(List.of("jdbc", "f1", "alice", "deny")));
        assertEquals(RepeatThrottle.SUPPRESSED, throttle.admit(List.of("jdbc", "f1", "alice", "mask")));
        assertEquals(3, throttle.tracked());
    }

    @Test
    void zeroWindow_writesEveryEvent_andTracksNothing() {
        RepeatThrottle throttle = throttle(0, 100);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, throttle.admit("a"));
        }
        assertEquals(0, throttle.tracked());
    }

    @Test
    void full_dropsKeysWhoseWindowPassed_andHandsOverTheirCounts() {
        RepeatThrottle throttle = throttle(60, 2);
        throttle.admit("a");
        throttle.admit("a");
        throttle.admit("a");
        throttle.admit("b");
        clock.advance(Duration.ofSeconds(61));
        assertEquals(0, throttle.admit("c"));
        assertEquals(List.of("a=2"), unreported, "b had nothing counted");
        assertEquals(1, throttle.tracked());
        assertEquals(RepeatThrottle.SUPPRESSED, throttle.admit("c"));
    }

    @Test
    void aRememberingKey_sharesItsWindowWithEqualKeys() {
        RepeatThrottle throttle = throttle(60, 100);
        Named reused = new Named("a");
        assertEquals(0, throttle.admit(reused));
        assertEquals(RepeatThrottle.SUPPRESSED, throttle.admit(reused));
        assertEquals(RepeatThrottle.SUPPRESSED, throttle.admit(new Named("a")), "an equal key is the same event");
        assertEquals(RepeatThrottle.SUPPRESSED, throttle.admit(reused));
        clock.advance(Duration.ofSeconds(61));
        assertEquals(3, throttle.admit(new Named("a")));
        assertEquals(RepeatThrottle.SUPPRESSED, throttle.admit(reused), "the remembered window is the one just opened");
        assertEquals(1, throttle.tracked());
    }

    @Test
    void aRememberingKey_whoseWindowWasSweptAway_isWrittenOnceAndTrackedAfresh() {
        RepeatThrottle throttle = throttle(60, 1);
        Named reused = new Named("a");
        throttle.admit(reused);
        throttle.admit(reused);
        clock.advance(Duration.ofSeconds(61));
        assertEquals(0, throttle.admit(new Named("b")), "sweeps a away");
        assertEquals(List.of("a=1"), unreported);

        clock.advance(Duration.ofSeconds(61));
        assertEquals(0, throttle.admit(reused), "written: its old window is gone and b's has passed");
        assertEquals(RepeatThrottle.SUPPRESSED, throttle.admit(reused), "and tracked again from there");
        assertEquals(List.of("a=1"), unreported, "b had nothing counted");
    }

    @Test
    void aRememberingKey_admittedToAnotherThrottle_isCountedThereApart() {
        RepeatThrottle first = throttle(60, 100);
        RepeatThrottle second = throttle(60, 100);
        Named reused = new Named("a");
        assertEquals(0, first.admit(reused));
        assertEquals(0, second.admit(reused), "a window of the first throttle says nothing about the second");
        assertEquals(RepeatThrottle.SUPPRESSED, first.admit(reused));
        assertEquals(RepeatThrottle.SUPPRESSED, second.admit(reused));
    }

    @Test
    void fullOfLiveKeys_writesNewKeysEveryTime_insteadOfHidingThem() {
        RepeatThrottle throttle = throttle(60, 2);
        throttle.admit("a");
        throttle.admit("b");
        for (int i = 0; i < 3; i++) {
            assertEquals(0, throttle.admit("c"), "never suppressed, never tracked");
        }
        assertEquals(2, throttle.tracked());
    }

    @Test
    void memory_staysBounded_underManyDistinctKeys() {
        RepeatThrottle throttle = throttle(1, 50);
        for (int i = 0; i < 10_000; i++) {
            throttle.admit("k" + i);
            if (i % 100 == 0) {
                clock.advance(Duration.ofSeconds(2));
            }
            assertTrue(throttle.tracked() <= 50);
        }
    }

    @Test
    void concurrentRepeats_areEachCountedOnce() throws Exception {
        RepeatThrottle throttle = throttle(60, 100);
        int threads = 4;
        int each = 10_000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> written = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                written.add(pool.submit(() -> {
                    start.await();
                    long n = 0;
                    for (int i = 0; i < each; i++) {
                        n += throttle.admit("same") == RepeatThrottle.SUPPRESSED ? 0 : 1;
                    }
                    return n;
                }));
            }
            start.countDown();
            long total = 0;
            for (Future<Long> f : written) {
                total += f.get(30, TimeUnit.SECONDS);
            }
            assertEquals(1, total, "one written, the rest counted");
            clock.advance(Duration.ofSeconds(60));
            assertEquals(threads * each - 1, throttle.admit("same"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void settings_readTheAuditSection_withDefaults() throws IOException {
        assertEquals(RepeatThrottle.Settings.DEFAULT, RepeatThrottle.Settings.read(file("jdbc: {columns: []}\n")));
        assertEquals(new RepeatThrottle.Settings(Duration.ZERO, 500),
                RepeatThrottle.Settings.read(file("audit: {repeat_window_seconds: 0, max_tracked_events: 500}\n")));
        assertEquals(new RepeatThrottle.Settings(Duration.ofSeconds(5), 10_000),
                RepeatThrottle.Settings.read(file("audit: {repeat_window_seconds: 5}\n")));
    }

    @Test
    void settings_refuseUnknownKeysAndBadValues() throws IOException {
        ConfigException typo = assertThrows(ConfigException.class,
                () -> RepeatThrottle.Settings.read(file("audit: {repeat_window: 5}\n")));
        assertTrue(typo.getMessage().contains("repeat_window"), typo.getMessage());
        ConfigException negative = assertThrows(ConfigException.class,
                () -> RepeatThrottle.Settings.read(file("audit: {max_tracked_events: 0}\n")));
        assertTrue(negative.getMessage().contains("audit.max_tracked_events"), negative.getMessage());
    }

    private ConfigFile file(String yaml) throws IOException {
        return ConfigFile.load(Files.writeString(dir.resolve("cg.yaml"), yaml, StandardCharsets.UTF_8).toString());
    }

    /** A key that remembers its window, equal by name. */
    private static final class Named extends RepeatThrottle.Key {
        private final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Named other && name.equals(other.name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Time that moves only when told to. */
    private static final class ManualClock extends Clock {
        private final AtomicLong millis = new AtomicLong(1_700_000_000_000L);

        void advance(Duration by) {
            millis.addAndGet(by.toMillis());
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
