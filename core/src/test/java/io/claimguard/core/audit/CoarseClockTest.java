package io.claimguard.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoarseClockTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** The time the clock reads, moved by the test; and which threads read it. */
    private final AtomicLong time = new AtomicLong(1_700_000_000_000L);
    private final List<Thread> sourceReaders = new CopyOnWriteArrayList<>();
    private final LongSupplier source = () -> {
        sourceReaders.add(Thread.currentThread());
        return time.get();
    };
    private final List<Thread> started = new CopyOnWriteArrayList<>();
    private final ThreadFactory threads = ticks -> {
        Thread thread = new Thread(ticks, "test-clock");
        thread.setDaemon(true);
        started.add(thread);
        return thread;
    };

    @AfterEach
    void endTheThread() throws InterruptedException {
        for (Thread thread : started) {
            thread.join(PATIENCE.toMillis());
        }
    }

    @Test
    void readsFarApart_readTheSource_andStartNoThread() {
        CoarseClock clock = new CoarseClock(source, threads);

        assertEquals(time.get(), clock.millis());
        time.addAndGet(CoarseClock.TICK_MILLIS);
        assertEquals(time.get(), clock.millis());
        time.addAndGet(1_000);
        assertEquals(time.get(), clock.millis());

        assertEquals(List.of(), started);
        assertFalse(clock.ticking());
        assertEquals(List.of(Thread.currentThread(), Thread.currentThread(), Thread.currentThread()), sourceReaders);
    }

    @Test
    void aBurstOfReads_isServedFromTheThreadsReading_whichFollowsTheSource() {
        CoarseClock clock = new CoarseClock(source, threads);
        long start = time.get();

        assertEquals(start, clock.millis());
        assertEquals(start, clock.millis());   // within a tick of the first: the thread starts

        assertEquals(1, started.size());
        assertTrue(clock.ticking());
        time.addAndGet(60_000);
        long now = time.get();
        awaitTrue(() -> clock.millis() == now, "the cached reading never caught up with the source");
        sourceReaders.removeIf(reader -> reader == started.get(0));
        assertEquals(List.of(Thread.currentThread(), Thread.currentThread()), sourceReaders,
                "only the two reads before the thread started may read the source on the reader's thread");
        assertEquals(1, started.size(), "one thread for the whole burst");
    }

    @Test
    void theThreadEnds_whenNothingReadsTheClock_andTheNextBurstStartsAnother() throws InterruptedException {
        CoarseClock clock = new CoarseClock(source, threads);
        Thread first = burst(clock);

        first.join(PATIENCE.toMillis());

        assertFalse(first.isAlive(), "the thread kept running with no reader");
        assertFalse(clock.ticking());
        time.addAndGet(5_000);
        sourceReaders.clear();
        assertEquals(time.get(), clock.millis(), "after the thread ended, a read must read the source");
        assertEquals(List.of(Thread.currentThread()), sourceReaders);
        clock.millis();
        assertEquals(2, started.size(), "a new burst starts a new thread");
    }

    @Test
    void interruptingTheThread_endsIt_evenWhileReadsContinue() throws InterruptedException {
        CoarseClock clock = new CoarseClock(source, threads);
        Thread thread = burst(clock);

        thread.interrupt();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (thread.isAlive() && System.nanoTime() < deadline) {
            clock.millis();   // a reader that keeps the thread wanted
            thread.join(1);
        }

        assertFalse(thread.isAlive(), "an interrupted thread must end, not spin");
    }

    @Test
    void aThreadThatCannotStart_leavesEveryReadOnTheSource() {
        AtomicInteger attempts = new AtomicInteger();
        CoarseClock clock = new CoarseClock(source, ticks -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("no threads here");
        });

        for (int i = 0; i < 5; i++) {
            time.incrementAndGet();
            assertEquals(time.get(), clock.millis());
        }

        assertFalse(clock.ticking());
        assertEquals(1, attempts.get(), "a failed start is not retried on every read");
        assertEquals(5, sourceReaders.size());
    }

    @Test
    void theSystemClocksThread_holdsNoClassLoaderAndIsADaemon() throws InterruptedException {
        AtomicLong ticks = new AtomicLong();
        Thread[] made = new Thread[1];
        CoarseClock clock = new CoarseClock(ticks::incrementAndGet, runnable -> {
            Thread thread = CoarseClock.daemon(runnable);
            made[0] = thread;
            started.add(thread);
            return thread;
        });
        clock.millis();
        clock.millis();

        assertTrue(made[0].isDaemon());
        assertNull(made[0].getContextClassLoader());
        assertEquals("claimguard-clock", made[0].getName());
    }

    @Test
    void theSystemClock_readsTheSystemTime() {
        long before = System.currentTimeMillis();
        long read = CoarseClock.SYSTEM.millis();
        long after = System.currentTimeMillis();

        assertTrue(read >= before - CoarseClock.TICK_MILLIS - 1_000 && read <= after,
                before + " <= " + read + " <= " + after);
    }

    /** Two reads within a tick of each other, which start the thread; returns it. */
    private Thread burst(CoarseClock clock) {
        clock.millis();
        clock.millis();
        assertEquals(1, started.size(), "two reads within a tick start the thread");
        return started.get(0);
    }

    private static void awaitTrue(BooleanSupplier condition, String failure) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE.toMillis());
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            Thread.onSpinWait();
        }
    }
}
