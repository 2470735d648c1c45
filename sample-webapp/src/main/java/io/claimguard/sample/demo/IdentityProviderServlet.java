package io.claimguard.sample.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /.well-known/jwks.json}: the demo key set; {@code GET /demo/token?persona=ID}: a
 * fresh token for that persona, issued by this application's base URL followed by {@code /}.
 * Two parameters make tokens the application must refuse, signed all the same:
 * {@code audience=NAME} one meant for another API, {@code expired=true} one that expired
 * {@value #EXPIRED_MINUTES_AGO} minutes ago.
 */
final class IdentityProviderServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String JWKS_PATH = "/.well-known/jwks.json";
    static final String TOKEN_PATH = "/demo/token";
    static final int EXPIRED_MINUTES_AGO = 5;
    private static final Pattern AUDIENCE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final transient DemoIdentityProvider provider;

    IdentityProviderServlet(DemoIdentityProvider provider) {
        this.provider = provider;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setCharacterEncoding("UTF-8");
        if (JWKS_PATH.equals(request.getServletPath())) {
            response.setContentType("application/json");
            response.getWriter().write(provider.jwks());
            return;
        }
        response.setContentType("text/plain");
        response.setHeader("Cache-Control", "no-store");
        Optional<Persona> persona = Persona.byId(request.getParameter("persona"));
        if (persona.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.getWriter().write("persona must be one of: agent, compliance, visitor\n");
            return;
        }
        String audience = Objects.requireNonNullElse(request.getParameter("audience"), DemoIdentityProvider.AUDIENCE);
        if (!AUDIENCE.matcher(audience).matches()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.getWriter().write("audience must be 1 to 64 letters, digits or ._:-\n");
            return;
        }
        Instant issuedAt = Instant.now();
        if (Boolean.parseBoolean(request.getParameter("expired"))) {
            issuedAt = issuedAt.minus(DemoIdentityProvider.LIFETIME).minus(Duration.ofMinutes(EXPIRED_MINUTES_AGO));
        }
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath();
        response.getWriter().write(provider.token(persona.get(), base + "/", audience, issuedAt));
    }
}
