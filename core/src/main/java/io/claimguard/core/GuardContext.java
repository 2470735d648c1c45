package io.claimguard.core;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * The {@link Subject} the current thread acts for.
 *
 * <p>The JWT filter opens a scope per request and closes it when the request ends; the JDBC
 * driver reads {@link #current()} each time a statement executes. Scopes nest: closing one
 * restores whatever was current when it was opened, so a pooled thread never keeps a finished
 * request's subject.
 *
 * <pre>{@code
 * try (GuardContext.Scope scope = GuardContext.open(subject)) {
 *     // JDBC calls on this thread see subject
 * }
 * executor.submit(GuardContext.wrap(task));   // the task sees the subject current at wrap time
 * }</pre>
 *
 * <p>This class lives in claimguard-core, which has no dependencies, so that a driver in the
 * container's lib folder and a filter in WEB-INF/lib see the same thread-local.
 */
public final class GuardContext {
    private static final ThreadLocal<Subject> CURRENT = new ThreadLocal<>();

    private GuardContext() {
    }

    /** Makes {@code subject} current on this thread until the returned scope is closed. */
    public static Scope open(Subject subject) {
        return install(Objects.requireNonNull(subject, "subject"));
    }

    /** The subject this thread acts for, or empty when no scope is open. */
    public static Optional<Subject> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code task} with the subject that is current now (or with none, if none is). */
    public static Runnable wrap(Runnable task) {
        Objects.requireNonNull(task, "task");
        Subject captured = CURRENT.get();
        return () -> {
            try (Scope ignored = install(captured)) {
                task.run();
            }
        };
    }

    /** Calls {@code task} with the subject that is current now (or with none, if none is). */
    public static <T> Callable<T> wrap(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        Subject captured = CURRENT.get();
        return () -> {
            try (Scope ignored = install(captured)) {
                return task.call();
            }
        };
    }

    /** An executor that hands each task the subject current on the submitting thread. */
    public static Executor wrap(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return task -> executor.execute(wrap(task));
    }

    private static Scope install(Subject subject) {
        Subject previous = CURRENT.get();
        set(subject);
        return new Scope(previous, subject);
    }

    private static void set(Subject subject) {
        if (subject == null) {
            CURRENT.remove();   // leave no entry behind on pooled threads
        } else {
            CURRENT.set(subject);
        }
    }

    /** Restores the previous subject when closed; closing twice is harmless. */
    public static final class Scope implements AutoCloseable {
        private final Subject previous;
        private final Subject opened;
        private final Thread owner = Thread.currentThread();
        private boolean closed;

        private Scope(Subject previous, Subject opened) {
            this.previous = previous;
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
                set(previous);
            }
        }

        @Override
        public String toString() {
            return "GuardContext.Scope[" + (opened == null ? "no subject" : "subject") + (closed ? ", closed]" : "]");
        }
    }
}
