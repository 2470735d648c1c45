package io.claimguard.filter;

import io.claimguard.core.ConfigException;
import io.claimguard.core.ConfigFile;
import io.claimguard.core.FilterPresence;
import io.claimguard.core.GuardContext;
import io.claimguard.core.Mode;
import io.claimguard.core.Requirement;
import io.claimguard.core.Subject;
import io.claimguard.core.audit.RepeatThrottle;
import io.claimguard.filter.revocation.Revocations;
import io.claimguard.filter.revocation.Revoker;
import io.claimguard.filter.token.AddressRange;
import io.claimguard.filter.token.RejectionReason;
import io.claimguard.filter.token.TokenRejectedException;
import io.claimguard.filter.token.TokenVerifier;
import io.claimguard.filter.token.VerifiedToken;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the bearer token of every request and runs the rest of the chain as its subject.
 *
 * <p>Configured from the {@code jwt} section of the ClaimGuard configuration file (see
 * {@link ConfigFile}), with filter init-params overriding single keys of that section (lists as
 * comma-separated text), or built in code with {@link #builder(TokenVerifier)}. A configuration
 * that cannot be used fails {@link #init}, and with it the application's start.
 *
 * <p>For each request, in order: public paths pass with no subject; the one bearer credential
 * is found (400 {@code invalid_request} for malformed syntax, several credentials, or a query
 * token where none is allowed); the token is verified by {@link TokenVerifier} (401
 * {@code invalid_token}); the path's requirements are checked (403 {@code insufficient_scope}).
 * Without a token the answer is 401 without an {@code error} attribute, or, when tokens are not
 * required, the chain runs with no subject. Every refusal is logged once at INFO with its reason
 * code, the client address and, once the signature was verified, {@code iss}, {@code sub} and
 * {@code jti}; never the token. That line is an audit event on {@code claimguard.audit}
 * (SLF4J key-value pairs), and identical refusals within a window are counted, not repeated.
 * In report mode ({@code jwt.mode: report}) a refusal for a policy reason is audited as
 * {@code would_reject} and the request goes through, with its subject only if the token verified
 * ({@link Refusals} lists which reasons; malformed and unverifiable tokens are always refused).
 * When the revocation store cannot answer, the answer is 503 without a challenge.
 *
 * <p>Every request it lets through runs in a request scope of {@link GuardContext}, so that the
 * driver never takes it for work outside requests: with the subject once every check passed, with
 * none on a public path or without an optional token; removed when the chain returns or throws.
 * {@code getUserPrincipal()}, {@code getRemoteUser()} and {@code isUserInRole(..)} answer from the token, and {@code AsyncContext.start} work runs
 * with the request's subject.
 */
public final class JwtAuthFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(JwtAuthFilter.class);
    /** The servlet context attribute under which the filter publishes its {@link Revocations}, if any. */
    public static final String REVOCATIONS_ATTRIBUTE = Revocations.class.getName();
    /**
     * The servlet context attribute under which the filter publishes its {@link Revoker}, when its
     * revocation store is one: the Java API through which the application revokes tokens.
     */
    public static final String REVOKER_ATTRIBUTE = Revoker.class.getName();

    private volatile Settings settings;

    record Settings(TokenVerifier verifier, boolean required, List<PathRule> publicPaths,
                    Map<PathRule, Requirement> requirements, String realm, boolean allowQueryToken,
                    ClientAddress clientAddress, Revocations revocations, AutoCloseable closedOnDestroy,
                    Refusals refusals) {
    }

    /** For containers: configured in {@link #init(FilterConfig)} from the configuration file. */
    public JwtAuthFilter() {
    }

    private JwtAuthFilter(Settings settings) {
        this.settings = settings;
    }

    public static Builder builder(TokenVerifier verifier) {
        return new Builder(verifier);
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        if (settings == null) {
            Map<String, String> overrides = new LinkedHashMap<>();
            for (String name : Collections.list(config.getInitParameterNames())) {
                overrides.put(name, config.getInitParameter(name));
            }
            try {
                ConfigFile file = ConfigFile.locate();
                settings = JwtConfigReader.read(file, overrides);
            } catch (ConfigException e) {
                throw new ServletException("ClaimGuard JWT filter cannot start: " + e.getMessage(), e);
            }
        }
        if (settings.revocations() != null) {
            config.getServletContext().setAttribute(REVOCATIONS_ATTRIBUTE, settings.revocations());
        }
        if (settings.revocations() instanceof Revoker revoker) {
            config.getServletContext().setAttribute(REVOKER_ATTRIBUTE, revoker);
        }
        FilterPresence.started(config.getServletContext().getClassLoader());
    }

    /** Closes the revocation store the filter opened from the configuration (connections, threads); one given in code stays open. */
    @Override
    public void destroy() {
        Settings s = settings;
        if (s != null && s.closedOnDestroy() != null) {
            try {
                s.closedOnDestroy().close();
            } catch (Exception e) {
                LOG.warn("closing the revocation store failed ({})", e.getClass().getName());
            }
        }
    }

    Settings settings() {
        return settings;
    }

    /** The revocation list the filter consults, or null when revocation is off. */
    public Revocations revocations() {
        return settings.revocations();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            throw new ServletException("ClaimGuard JWT filter handles HTTP requests only");
        }
        Settings s = settings;
        if (s == null) {
            throw new ServletException("ClaimGuard JWT filter used before init");
        }
        String path = path(request);
        List<Requirement> needed = requirementsFor(s, path);
        if (needed.isEmpty() && matchesAny(s.publicPaths(), path)) {
            pass(chain, request, response, null);
            return;
        }
        byte[] client = s.clientAddress().of(request);
        Subject subject = null;
        try {
            String token = BearerCredentials.of(request, s.allowQueryToken(), s.verifier().maxTokenBytes());
            if (token == null) {
                if (s.required() || !needed.isEmpty()) {
                    throw new TokenRejectedException(RejectionReason.NO_TOKEN);
                }
                s.verifier().stats().accepted();
                pass(chain, request, response, null);
                return;
            }
            VerifiedToken verified = s.verifier().verify(token, client);
            subject = verified.subject();   // set once verified: report mode lets a refused scope through with it
            for (Requirement requirement : needed) {
                if (!requirement.isSatisfiedBy(subject)) {
                    throw new TokenRejectedException(RejectionReason.INSUFFICIENT_SCOPE, verified.identity());
                }
            }
            s.verifier().stats().accepted();
        } catch (TokenRejectedException e) {
            boolean enforced = s.refusals().enforces(e.reason());
            s.verifier().stats().rejected(e.reason(), enforced);
            s.refusals().record(e.reason(), client, e.identity(), enforced);
            if (enforced) {
                respond(s, response, e.reason());
                return;
            }
            if (subject == null) {
                pass(chain, request, response, null);   // report mode, and no verified token
                return;
            }
        } catch (RuntimeException e) {
            // Nothing in verification should throw anything else; if it does, refuse rather than 500.
            LOG.error("JWT rejected: reason=internal_error status=401 client={} ({})", ClientAddress.describe(client),
                    e.getClass().getName());
            respond(s, response, RejectionReason.MALFORMED_TOKEN);
            return;
        }
        pass(chain, request, response, subject);
    }

    /**
     * Lets the request through as a request, for {@code subject} or none: a request without a
     * subject must never pass for work outside requests, which the driver may treat otherwise.
     */
    private static void pass(FilterChain chain, HttpServletRequest request, HttpServletResponse response,
                             Subject subject) throws IOException, ServletException {
        try (GuardContext.Scope scope = GuardContext.openRequest(subject)) {
            chain.doFilter(subject == null ? request : new AuthenticatedRequest(request, subject), response);
        }
    }

    private static void respond(Settings s, HttpServletResponse response, RejectionReason reason) {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(reason.status());
        if (reason.status() < 500) {   // a challenge says the credentials are at fault; a 503 says the server is
            StringBuilder challenge = new StringBuilder("Bearer realm=\"").append(s.realm()).append('"');
            if (reason.error() != null) {
                challenge.append(", error=\"").append(reason.error()).append("\", error_description=\"")
                        .append(reason.description()).append('"');
            }
            response.setHeader("WWW-Authenticate", challenge.toString());
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(0);
    }

    private static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    private static List<Requirement> requirementsFor(Settings s, String path) {
        List<Requirement> needed = List.of();
        for (Map.Entry<PathRule, Requirement> rule : s.requirements().entrySet()) {
            if (rule.getKey().matches(path)) {
                if (needed.isEmpty()) {
                    needed = new ArrayList<>(2);
                }
                needed.add(rule.getValue());
            }
        }
        return needed;
    }

    private static boolean matchesAny(List<PathRule> rules, String path) {
        for (PathRule rule : rules) {
            if (rule.matches(path)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "JwtAuthFilter";
    }

    /**
     * Builds a filter in code. Defaults: a token is required everywhere, no public paths, no path
     * requirements, realm {@code claimguard}, no query tokens, no trusted proxies.
     */
    public static final class Builder {
        private final TokenVerifier verifier;
        private boolean required = true;
        private final List<PathRule> publicPaths = new ArrayList<>();
        private final Map<PathRule, Requirement> requirements = new LinkedHashMap<>();
        private String realm = "claimguard";
        private boolean allowQueryToken;
        private final List<AddressRange> trustedProxies = new ArrayList<>();
        private Revocations revocations;
        private AutoCloseable closedOnDestroy;
        private RepeatThrottle.Settings auditRepeats = RepeatThrottle.Settings.DEFAULT;
        private Mode mode = Mode.ENFORCE;

        private Builder(TokenVerifier verifier) {
            this.verifier = Objects.requireNonNull(verifier, "verifier");
        }

        /** false: requests without any token run with no subject (the driver then masks or denies). */
        public Builder required(boolean required) {
            this.required = required;
            return this;
        }

        public Builder publicPath(String pattern) {
            publicPaths.add(PathRule.parse(pattern));
            return this;
        }

        /** Requests whose path matches {@code pattern} need a token satisfying any of {@code requirements}. */
        public Builder pathRequirement(String pattern, Collection<String> requirements) {
            try {
                this.requirements.merge(PathRule.parse(pattern), Requirement.anyOf(requirements), (a, b) -> {
                    throw new ConfigException("URL pattern " + pattern + " has requirements twice");
                });
            } catch (IllegalArgumentException e) {
                throw new ConfigException("path requirement " + pattern + ": " + e.getMessage());
            }
            return this;
        }

        public Builder realm(String realm) {
            if (realm == null || !realm.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\')) {
                throw new ConfigException("the realm must be printable ASCII without quotes or backslashes");
            }
            this.realm = realm;
            return this;
        }

        public Builder allowQueryToken(boolean allow) {
            this.allowQueryToken = allow;
            return this;
        }

        /** Peers whose {@code X-Forwarded-For} is believed, as CIDR ranges. */
        public Builder trustedProxy(String cidr) {
            try {
                trustedProxies.add(AddressRange.parse(cidr));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("trusted proxy: " + e.getMessage());
            }
            return this;
        }

        /**
         * The same revocation list the verifier was built with, to publish it to the application
         * (and, when it is also a {@link Revoker}, as {@link #REVOKER_ATTRIBUTE}).
         */
        public Builder publishRevocations(Revocations revocations) {
            this.revocations = revocations;
            return this;
        }

        /** A resource the filter owns, such as the revocation store it opened from the configuration. */
        Builder closeOnDestroy(AutoCloseable resource) {
            this.closedOnDestroy = resource;
            return this;
        }

        /**
         * {@link Mode#REPORT} lets requests through that would be refused for a policy reason
         * (with their subject when the token verified), and audits them as {@code would_reject};
         * malformed and unverifiable tokens are refused all the same.
         */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** How refusals repeated within a window are counted instead of written; the configuration's {@code audit} section. */
        public Builder auditRepeats(RepeatThrottle.Settings settings) {
            this.auditRepeats = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public JwtAuthFilter build() {
            return new JwtAuthFilter(new Settings(verifier, required, List.copyOf(publicPaths), Map.copyOf(requirements),
                    realm, allowQueryToken, new ClientAddress(trustedProxies), revocations, closedOnDestroy,
                    new Refusals(mode, auditRepeats)));
        }
    }
}
