package io.claimguard.core;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * Whom the current thread's work is done for: a {@link Subject}, a request that came without one,
 * or the application's own work outside any request.
 *
 * <p>The JWT filter opens a request scope for every request it serves, with the verified subject
 * or with none; the JDBC driver reads the context each time a statement executes. Scopes nest:
 * closing one restores whatever was current when it was opened, so a pooled thread never keeps a
 * finished request's subject.
 *
 * <pre>{@code
 * try (GuardContext.Scope scope = GuardContext.open(subject)) {
 *     // JDBC calls on this thread see subject
 * }
 * executor.submit(GuardContext.wrap(task));   // the task sees what is current at wrap time
 * try (GuardContext.Scope job = GuardContext.openOutsideRequests()) {
 *     // a scheduled job: acts as the configured identity of work outside requests
 * }
 * }</pre>
 *
 * <p><b>Work outside requests</b> (start-up scripts, migrations, scheduled jobs) acts as an identity
 * the driver's configuration names. Only two things grant it: {@link #openOutsideRequests()} in
 * code, and {@link #beginStartUp()}, with which a servlet container initializer marks the thread
 * deploying an application. Neither ever reaches a request: a request scope shadows both, a thread
 * started while a request is served can never open one, and the start-up mark belongs to one
 * thread and is not inherited. A thread with nothing open acts with no subject.
 *
 * <p>This class lives in claimguard-core, which has no dependencies, so that a driver in the
 * container's lib folder and a filter in WEB-INF/lib see the same thread-local. Its thread-locals
 * hold nothing but this class's own values while a scope is open, and JDK values otherwise, so a
 * container thread never keeps an undeployed application's class loader.
 */
public final class GuardContext {
    private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();
    /** Set on a thread serving a request, and so inherited by every thread it starts. */
    private static final InheritableThreadLocal<Boolean> STARTED_IN_REQUEST = new InheritableThreadLocal<>();
    /** Threads deploying an application; weak, so that a finished thread is let go. */
    private static final Map<Thread, Boolean> STARTING_UP = Collections.synchronizedMap(new WeakHashMap<>());
    private static volatile int startUps;

    private GuardContext() {
    }

    /** What is current on a thread: a subject or none, inside a request or not, outside requests or not. */
    private record Frame(Subject subject, boolean request, boolean outsideRequests) {
    }

    /** Makes {@code subject} current on this thread until the returned scope is closed. */
    public static Scope open(Subject subject) {
        Objects.requireNonNull(subject, "subject");
        Frame enclosing = CURRENT.get();
        return install(new Frame(subject, enclosing != null && enclosing.request, false));
    }

    /**
     * Marks this thread as serving a request, for {@code subject} or for none (a public path, an
     * optional token that was not sent), until the scope is closed. Threads started meanwhile are
     * marked too. For the JWT filter; work inside the scope never acts outside requests.
     */
    public static Scope openRequest(Subject subject) {
        return install(new Frame(subject, true, false));
    }

    /**
     * Marks this thread's work, until the scope is closed, as the application's own work outside
     * any request: it acts as the identity the driver's configuration gives such work.
     *
     * @throws IllegalStateException on a thread serving a request, or started while one was
     *         served: request work never gets the rights of work outside requests
     */
    public static Scope openOutsideRequests() {
        if (inRequest()) {
            throw new IllegalStateException("GuardContext.openOutsideRequests() was called on a thread that serves a"
                    + " request or was started while one was served; only work outside requests may act as such");
        }
        return install(new Frame(null, false, true));
    }

    /**
     * Marks the calling thread as deploying an application: until the returned mark is closed,
     * its work with no scope open acts outside requests. For a servlet container initializer,
     * which runs on the thread that then runs the application's listeners and start-up servlets.
     *
     * @throws IllegalStateException on a thread serving a request, or started while one was served
     */
    public static StartUp beginStartUp() {
        if (inRequest()) {
            throw new IllegalStateException("an application start-up was marked on a thread that serves a request");
        }
        Thread thread = Thread.currentThread();
        synchronized (STARTING_UP) {
            STARTING_UP.put(thread, Boolean.TRUE);
            startUps = STARTING_UP.size();
        }
        return new StartUp(thread);
    }

    /** The subject this thread acts for, or empty when there is none (outside requests included). */
    public static Optional<Subject> current() {
        Frame frame = CURRENT.get();
        return Optional.ofNullable(frame == null ? null : frame.subject);
    }

    /** Whether this thread serves a request (with or without a subject), or was started while one was served. */
    public static boolean inRequest() {
        Frame frame = CURRENT.get();
        return frame != null && frame.request || STARTED_IN_REQUEST.get() != null;
    }

    /**
     * Whether this thread's work, having no subject, is the application's own work outside
     * requests: inside {@link #openOutsideRequests()}, or on a thread marked by
     * {@link #beginStartUp()} with nothing else open.
     */
    public static boolean isOutsideRequests() {
        Frame frame = CURRENT.get();
        if (frame != null) {
            return frame.outsideRequests;
        }
        return startUps > 0 && STARTED_IN_REQUEST.get() == null && STARTING_UP.containsKey(Thread.currentThread());
    }

    /** Runs {@code task} with what is current now: a subject, a request, work outside requests, or nothing. */
    public static Runnable wrap(Runnable task) {
        Objects.requireNonNull(task, "task");
        Frame captured = captured();
        return () -> {
            try (Scope ignored = install(captured)) {
                task.run();
            }
        };
    }

    /** Calls {@code task} with what is current now: a subject, a request, work outside requests, or nothing. */
    public static <T> Callable<T> wrap(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        Frame captured = captured();
        return () -> {
            try (Scope ignored = install(captured)) {
                return task.call();
            }
        };
    }

    /** An executor that hands each task what is current on the submitting thread. */
    public static Executor wrap(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return task -> executor.execute(wrap(task));
    }

    /**
     * What a task wrapped now carries: the current frame, or a request's mark for a thread started
     * in one, or outside requests for a starting thread; the start-up mark itself stays on its thread.
     */
    private static Frame captured() {
        Frame frame = CURRENT.get();
        if (frame != null) {
            return frame;
        }
        if (STARTED_IN_REQUEST.get() != null) {
            return new Frame(null, true, false);
        }
        return isOutsideRequests() ? new Frame(null, false, true) : null;
    }

    private static Scope install(Frame frame) {
        Frame previous = CURRENT.get();
        Boolean previousMark = STARTED_IN_REQUEST.get();
        set(frame, frame != null && frame.request ? Boolean.TRUE : previousMark);
        return new Scope(previous, previousMark, frame);
    }

    private static void set(Frame frame, Boolean startedInRequest) {
        if (frame == null) {
            CURRENT.remove();   // leave no entry behind on pooled threads
        } else {
            CURRENT.set(frame);
        }
        if (startedInRequest == null) {
            STARTED_IN_REQUEST.remove();
        } else {
            STARTED_IN_REQUEST.set(startedInRequest);
        }
    }

    /** Restores what was current before when closed; closing twice is harmless. */
    public static final class Scope implements AutoCloseable {
        private final Frame previous;
        private final Boolean previousMark;
        private final Frame opened;
        private final Thread owner = Thread.currentThread();
        private boolean closed;

        private Scope(Frame previous, Boolean previousMark, Frame opened) {
            this.previous = previous;
            this.previousMark = previousMark;
            this.opened = opened;
        }

        /**
         * @throws IllegalStateException if called from another thread than the one that opened
         *         the scope, which would restore a subject on the wrong thread
         */
        @Override
        public void close() {
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("GuardContext scope closed on another thread than it was opened on");
            }
            if (!closed) {
                closed = true;
                set(previous, previousMark);
            }
        }

        @Override
        public String toString() {
            String what = opened == null ? "nothing" : opened.subject != null ? "subject"
                    : opened.outsideRequests ? "outside requests" : "request without subject";
            return "GuardContext.Scope[" + what + (closed ? ", closed]" : "]");
        }
    }

    /** The start-up mark of one thread; closed when the application stops, from any thread. */
    public static final class StartUp implements AutoCloseable {
        private final Thread thread;

        private StartUp(Thread thread) {
            this.thread = thread;
        }

        @Override
        public void close() {
            synchronized (STARTING_UP) {
                STARTING_UP.remove(thread);
                startUps = STARTING_UP.size();
            }
        }

        @Override
        public String toString() {
            return "GuardContext.StartUp[" + thread.getName() + "]";
        }
    }
}
