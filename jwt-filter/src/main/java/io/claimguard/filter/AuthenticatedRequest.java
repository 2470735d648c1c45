package io.claimguard.filter;

import io.claimguard.core.GuardContext;
import io.claimguard.core.Subject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * The request as the application sees it after the filter: {@code getUserPrincipal()},
 * {@code getRemoteUser()} and {@code isUserInRole(..)} answer from the verified token, and work
 * handed to {@link AsyncContext#start(Runnable)} runs with the request's subject.
 */
final class AuthenticatedRequest extends HttpServletRequestWrapper {
    private final Subject subject;
    private final Principal principal;

    AuthenticatedRequest(HttpServletRequest request, Subject subject) {
        super(request);
        this.subject = subject;
        String name = subject.id();
        this.principal = new Principal() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public String toString() {
                return "BearerPrincipal";   // names end up in logs; the subject id is personal data
            }
        };
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return subject.id();
    }

    @Override
    public boolean isUserInRole(String role) {
        return role != null && subject.hasRole(role);
    }

    @Override
    public String getAuthType() {
        return "BEARER";
    }

    @Override
    public AsyncContext startAsync() throws IllegalStateException {
        return new SubjectAsyncContext(super.startAsync(), subject);
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) throws IllegalStateException {
        return new SubjectAsyncContext(super.startAsync(request, response), subject);
    }

    @Override
    public AsyncContext getAsyncContext() {
        AsyncContext context = super.getAsyncContext();
        return context == null || context instanceof SubjectAsyncContext ? context : new SubjectAsyncContext(context, subject);
    }

    /** Carries the subject into {@link #start(Runnable)} work, on whichever thread runs it. */
    private static final class SubjectAsyncContext implements AsyncContext {
        private final AsyncContext delegate;
        private final Subject subject;

        SubjectAsyncContext(AsyncContext delegate, Subject subject) {
            this.delegate = delegate;
            this.subject = subject;
        }

        @Override
        public void start(Runnable run) {
            delegate.start(() -> {
                try (GuardContext.Scope scope = GuardContext.openRequest(subject)) {
                    run.run();
                }
            });
        }

        @Override
        public ServletRequest getRequest() {
            return delegate.getRequest();
        }

        @Override
        public ServletResponse getResponse() {
            return delegate.getResponse();
        }

        @Override
        public boolean hasOriginalRequestAndResponse() {
            return delegate.hasOriginalRequestAndResponse();
        }

        @Override
        public void dispatch() {
            delegate.dispatch();
        }

        @Override
        public void dispatch(String path) {
            delegate.dispatch(path);
        }

        @Override
        public void dispatch(ServletContext context, String path) {
            delegate.dispatch(context, path);
        }

        @Override
        public void complete() {
            delegate.complete();
        }

        @Override
        public void addListener(AsyncListener listener) {
            delegate.addListener(listener);
        }

        @Override
        public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
            delegate.addListener(listener, request, response);
        }

        /**
         * Written without its type parameter, which it overrides all the same: the javax build
         * renames this class's bytecode, and a type parameter's bound would keep the jakarta name.
         */
        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public AsyncListener createListener(Class type) throws ServletException {
            return delegate.createListener(type);
        }

        @Override
        public void setTimeout(long timeout) {
            delegate.setTimeout(timeout);
        }

        @Override
        public long getTimeout() {
            return delegate.getTimeout();
        }
    }
}
