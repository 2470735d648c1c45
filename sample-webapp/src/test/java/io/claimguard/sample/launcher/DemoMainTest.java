package io.claimguard.sample.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import io.claimguard.sample.DemoFixture;
import io.claimguard.sample.demo.Persona;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DemoFixture.class)
class DemoMainTest {
    private static final Pattern CURL = Pattern.compile("curl -H 'Authorization: Bearer ([A-Za-z0-9_.-]+)' (\\S+)\n");

    @Test
    void instructions_holdAWorkingCurlLinePerPersona(DemoServer demo) throws Exception {
        String text = DemoMain.instructions(demo);

        assertTrue(text.contains(demo.base() + "/customers"), text);
        assertTrue(text.contains(demo.logFile().toString()), text);
        List<String> subjects = new ArrayList<>();
        Matcher curl = CURL.matcher(text);
        while (curl.find()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(curl.group(2)))
                    .header("Authorization", "Bearer " + curl.group(1)).build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), curl.group());
            assertTrue(response.body().startsWith("{\"id\":1,"), response.body());
            subjects.add(JWT.decode(curl.group(1)).getSubject());
        }
        assertEquals(Arrays.stream(Persona.values()).map(Persona::subject).toList(), subjects);
    }
}
