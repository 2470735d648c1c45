package io.claimguard.e2e;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The javax club with claimguard-all-javax, reloaded three times on Tomcat 9. */
class CleanRedeployOnTomcat9Test extends CleanRedeployTest {

    @Test
    void theJavaxClubOnTomcat9() throws IOException {
        String run = getClass().getSimpleName();
        Map<String, Map<String, String>> stored = ClubAppTest.seed(run);
        try (AppDeployment deployment = ClubAppTest.deploy(run, AppDeployment.Setup.on(Tomcat.Distribution.TOMCAT_9,
                AppDeployment.Install.CLAIMGUARD_ALL_JAVAX).withManager(), war -> { })) {
            reloadAndCheck(deployment, () -> serveClub(deployment, stored),
                    new LogScan().values(stored, "member", "email", "phone", "iban", "notes"), "club.log");
        }
    }
}
