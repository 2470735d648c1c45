package io.claimguard.sample.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /.well-known/jwks.json}: the demo key set; {@code GET /demo/token?persona=ID}: a
 * fresh token for that persona, issued by this application's base URL followed by {@code /}.
 */
final class IdentityProviderServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String JWKS_PATH = "/.well-known/jwks.json";
    static final String TOKEN_PATH = "/demo/token";

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
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath();
        response.getWriter().write(provider.token(persona.get(), base + "/"));
    }
}
