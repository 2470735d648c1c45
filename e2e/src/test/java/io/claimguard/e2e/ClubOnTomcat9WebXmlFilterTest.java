package io.claimguard.e2e;

import java.io.IOException;

/**
 * The javax club on Tomcat 9 with claimguard-all-javax and the filter declared in its
 * {@code web.xml} of version 2.5, as the README shows (without {@code async-supported}, which
 * Servlet 2.5 does not know): the declared filter guards the application, and is not registered
 * a second time.
 */
class ClubOnTomcat9WebXmlFilterTest extends ClubAppTest {

    static final String DECLARATION = """
              <filter>
                <filter-name>claimguard-jwt</filter-name>
                <filter-class>io.claimguard.filter.JwtAuthFilter</filter-class>
              </filter>
              <filter-mapping>
                <filter-name>claimguard-jwt</filter-name>
                <url-pattern>/*</url-pattern>
              </filter-mapping>

              <listener>""";

    @Override
    AppDeployment.Setup setup() {
        return AppDeployment.Setup.on(Tomcat.Distribution.TOMCAT_9, AppDeployment.Install.CLAIMGUARD_ALL_JAVAX);
    }

    @Override
    void change(War war) throws IOException {
        war.replaceOnce("/WEB-INF/web.xml", "  <listener>", DECLARATION);
    }

    @Override
    String databaseLogLine() {
        return "database: DriverManager with jdbc:claimguard:h2:mem:club";
    }
}
