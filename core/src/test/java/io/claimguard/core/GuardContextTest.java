package io.claimguard.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GuardContextTest {
    private static final long TIMEOUT_SECONDS = 10;

    private static final Subject ALICE = Subject.fromClaims(Map.of("sub", "alice", "scope", "pii.read"));
    private static final Subject BOB = Subject.fromClaims(Map.of("sub", "bob", "roles", List.of("compliance")));
    /** What a pool thread has left behind from an earlier, badly behaved task. */
    private static final Subject POOL_OWN = Subject.fromClaims(Map.of("sub", "pool-leftover"));

    private static final Callable<Optional<Subject>> CURRENT = GuardContext::current;

    /** One thread, so that "the pool thread" is always the same thread. */
    private ExecutorService pool;
    private Thread poolThread;

    @BeforeEach
    void startPool() throws Exception {
        assertEquals(Optional.empty(), GuardContext.current(), "an earlier test leaked a subject");
        pool = Executors.newSingleThreadExecutor();
        poolThread = pool.submit(Thread::currentThread).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopPool() throws Exception {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertEquals(Optional.empty(), GuardContext.current(), "the test left a subject on the test thread");
    }

    private <T> T onPool(Callable<T> task) throws Exception {
        return pool.submit(task).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Leaves {@code subject} current on the pool thread; close the returned scope with {@link #closeOnPool}. */
    private GuardContext.Scope leaveOnPool(Subject subject) throws Exception {
        return onPool(() -> GuardContext.open(subject));
    }

    private void closeOnPool(GuardContext.Scope scope) throws Exception {
        onPool(() -> {
            scope.close();
            return null;
        });
        assertEquals(Optional.empty(), onPool(CURRENT));
    }

    // ---- open / close ----

    @Test
    void current_emptyWhenNoScopeOpen() {
        assertEquals(Optional.empty(), GuardContext.current());
    }

    @Test
    void open_makesSubjectCurrent() {
        try (GuardContext.Scope scope = GuardContext.open(ALICE)) {
            assertSame(ALICE, GuardContext.current().orElseThrow());
        }
    }

    @Test
    void open_restoresNoSubjectOnClose() {
        GuardContext.Scope scope = GuardContext.open(ALICE);
        scope.close();
        assertEquals(Optional.empty(), GuardContext.current());
    }

    @Test
    void open_restoresPreviousSubjectOnClose() {
        try (GuardContext.Scope outer = GuardContext.open(ALICE)) {
            try (GuardContext.Scope inner = GuardContext.open(BOB)) {
                assertSame(BOB, GuardContext.current().orElseThrow());
            }
            assertSame(ALICE, GuardContext.current().orElseThrow());
        }
        assertEquals(Optional.empty(), GuardContext.current());
    }

    @Test
    void open_deepNestingUnwindsInOrder() {
        Subject carol = Subject.fromClaims(Map.of("sub", "carol"));
        try (GuardContext.Scope a = GuardContext.open(ALICE)) {
            try (GuardContext.Scope b = GuardContext.open(BOB)) {
                try (GuardContext.Scope c = GuardContext.open(carol)) {
                    assertSame(carol, GuardContext.current().orElseThrow());
                }
                assertSame(BOB, GuardContext.current().orElseThrow());
            }
            assertSame(ALICE, GuardContext.current().orElseThrow());
        }
        assertEquals(Optional.empty(), GuardContext.current());
    }

    @Test
    void open_sameSubjectTwice_innerCloseKeepsIt() {
        try (GuardContext.Scope outer = GuardContext.open(ALICE)) {
            try (GuardContext.Scope inner = GuardContext.open(ALICE)) {
                assertSame(ALICE, GuardContext.current().orElseThrow());
            }
            assertSame(ALICE, GuardContext.current().orElseThrow());
        }
        assertEquals(Optional.empty(), GuardContext.current());
    }

    @Test
    void open_restoresEvenWhenBodyThrows() {
        assertThrows(IllegalStateException.class, () -> {
            try (GuardContext.Scope scope = GuardContext.open(ALICE)) {
                throw new IllegalStateException("boom");
            }
        });
        assertEquals(Optional.empty(), GuardContext.current());
    }

    @Test
    void open_nullSubject_rejected() {
        assertThrows(NullPointerException.class, () -> GuardContext.open(null));
        assertEquals(Optional.empty(), GuardContext.current());
    }

    @Test
    void close_twiceIsHarmless() {
        GuardContext.Scope outer = GuardContext.open(ALICE);
        GuardContext.Scope inner = GuardContext.open(BOB);
        inner.close();
        assertSame(ALICE, GuardContext.current().orElseThrow());
        inner.close();
        assertSame(ALICE, GuardContext.current().orElseThrow(), "a second close must not restore again");
        outer.close();
        outer.close();
        assertEquals(Optional.empty(), GuardContext.current());
    }

    @Test
    void close_twiceDoesNotDisturbALaterScope() {
        GuardContext.Scope first = GuardContext.open(ALICE);
        first.close();
        try (GuardContext.Scope second = GuardContext.open(BOB)) {
            first.close();
            assertSame(BOB, GuardContext.current().orElseThrow());
        }
        assertEquals(Optional.empty(), GuardContext.current());
    }

    @Test
    void close_outerWithInnerLeftOpen_restoresNoSubject() {
        // A request's code opened a scope and never closed it: the filter's close still cleans up.
        GuardContext.Scope request = GuardContext.open(ALICE);
        GuardContext.open(BOB);
        request.close();
        assertEquals(Optional.empty(), GuardContext.current());
    }

    @Test
    void close_onAnotherThread_throwsAndChangesNothing() throws Exception {
        GuardContext.Scope scope = GuardContext.open(ALICE);
        try {
            GuardContext.Scope other = leaveOnPool(BOB);
            ExecutionException e = assertThrows(ExecutionException.class, () -> onPool(() -> {
                scope.close();
                return null;
            }));
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertSame(ALICE, GuardContext.current().orElseThrow(), "the opener's subject must stay");
            assertSame(BOB, onPool(CURRENT).orElseThrow(), "the closing thread's subject must stay");
            closeOnPool(other);
        } finally {
            scope.close();
        }
        assertEquals(Optional.empty(), GuardContext.current());
    }

    @Test
    void close_onAnotherThreadAfterClosing_stillThrows() throws Exception {
        GuardContext.Scope scope = GuardContext.open(ALICE);
        scope.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> onPool(() -> {
            scope.close();
            return null;
        }));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals(Optional.empty(), onPool(CURRENT));
    }

    @Test
    void scope_toStringNamesNoClaimValue() {
        try (GuardContext.Scope scope = GuardContext.open(ALICE)) {
            assertFalse(scope.toString().contains("alice"), scope.toString());
            assertFalse(scope.toString().contains("pii.read"), scope.toString());
        }
    }

    // ---- threads ----

    @Test
    void current_isPerThread() throws Exception {
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        AtomicReference<Optional<Subject>> seenOnOther = new AtomicReference<>();
        CompletableFuture<Optional<Subject>> otherAfter = new CompletableFuture<>();
        Thread other = new Thread(() -> {
            try (GuardContext.Scope scope = GuardContext.open(BOB)) {
                opened.countDown();
                checked.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                seenOnOther.set(GuardContext.current());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            otherAfter.complete(GuardContext.current());
        });
        try (GuardContext.Scope scope = GuardContext.open(ALICE)) {
            other.start();
            assertTrue(opened.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            assertSame(ALICE, GuardContext.current().orElseThrow(), "another thread's open must not show here");
            checked.countDown();
            assertEquals(Optional.empty(), otherAfter.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            assertSame(BOB, seenOnOther.get().orElseThrow());
            assertSame(ALICE, GuardContext.current().orElseThrow());
        }
        other.join();
    }

    @Test
    void current_notInheritedByNewThreads() throws Exception {
        CompletableFuture<Optional<Subject>> seen = new CompletableFuture<>();
        try (GuardContext.Scope scope = GuardContext.open(ALICE)) {
            Thread child = new Thread(() -> seen.complete(GuardContext.current()));
            child.start();
            child.join();
        }
        assertEquals(Optional.empty(), seen.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    // ---- wrap(Runnable) ----

    @Test
    void wrapRunnable_carriesSubjectCapturedAtWrapTime() throws Exception {
        AtomicReference<Optional<Subject>> seen = new AtomicReference<>();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Runnable wrapped;
        try (GuardContext.Scope scope = GuardContext.open(ALICE)) {
            wrapped = GuardContext.wrap((Runnable) () -> {
                seen.set(GuardContext.current());
                ranOn.set(Thread.currentThread());
            });
        }
        try (GuardContext.Scope scope = GuardContext.open(BOB)) {   // current at submit time is not what counts
            pool.submit(wrapped).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        assertSame(ALICE, seen.get().orElseThrow());
        assertSame(poolThread, ranOn.get());
        assertEquals(Optional.empty(), onPool(CURRENT), "the pool thread must be back to no subject");
    }

    @Test
    void wrapRunnable_doesNotLeakPoolThreadsOwnSubject() throws Exception {
        GuardContext.Scope leftover = leaveOnPool(POOL_OWN);
        AtomicReference<Optional<Subject>> seen = new AtomicReference<>();
        Runnable wrapped;
        try (GuardContext.Scope scope = GuardContext.open(ALICE)) {
            wrapped = GuardContext.wrap((Runnable) () -> seen.set(GuardContext.current()));
        }
        pool.submit(wrapped).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertSame(ALICE, seen.get().orElseThrow());
        assertSame(POOL_OWN, onPool(CURRENT).orElseThrow(), "after the task the pool thread has its own state back");
        closeOnPool(leftover);
    }

    @Test
    void wrapRunnable_capturedWithNoSubject_runsWithNoneEvenIfPoolThreadHasOne() throws Exception {
        GuardContext.Scope leftover = leaveOnPool(POOL_OWN);
        AtomicReference<Optional<Subject>> seen = new AtomicReference<>();
        Runnable wrapped = GuardContext.wrap((Runnable) () -> seen.set(GuardContext.current()));
        pool.submit(wrapped).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals(Optional.empty(), seen.get());
        assertSame(POOL_OWN, onPool(CURRENT).orElseThrow());
        closeOnPool(leftover);
    }

    @Test
    void wrapRunnable_restoresPoolThreadWhenTaskThrows() throws Exception {
        GuardContext.Scope leftover = leaveOnPool(POOL_OWN);
        Runnable wrapped;
        try (GuardContext.Scope scope = GuardContext.open(ALICE)) {
            wrapped = GuardContext.wrap((Runnable) () -> {
                throw new IllegalStateException("task failed");
            });
        }
        Future<?> result = pool.submit(wrapped);
        ExecutionException e = assertThrows(ExecutionException.class, () -> result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertEquals("task failed", e.getCause().getMessage());
        assertSame(POOL_OWN, onPool(CURRENT).orElseThrow());
        closeOnPool(leftover);
    }

    @Test
    void wrapRunnable_taskThatOpensAndLeaksAScope_isCleanedUp() throws Exception {
        Runnable wrapped;
        try (GuardContext.Scope scope = GuardContext.open(ALICE)) {
            wrapped = GuardContext.wrap((Runnable) () -> GuardContext.open(BOB));
        }
        pool.submit(wrapped).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals(Optional.empty(), onPool(CURRENT));
    }

    @Test
    void wrapRunnable_reusable_eachRunSeesCapturedSubject() throws Exception {
        CompletableFuture<Optional<Subject>> first = new CompletableFuture<>();
        CompletableFuture<Optional<Subject>> second = new CompletableFuture<>();
        AtomicReference<CompletableFuture<Optional<Subject>>> target = new AtomicReference<>(first);
        Runnable wrapped;
        try (GuardContext.Scope scope = GuardContext.open(ALICE)) {
            wrapped = GuardContext.wrap((Runnable) () -> target.get().complete(GuardContext.current()));
        }
        pool.submit(wrapped).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        target.set(second);
        GuardContext.Scope leftover = leaveOnPool(POOL_OWN);
        pool.submit(wrapped).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertSame(ALICE, first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).orElseThrow());
        assertSame(ALICE, second.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).orElseThrow());
        assertSame(POOL_OWN, onPool(CURRENT).orElseThrow());
        closeOnPool(leftover);
    }

    @Test
    void wrapRunnable_runOnSameThread_restoresCallersSubject() {
        AtomicReference<Optional<Subject>> seen = new AtomicReference<>();
        Runnable wrapped;
        try (GuardContext.Scope scope = GuardContext.open(ALICE)) {
            wrapped = GuardContext.wrap((Runnable) () -> seen.set(GuardContext.current()));
        }
        try (GuardContext.Scope scope = GuardContext.open(BOB)) {
            wrapped.run();
            assertSame(ALICE, seen.get().orElseThrow());
            assertSame(BOB, GuardContext.current().orElseThrow());
        }
        wrapped.run();
        assertEquals(Optional.empty(), GuardContext.current());
    }

    @Test
    void wrapRunnable_null_rejected() {
        assertThrows(NullPointerException.class, () -> GuardContext.wrap((Runnable) null));
    }

    // ---- wrap(Callable) ----

    @Test
    void wrapCallable_carriesSubjectCapturedAtWrapTimeAndReturnsValue() throws Exception {
        Callable<String> wrapped;
        try (GuardContext.Scope scope = GuardContext.open(ALICE)) {
            wrapped = GuardContext.wrap((Callable<String>) () ->
                    GuardContext.current().map(Subject::id).orElse("none") + "@" + Thread.currentThread().getName());
        }
        String result;
        try (GuardContext.Scope scope = GuardContext.open(BOB)) {
            result = onPool(wrapped);
        }
        assertEquals("alice@" + poolThread.getName(), result);
        assertEquals(Optional.empty(), onPool(CURRENT));
    }

    @Test
    void wrapCallable_doesNotLeakPoolThreadsOwnSubject() throws Exception {
        GuardContext.Scope leftover = leaveOnPool(POOL_OWN);
        Callable<Optional<Subject>> wrapped;
        try (GuardContext.Scope scope = GuardContext.open(BOB)) {
            wrapped = GuardContext.wrap(CURRENT);
        }
        assertSame(BOB, onPool(wrapped).orElseThrow());
        assertSame(POOL_OWN, onPool(CURRENT).orElseThrow());
        closeOnPool(leftover);
    }

    @Test
    void wrapCallable_capturedWithNoSubject_runsWithNoneEvenIfPoolThreadHasOne() throws Exception {
        GuardContext.Scope leftover = leaveOnPool(POOL_OWN);
        Callable<Optional<Subject>> wrapped = GuardContext.wrap(CURRENT);
        assertEquals(Optional.empty(), onPool(wrapped));
        assertSame(POOL_OWN, onPool(CURRENT).orElseThrow());
        closeOnPool(leftover);
    }

    @Test
    void wrapCallable_propagatesCheckedExceptionAndRestores() throws Exception {
        GuardContext.Scope leftover = leaveOnPool(POOL_OWN);
        Exception failure = new Exception("checked");
        Callable<String> wrapped;
        try (GuardContext.Scope scope = GuardContext.open(ALICE)) {
            wrapped = GuardContext.wrap((Callable<String>) () -> {
                throw failure;
            });
        }
        Callable<String> task = wrapped;
        ExecutionException e = assertThrows(ExecutionException.class, () -> onPool(task));
        assertSame(failure, e.getCause());
        assertSame(POOL_OWN, onPool(CURRENT).orElseThrow());
        closeOnPool(leftover);
    }

    @Test
    void wrapCallable_null_rejected() {
        assertThrows(NullPointerException.class, () -> GuardContext.wrap((Callable<?>) null));
    }

    // ---- wrap(Executor) ----

    @Test
    void wrapExecutor_carriesSubjectCurrentAtExecuteTime() throws Exception {
        Executor executor = GuardContext.wrap((Executor) pool);   // wrapped while no subject is current
        CompletableFuture<Optional<Subject>> underAlice = new CompletableFuture<>();
        CompletableFuture<Optional<Subject>> underBob = new CompletableFuture<>();
        CompletableFuture<Thread> ranOn = new CompletableFuture<>();
        try (GuardContext.Scope scope = GuardContext.open(ALICE)) {
            executor.execute(() -> {
                ranOn.complete(Thread.currentThread());
                underAlice.complete(GuardContext.current());
            });
        }
        try (GuardContext.Scope scope = GuardContext.open(BOB)) {
            executor.execute(() -> underBob.complete(GuardContext.current()));
        }
        assertSame(ALICE, underAlice.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).orElseThrow());
        assertSame(BOB, underBob.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).orElseThrow());
        assertSame(poolThread, ranOn.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertNotSame(Thread.currentThread(), poolThread);
        assertEquals(Optional.empty(), onPool(CURRENT));
    }

    @Test
    void wrapExecutor_doesNotLeakPoolThreadsOwnSubject() throws Exception {
        GuardContext.Scope leftover = leaveOnPool(POOL_OWN);
        Executor executor;
        try (GuardContext.Scope scope = GuardContext.open(BOB)) {   // the subject at wrap time does not count
            executor = GuardContext.wrap((Executor) pool);
        }
        CompletableFuture<Optional<Subject>> seen = new CompletableFuture<>();
        try (GuardContext.Scope scope = GuardContext.open(ALICE)) {
            executor.execute(() -> seen.complete(GuardContext.current()));
        }
        assertSame(ALICE, seen.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).orElseThrow());
        assertSame(POOL_OWN, onPool(CURRENT).orElseThrow());
        closeOnPool(leftover);
    }

    @Test
    void wrapExecutor_submittedWithNoSubject_runsWithNoneEvenIfPoolThreadHasOne() throws Exception {
        GuardContext.Scope leftover = leaveOnPool(POOL_OWN);
        Executor executor;
        try (GuardContext.Scope scope = GuardContext.open(ALICE)) {
            executor = GuardContext.wrap((Executor) pool);
        }
        CompletableFuture<Optional<Subject>> seen = new CompletableFuture<>();
        executor.execute(() -> seen.complete(GuardContext.current()));
        assertEquals(Optional.empty(), seen.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertSame(POOL_OWN, onPool(CURRENT).orElseThrow());
        closeOnPool(leftover);
    }

    @Test
    void wrapExecutor_worksWithCompletableFuture() throws Exception {
        Executor executor = GuardContext.wrap((Executor) pool);
        CompletableFuture<String> id;
        try (GuardContext.Scope scope = GuardContext.open(ALICE)) {
            id = CompletableFuture.supplyAsync(() -> GuardContext.current().map(Subject::id).orElse("none"), executor);
        }
        assertEquals("alice", id.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertEquals(Optional.empty(), onPool(CURRENT));
    }

    @Test
    void wrapExecutor_null_rejected() {
        assertThrows(NullPointerException.class, () -> GuardContext.wrap((Executor) null));
        Executor executor = GuardContext.wrap((Executor) Runnable::run);
        assertThrows(NullPointerException.class, () -> executor.execute(null));
    }

    @Test
    void wrap_manyThreadsEachSeeTheirOwnSubject() throws Exception {
        int threads = 4;
        int tasksPerThread = 200;
        ExecutorService workers = Executors.newFixedThreadPool(3);
        try {
            Executor executor = GuardContext.wrap((Executor) workers);
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Void>> submitters = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Subject mine = Subject.fromClaims(Map.of("sub", "user-" + t));
                CompletableFuture<Void> done = new CompletableFuture<>();
                submitters.add(done);
                new Thread(() -> {
                    try (GuardContext.Scope scope = GuardContext.open(mine)) {
                        start.await();
                        List<CompletableFuture<Optional<Subject>>> seen = new java.util.ArrayList<>();
                        for (int i = 0; i < tasksPerThread; i++) {
                            CompletableFuture<Optional<Subject>> f = new CompletableFuture<>();
                            seen.add(f);
                            executor.execute(() -> f.complete(GuardContext.current()));
                        }
                        for (CompletableFuture<Optional<Subject>> f : seen) {
                            if (f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).orElse(null) != mine) {
                                throw new AssertionError("a task saw another thread's subject");
                            }
                        }
                        done.complete(null);
                    } catch (Throwable e) {
                        done.completeExceptionally(e);
                    }
                }).start();
            }
            start.countDown();
            CompletableFuture.allOf(submitters.toArray(new CompletableFuture<?>[0])).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<Future<Optional<Subject>>> after = workers.invokeAll(java.util.Collections.nCopies(9, CURRENT));
            for (Future<Optional<Subject>> f : after) {
                assertEquals(Optional.empty(), f.get());
            }
        } finally {
            workers.shutdownNow();
            assertTrue(workers.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
    }

    // ---- requests and work outside them ----

    @Test
    void nothingOpen_isNeitherARequestNorWorkOutsideRequests() {
        assertFalse(GuardContext.inRequest());
        assertFalse(GuardContext.isOutsideRequests());
    }

    @Test
    void aRequestWithoutASubject_isARequest_withNoSubject() {
        try (GuardContext.Scope request = GuardContext.openRequest(null)) {
            assertTrue(GuardContext.inRequest());
            assertEquals(Optional.empty(), GuardContext.current());
            assertFalse(GuardContext.isOutsideRequests());
            try (GuardContext.Scope nested = GuardContext.open(ALICE)) {
                assertTrue(GuardContext.inRequest(), "a subject opened inside a request is still inside it");
            }
        }
        assertFalse(GuardContext.inRequest());
    }

    @Test
    void openOutsideRequests_marksTheThread_andIsRefusedInsideARequest() {
        try (GuardContext.Scope job = GuardContext.openOutsideRequests()) {
            assertTrue(GuardContext.isOutsideRequests());
            assertEquals(Optional.empty(), GuardContext.current());
            try (GuardContext.Scope request = GuardContext.openRequest(ALICE)) {
                assertFalse(GuardContext.isOutsideRequests(), "a request shadows it");
                IllegalStateException refused = assertThrows(IllegalStateException.class, GuardContext::openOutsideRequests);
                assertTrue(refused.getMessage().contains("request"));
            }
            assertTrue(GuardContext.isOutsideRequests());
        }
        assertFalse(GuardContext.isOutsideRequests());
    }

    @Test
    void threadsStartedInARequest_areInIt_forever() throws Exception {
        AtomicReference<Boolean> inRequest = new AtomicReference<>();
        AtomicReference<Throwable> opened = new AtomicReference<>();
        ExecutorService startedInRequest;
        try (GuardContext.Scope request = GuardContext.openRequest(null)) {
            startedInRequest = Executors.newSingleThreadExecutor();
            Thread thread = new Thread(() -> {
                inRequest.set(GuardContext.inRequest());
                opened.set(assertThrows(IllegalStateException.class, GuardContext::openOutsideRequests));
            });
            thread.start();
            thread.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            startedInRequest.submit(() -> { }).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);   // its thread starts here
        }
        assertTrue(inRequest.get());
        assertInstanceOf(IllegalStateException.class, opened.get());
        try {
            assertTrue(startedInRequest.submit(GuardContext::inRequest).get(TIMEOUT_SECONDS, TimeUnit.SECONDS),
                    "a pool a request started serves later tasks on threads marked as the request's");
        } finally {
            startedInRequest.shutdownNow();
        }
        assertFalse(GuardContext.inRequest(), "the request thread itself is out of the request once it closes");
    }

    @Test
    void theStartUpMark_coversItsThreadOnly_untilClosed() throws Exception {
        GuardContext.StartUp mark = GuardContext.beginStartUp();
        try {
            assertTrue(GuardContext.isOutsideRequests());
            assertFalse(onPool(GuardContext::isOutsideRequests), "another thread");
            AtomicReference<Boolean> child = new AtomicReference<>();
            Thread started = new Thread(() -> child.set(GuardContext.isOutsideRequests()));
            started.start();
            started.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            assertFalse(child.get(), "a thread it starts");
            try (GuardContext.Scope request = GuardContext.openRequest(null)) {
                assertFalse(GuardContext.isOutsideRequests(), "a request served on it");
            }
            try (GuardContext.Scope subject = GuardContext.open(ALICE)) {
                assertFalse(GuardContext.isOutsideRequests(), "a subject opened on it");
            }
            assertTrue(onPool(GuardContext.wrap(GuardContext::isOutsideRequests)), "work it hands over on purpose");
        } finally {
            onPool(() -> {
                mark.close();   // the application stops on another thread
                return null;
            });
        }
        assertFalse(GuardContext.isOutsideRequests());
    }

    @Test
    void wrap_carriesARequestWithoutASubject() throws Exception {
        try (GuardContext.Scope request = GuardContext.openRequest(null)) {
            assertTrue(onPool(GuardContext.wrap(GuardContext::inRequest)));
        }
        assertFalse(onPool(GuardContext::inRequest), "and leaves nothing behind on the pool thread");
    }

    @Test
    void scopes_sayWhatTheyOpened_withoutClaimValues() {
        try (GuardContext.Scope request = GuardContext.openRequest(null);
             GuardContext.Scope job = GuardContext.open(ALICE)) {
            assertEquals("GuardContext.Scope[request without subject]", request.toString());
            assertFalse(job.toString().contains("alice"));
        }
        try (GuardContext.Scope job = GuardContext.openOutsideRequests()) {
            assertEquals("GuardContext.Scope[outside requests]", job.toString());
        }
    }
}
