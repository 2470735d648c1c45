package io.claimguard.e2e;

/**
 * The same javax club WAR placed in Tomcat 10.1's {@code webapps-javaee}, which migrates it to
 * jakarta.servlet on deploy, with the jakarta claimguard-all in WEB-INF/lib (migrated with the
 * rest, which changes nothing in it), the DriverManager URL prefixed, {@code claimguard.yaml} and
 * the {@code %redact} {@code logback.xml} added.
 */
class ClubMigratedOnTomcat10Test extends ClubAppTest {

    @Override
    AppDeployment.Setup setup() {
        return AppDeployment.Setup.on(Tomcat.Distribution.TOMCAT_10_1, AppDeployment.Install.CLAIMGUARD_ALL).migrated();
    }

    @Override
    String databaseLogLine() {
        return "database: DriverManager with jdbc:claimguard:h2:mem:club";
    }
}
