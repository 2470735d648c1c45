package io.claimguard.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The WAR that {@code mvn package} builds is the plain legacy application: no ClaimGuard class,
 * jar, configuration or URL in it, and no trace of the demo launcher. Runs after packaging
 * (failsafe), on the file the build produced.
 */
class PlainWarIT {
    /** A reference to a ClaimGuard package other than the sample's own, in a class or text file. */
    private static final Pattern CLAIMGUARD_NAME = Pattern.compile("io[/.]claimguard[/.](?!sample[/.](?!launcher))[A-Za-z]");

    private static Path war() {
        return Path.of(System.getProperty("sample.war"));
    }

    @Test
    void classesAndResources_nameNoClaimGuardPackageAndNoLauncher() throws IOException {
        List<String> found = new ArrayList<>();
        int classes = 0;
        try (ZipFile war = new ZipFile(war().toFile())) {
            for (ZipEntry entry : war.stream().toList()) {
                String name = entry.getName();
                // The libraries have their own test; Maven's copy of the pom is build metadata, not code.
                if (name.startsWith("WEB-INF/lib/") || name.startsWith("META-INF/maven/") || entry.isDirectory()) {
                    assertFalse(name.contains("io/claimguard/sample/launcher"), name);
                    continue;
                }
                classes += name.endsWith(".class") ? 1 : 0;
                if (name.startsWith("WEB-INF/classes/io/") && !name.startsWith("WEB-INF/classes/io/claimguard/sample/")
                        || name.startsWith("WEB-INF/classes/io/claimguard/sample/launcher/")
                        || name.endsWith("claimguard.yaml")) {
                    found.add(name);
                }
                try (InputStream in = war.getInputStream(entry)) {
                    Matcher reference = CLAIMGUARD_NAME.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                    if (reference.find()) {
                        found.add(name + " names " + reference.group());
                    }
                }
            }
        }
        assertTrue(classes > 10, "the WAR holds " + classes + " classes");
        assertEquals(List.of(), found);
    }

    @Test
    void libraries_holdNoClaimGuardJarOrClass() throws IOException {
        List<String> found = new ArrayList<>();
        List<String> jars = new ArrayList<>();
        try (ZipFile war = new ZipFile(war().toFile())) {
            for (ZipEntry entry : war.stream().filter(e -> e.getName().startsWith("WEB-INF/lib/")).toList()) {
                String name = entry.getName().substring("WEB-INF/lib/".length());
                if (name.isEmpty()) {
                    continue;
                }
                jars.add(name);
                if (name.toLowerCase(Locale.ROOT).contains("claimguard")) {
                    found.add(name);
                }
                try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(war.getInputStream(entry).readAllBytes()))) {
                    for (ZipEntry inner = jar.getNextEntry(); inner != null; inner = jar.getNextEntry()) {
                        if (inner.getName().startsWith("io/claimguard/")
                                || inner.getName().startsWith("META-INF/services/")
                                && new String(jar.readAllBytes(), StandardCharsets.UTF_8).contains("io.claimguard.")) {
                            found.add(name + "!" + inner.getName());
                        }
                    }
                }
            }
        }
        assertTrue(jars.stream().anyMatch(jar -> jar.startsWith("h2-")), "the WAR's libraries: " + jars);
        assertEquals(List.of(), found);
    }

    @Test
    void webXml_usesThePlainDriverUrl() throws IOException {
        try (ZipFile war = new ZipFile(war().toFile())) {
            String webXml = new String(war.getInputStream(war.getEntry("WEB-INF/web.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(webXml.contains("<param-value>jdbc:p6spy:h2:mem:support;"), webXml);
            assertFalse(webXml.contains("claimguard:"), webXml);
            String logback = new String(war.getInputStream(war.getEntry("WEB-INF/classes/logback.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(logback.contains("redact"), logback);
        }
    }
}
