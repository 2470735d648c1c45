package io.claimguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A legacy-style application of {@code e2e-apps} behind ClaimGuard in a real Tomcat, driven over
 * HTTP only. Subclasses deploy their application and test its pages; this class adds what every
 * application must show: requests without a valid token are refused, the logs hold no token and
 * no protected value, and the application stops without complaint about ClaimGuard. The tests
 * run in order: the application's own (orders below 100), then these.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class LegacyAppInTomcatTest {

    final Http http = new Http();
    AppDeployment deployment;
    SampleApp app;

    /** Reads the application's seed data and deploys it behind ClaimGuard. */
    abstract AppDeployment deploy() throws IOException;

    /** Pages every persona may read. */
    abstract List<String> pages();

    /** A form POST that saves something: path and fields. */
    abstract Map.Entry<String, Map<String, String>> aSave();

    /** The application's log file in {@link AppDeployment#applicationLogs}. */
    abstract String applicationLogFile();

    /** Every protected value the application stores, and any the tests typed in. */
    abstract LogScan protectedValues(LogScan scan);

    /** Whatever a persona that may see everything reads of the application's protected data, as text. */
    abstract String everythingStored();

    /** Where record {@code id} is shown, under the context path; its edit form is at this path + {@code /edit}, and posts to it. */
    abstract String recordPath(String id);

    /** Every record as stored, by id, kept up to date with every save the tests make. */
    abstract Map<String, Map<String, String>> stored();

    /** Checks, as a persona that may see everything, that record {@code id} holds exactly what {@link #stored()} says. */
    abstract void assertStored(String id);

    /** The fields of record {@code id}'s edit form, as {@code token}'s persona is shown them. */
    Map<String, String> editForm(String id, String token) {
        return SampleApp.formFields(ok(app.get(recordPath(id) + "/edit", token)));
    }

    /**
     * Saves record {@code id}'s whole edit form as {@code persona} was shown it, after checking it
     * against {@code shown} (unless null), with {@code changes} made: what the persona could not
     * see must stay as stored, and exactly the changes must land.
     */
    void saveTheWholeForm(Persona persona, String id, Map<String, String> shown, Map<String, String> changes) {
        String token = token(persona);
        Map<String, String> form = editForm(id, token);
        if (shown != null) {
            assertEquals(shown, form, persona + " is shown the form of record " + id);
        }
        form.putAll(changes);

        assertRedirected(app.postForm(recordPath(id), token, form), recordPath(id));

        stored().get(id).putAll(changes);
        assertStored(id);
    }

    @BeforeAll
    void start() throws IOException {
        deployment = deploy();
        app = deployment.app(http);
    }

    @AfterAll
    void stop() {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    @Order(100)
    void requestsWithoutAValidTokenGet401AndNoData() {
        Map<String, String> refused = deployment.identityProvider.refusedTokens();
        String before = everythingStored();
        refused.forEach((what, token) -> {
            for (String path : pages()) {
                HttpResponse<String> response = app.get(path, token);
                assertEquals(401, response.statusCode(), what + " " + path);
                assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), what + " " + path);
            }
            HttpResponse<String> save = app.postForm(aSave().getKey(), token, aSave().getValue());
            assertEquals(401, save.statusCode(), what + " POST " + aSave().getKey());
        });
        assertEquals(before, everythingStored(), "a refused request changed the data");
    }

    @Test
    @Order(200)
    void theLogsHoldNoTokenAndNoProtectedValue() throws IOException {
        deployment.tomcat.stop(); // flushes the access log
        List<Path> files = deployment.logFiles();
        assertTrue(files.stream().anyMatch(file -> file.getFileName().toString().equals(applicationLogFile())),
                "no " + applicationLogFile() + " in " + files);
        assertTrue(files.stream().anyMatch(file -> file.getFileName().toString().startsWith("access")), "no access log in " + files);

        List<String> found = protectedValues(new LogScan().tokens(deployment.identityProvider.issuedTokens())).findIn(files);

        assertEquals(List.of(), found, "in " + files);
    }

    @Test
    @Order(300)
    void stopsWithoutComplaintAboutClaimGuard() throws IOException {
        assertEquals(List.of(), deployment.stopComplaints());
    }

    String token(Persona persona) {
        return deployment.identityProvider.token(persona);
    }

    static String ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), () -> response.request().uri() + ": " + SampleApp.abbreviate(response.body()));
        return response.body();
    }

    /** A form POST answered with a redirect to {@code location} (under the context path). */
    void assertRedirected(HttpResponse<String> response, String location) {
        assertTrue(response.statusCode() == 302 || response.statusCode() == 303,
                () -> response.statusCode() + ": " + SampleApp.abbreviate(response.body()));
        String to = response.headers().firstValue("Location").orElse("");
        assertTrue(to.endsWith(deployment.context + location), to);
    }
}
