package io.claimguard.e2e;

/**
 * The javax club on Tomcat 9 on a container DataSource: a {@code conf/context.xml} Resource whose
 * driver class is ClaimGuard's and whose URL is prefixed; core, claimguard-jdbc-javax (with its
 * libraries) and H2 in Tomcat's lib; claimguard-jwt-filter-javax and log redaction (with theirs)
 * in WEB-INF/lib.
 */
class ClubOnTomcat9JndiTest extends ClubAppTest {

    @Override
    AppDeployment.Setup setup() {
        return AppDeployment.Setup.on(Tomcat.Distribution.TOMCAT_9, AppDeployment.Install.jndi("club",
                "jdbc:claimguard:h2:mem:club;DB_CLOSE_DELAY=-1", Layout.containerLibJavax(), Layout.webappLibJavax()));
    }

    @Override
    boolean driverLogsToTheApplication() {
        return false;
    }

    @Override
    String databaseLogLine() {
        return "database: the container's DataSource java:comp/env/jdbc/club";
    }
}
