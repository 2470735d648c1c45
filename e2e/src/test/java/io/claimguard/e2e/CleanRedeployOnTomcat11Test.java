package io.claimguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sample with claimguard-all, reloaded three times on Tomcat 11. */
class CleanRedeployOnTomcat11Test extends CleanRedeployTest {

    @Test
    void theSampleOnTomcat11() throws IOException {
        String run = getClass().getSimpleName();
        Map<String, Map<String, String>> stored = SeedData.read(War.read(Layout.sampleWar(), "/WEB-INF/classes/db/seed.sql"),
                Layout.run(run).resolve("seed.sql"));
        try (AppDeployment deployment = AppDeployment.sample(run, AppDeployment.Setup.on(Tomcat.Distribution.TOMCAT_11,
                AppDeployment.Install.CLAIMGUARD_ALL).withManager())) {
            SampleApp app = deployment.app(http);
            reloadAndCheck(deployment, () -> {
                for (Persona persona : Persona.values()) {
                    assertEquals(Views.of(persona, stored),
                            SampleApp.jsonRows(LegacyAppInTomcatTest.ok(app.get("/api/customers", deployment.identityProvider.token(persona)))),
                            persona + " customers");
                }
            }, new LogScan().personalData(stored), "sample.log");
        }
    }
}
