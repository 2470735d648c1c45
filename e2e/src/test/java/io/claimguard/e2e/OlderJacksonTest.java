package io.claimguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimguard.e2e.legacy.JacksonVersionServlet;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A legacy WAR that brings its own, older Jackson, with claimguard-all dropped into WEB-INF/lib next
 * to it, in a real Tomcat: the application keeps running on its Jackson, while the filter (strict
 * JSON through ClaimGuard's relocated Jackson) and the driver do their work in the same webapp.
 * Without the relocation one of the two would link against the other's Jackson.
 */
class OlderJacksonTest {

    private static final String LEGACY_JACKSON = System.getProperty("legacy.jackson.version");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static IdentityProvider identityProvider;
    private static Tomcat tomcat;
    private static final Http HTTP = new Http();

    @BeforeAll
    static void deploy() throws IOException {
        identityProvider = IdentityProvider.start();
        tomcat = Tomcat.base(Layout.tomcatHome(), Layout.run("OlderJacksonTest").resolve("catalina-base"));
        try (War war = War.create(tomcat.webapps().resolve("legacy.war"))) {
            war.put("/WEB-INF/web.xml", WEB_XML)
                    .put("/health", "ok")
                    .put("/WEB-INF/classes/" + JacksonVersionServlet.class.getName().replace('.', '/') + ".class",
                            classFile(JacksonVersionServlet.class))
                    .put("/WEB-INF/classes/claimguard.yaml", policy(identityProvider.baseUrl()));
            try (Stream<Path> jars = Files.list(Layout.legacyLib())) {
                for (Path jar : (Iterable<Path>) jars::iterator) {
                    war.addLibrary(jar);
                }
            }
            war.addLibrary(Layout.claimGuardAll());
        }
        tomcat.start(Map.of(), "/legacy/health", Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() {
        if (tomcat != null) {
            tomcat.close();
        }
        if (identityProvider != null) {
            identityProvider.close();
        }
    }

    @Test
    void applicationRunsOnItsOwnJackson_andTheFilterAndDriverOnClaimGuards() throws IOException {
        JsonNode agent = answer(identityProvider.token(Persona.AGENT));
        assertEquals(LEGACY_JACKSON, agent.get("jackson").asText());
        assertEquals("agent-7", agent.get("user").asText());
        assertEquals("jane.doe@example.com", agent.get("email").asText());

        JsonNode visitor = answer(identityProvider.token(Persona.VISITOR));
        assertEquals(LEGACY_JACKSON, visitor.get("jackson").asText());
        assertEquals("visitor", visitor.get("user").asText());
        assertEquals("j***@***.com", visitor.get("email").asText());
    }

    @Test
    void requestsWithoutAValidTokenAreRefused() {
        assertEquals(401, HTTP.get(tomcat.uri("/legacy/jackson"), null).statusCode());
        assertEquals(401, HTTP.get(tomcat.uri("/legacy/jackson"), identityProvider.forgedToken(Persona.AGENT)).statusCode());
        assertEquals(401, HTTP.get(tomcat.uri("/legacy/jackson"), identityProvider.expiredToken(Persona.AGENT)).statusCode());
    }

    private static JsonNode answer(String token) throws IOException {
        HttpResponse<String> response = HTTP.get(tomcat.uri("/legacy/jackson"), token);
        assertEquals(200, response.statusCode(), response::body);
        return JSON.readTree(response.body());
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    private static String policy(String identityProvider) {
        return """
                jwt:
                  issuer: "%1$s/"
                  jwks_uri: "%1$s/.well-known/jwks.json"
                  audiences: ["%2$s"]
                  algorithms: ["RS256"]
                  types: ["JWT"]
                  roles_claim: "roles"
                  public_paths: ["/health"]
                jdbc:
                  columns:
                    - column: contacts.email
                      allow: ["scope:pii.contact"]
                      mask: email
                """.formatted(identityProvider, IdentityProvider.AUDIENCE);
    }

    private static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0" metadata-complete="true">
              <servlet>
                <servlet-name>jackson</servlet-name>
                <servlet-class>io.claimguard.e2e.legacy.JacksonVersionServlet</servlet-class>
              </servlet>
              <servlet-mapping>
                <servlet-name>jackson</servlet-name>
                <url-pattern>/jackson</url-pattern>
              </servlet-mapping>
            </web-app>
            """;
}
