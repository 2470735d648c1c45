package io.claimguard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What claimguard-all holds, and what it must not. */
class AllJarContentTest {

    private static final String OURS = "io/claimguard/";
    private static JarFile jar;

    @BeforeAll
    static void open() throws IOException {
        jar = new JarFile(Layout.claimGuardAll().toFile());
    }

    @AfterAll
    static void close() throws IOException {
        jar.close();
    }

    @Test
    void everyClassAndResourceLivesUnderIoClaimguard() {
        List<String> foreign = new ArrayList<>();
        jar.stream().map(ZipEntry::getName)
                .filter(name -> !name.endsWith("/") && !name.startsWith(OURS))
                .filter(name -> name.endsWith(".class") || !name.startsWith("META-INF/"))
                .forEach(foreign::add);
        assertTrue(foreign.isEmpty(), foreign.size() + " unrelocated entries, first " + foreign.subList(0, Math.min(10, foreign.size())));
        assertNotNull(jar.getEntry("io/claimguard/internal/shaded/com/fasterxml/jackson/databind/ObjectMapper.class"));
        assertNotNull(jar.getEntry("io/claimguard/internal/shaded/com/google/i18n/phonenumbers/data/PhoneNumberMetadataProto_US"));
    }

    @Test
    void whatTheApplicationOrContainerSuppliesIsNotInside() {
        for (String provided : List.of("org/slf4j/", "ch/qos/logback/", "jakarta/servlet/", "io/claimguard/internal/shaded/org/slf4j/")) {
            assertTrue(jar.stream().noneMatch(entry -> entry.getName().startsWith(provided)), provided);
        }
    }

    @Test
    void serviceFilesAreMergedAndNameClassesInside() throws IOException {
        assertEquals(List.of("io.claimguard.jdbc.ClaimGuardDriver"), services("java.sql.Driver"));
        assertEquals(List.of("io.claimguard.filter.ClaimGuardInitializer", "io.claimguard.jdbc.web.DriverRegistration",
                "io.claimguard.jdbc.web.StartUpMark"),
                services("jakarta.servlet.ServletContainerInitializer").stream().sorted().toList());
        assertEquals(List.of("io.claimguard.internal.shaded.com.fasterxml.jackson.core.JsonFactory"),
                services("io.claimguard.internal.shaded.com.fasterxml.jackson.core.JsonFactory"));
        List<String> files = jar.stream().map(ZipEntry::getName)
                .filter(name -> name.startsWith("META-INF/services/") && !name.endsWith("/")).toList();
        for (String file : files) {
            String service = file.substring("META-INF/services/".length());
            assertTrue(service.startsWith("java.") || service.startsWith("jakarta.") || service.startsWith("io.claimguard."), file);
            for (String implementation : services(service)) {
                assertNotNull(jar.getEntry(implementation.replace('.', '/') + ".class"), file + " names " + implementation);
            }
        }
    }

    @Test
    void everyBundledLibraryHasItsLicenceAndANoticeRow() throws IOException {
        String notice = text("META-INF/third-party/NOTICE");
        Set<String> bundled = new TreeSet<>();
        jar.stream().map(ZipEntry::getName)
                .filter(name -> name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties"))
                .forEach(bundled::add);
        int thirdParty = 0;
        for (String file : bundled) {
            Properties coordinates = new Properties();
            try (InputStream in = jar.getInputStream(jar.getEntry(file))) {
                coordinates.load(in);
            }
            if (coordinates.getProperty("groupId").equals("io.claimguard")) {
                continue;
            }
            thirdParty++;
            String library = coordinates.getProperty("groupId") + ":" + coordinates.getProperty("artifactId");
            String row = notice.lines().filter(line -> line.startsWith(library + " ")).findFirst().orElse(null);
            assertNotNull(row, library + " has no row in the NOTICE");
            String[] columns = row.trim().split("\\s+");
            String folder = columns[columns.length - 1];
            assertNotNull(jar.getEntry("META-INF/third-party/" + folder + "/LICENSE"), library + ": no LICENSE in " + folder);
        }
        assertTrue(thirdParty > 0, "no bundled library's pom.properties found");
        assertNotNull(jar.getEntry("META-INF/third-party/snakeyaml-engine/LICENSE"));
        assertNotNull(jar.getEntry("META-INF/third-party/jackson-core/NOTICE"));
        assertNotNull(jar.getEntry("META-INF/third-party/jackson-core/FastDoubleParser-NOTICE"));
    }

    /** A new relocation means a new library inside: this list, and the NOTICE, must then name it. */
    @Test
    void theRelocatedPackagesAreTheKnownLibraries() {
        Set<String> roots = new TreeSet<>();
        String shaded = OURS + "internal/shaded/";
        jar.stream().map(ZipEntry::getName).filter(name -> name.startsWith(shaded) && name.endsWith(".class"))
                .map(name -> name.substring(shaded.length()).split("/"))
                // up to three package levels, fewer where a library's classes sit higher (org/json)
                .forEach(path -> roots.add(String.join("/", java.util.Arrays.copyOf(path, Math.min(3, path.length - 1)))));
        assertEquals(Set.of("com/auth0/jwt", "com/auth0/jwk", "com/fasterxml/jackson", "com/github/benmanes",
                "com/google/errorprone", "com/google/gson", "com/google/i18n", "net/sf/jsqlparser", "org/apache/commons",
                "org/jspecify/annotations", "org/json", "redis/clients/authentication", "redis/clients/jedis"), roots);
    }

    @Test
    void noLibraryFileSitsAtTheTopOfMetaInf() {
        assertFalse(jar.stream().anyMatch(entry -> entry.getName().matches("META-INF/[^/]*(LICENSE|NOTICE)[^/]*")),
                "licence files belong in META-INF/third-party/<library>/");
    }

    private static List<String> services(String service) throws IOException {
        return text("META-INF/services/" + service).lines()
                .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static String text(String entry) throws IOException {
        ZipEntry found = jar.getEntry(entry);
        assertNotNull(found, entry);
        try (InputStream in = jar.getInputStream(found)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
