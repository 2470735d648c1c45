package io.claimguard.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Micrometer is optional: the driver, loaded afresh from this test's class path less Micrometer,
 * connects (which looks for Micrometer and sets up its meters), masks and audits, with no
 * missing-class error.
 */
class WithoutMicrometerTest {
    @TempDir
    Path configDir;

    @Test
    void driverWorks_whenMicrometerIsNotOnTheClassPath() throws Exception {
        AuditEventsTest.createTables();
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains("micrometer")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        Path file = configDir.resolve("no-micrometer.yaml");
        Files.writeString(file, AuditEventsTest.POLICY.formatted(0), StandardCharsets.UTF_8);
        String previous = ConfigProperty.set(file.toString());
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> isolated.loadClass("io.micrometer.core.instrument.MeterRegistry"));
            Driver driver = (Driver) isolated.loadClass(ClaimGuardDriver.class.getName()).getConstructor().newInstance();
            Class<?> subjectType = isolated.loadClass("io.claimguard.core.Subject");
            Object agent = subjectType.getMethod("fromClaims", Map.class).invoke(null, Map.of("sub", "agent-7"));
            Class<?> context = isolated.loadClass("io.claimguard.core.GuardContext");
            try (AutoCloseable scope = (AutoCloseable) context.getMethod("open", subjectType).invoke(null, agent);
                 Connection c = driver.connect(AuditEventsTest.URL, new Properties());
                 PreparedStatement s = c.prepareStatement(AuditEventsTest.SELECT_ROW)) {
                s.setInt(1, AuditEventsTest.ID);
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("*******6789", rs.getString("ssn"));
                }
            }
        } finally {
            ConfigProperty.restore(previous);
        }
    }
}
