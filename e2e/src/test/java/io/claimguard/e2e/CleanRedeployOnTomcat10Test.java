package io.claimguard.e2e;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The javax club migrated by Tomcat 10.1 from {@code webapps-javaee}, with claimguard-all, reloaded three times. */
class CleanRedeployOnTomcat10Test extends CleanRedeployTest {

    @Test
    void theJavaxClubMigratedOnTomcat10() throws IOException {
        String run = getClass().getSimpleName();
        Map<String, Map<String, String>> stored = ClubAppTest.seed(run);
        try (AppDeployment deployment = ClubAppTest.deploy(run, AppDeployment.Setup.on(Tomcat.Distribution.TOMCAT_10_1,
                AppDeployment.Install.CLAIMGUARD_ALL).migrated().withManager(), war -> { })) {
            reloadAndCheck(deployment, () -> serveClub(deployment, stored),
                    new LogScan().values(stored, "member", "email", "phone", "iban", "notes"), "club.log");
        }
    }
}
