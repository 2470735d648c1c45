package io.claimguard.e2e;

/** claimguard-all in the WAR's WEB-INF/lib; the application's DriverManager URL prefixed with {@code claimguard:}. */
class DropInJarTest extends SampleInTomcatTest {

    @Override
    SampleDeployment.Wiring wiring() {
        return SampleDeployment.Wiring.DROP_IN;
    }

    @Override
    String databaseLogLine() {
        return "database: DriverManager with jdbc:claimguard:p6spy:h2:";
    }
}
