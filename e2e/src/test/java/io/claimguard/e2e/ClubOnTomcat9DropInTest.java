package io.claimguard.e2e;

/**
 * The javax club on Tomcat 9 with the drop-in changes: claimguard-all-javax in WEB-INF/lib, the
 * DriverManager URL prefixed, {@code claimguard.yaml} and the {@code %redact} {@code logback.xml}
 * added. The filter registers itself although {@code web.xml} is of version 2.5.
 */
class ClubOnTomcat9DropInTest extends ClubAppTest {

    @Override
    AppDeployment.Setup setup() {
        return AppDeployment.Setup.on(Tomcat.Distribution.TOMCAT_9, AppDeployment.Install.CLAIMGUARD_ALL_JAVAX);
    }

    @Override
    String databaseLogLine() {
        return "database: DriverManager with jdbc:claimguard:h2:mem:club";
    }
}
