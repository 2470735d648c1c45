package io.claimguard.e2e;

/**
 * A JNDI DataSource in Tomcat's {@code conf/context.xml} with a {@code jdbc:claimguard:} URL; core,
 * the driver and H2 in Tomcat's lib, the filter and log redaction in WEB-INF/lib: the driver in
 * the container and the filter in the webapp share core's one {@code GuardContext}.
 */
class JndiDataSourceTest extends SampleInTomcatTest {

    @Override
    SampleDeployment.Wiring wiring() {
        return SampleDeployment.Wiring.JNDI;
    }

    @Override
    String databaseLogLine() {
        return "database: the container's DataSource java:comp/env/jdbc/support";
    }
}
