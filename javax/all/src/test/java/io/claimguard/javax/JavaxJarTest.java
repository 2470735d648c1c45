package io.claimguard.javax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimguard.filter.JwtAuthFilter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import javax.servlet.Filter;
import javax.servlet.ServletContainerInitializer;
import org.junit.jupiter.api.Test;

/**
 * What claimguard-all-javax holds, on a class path with the javax.servlet API and without the
 * jakarta one, as in Tomcat 9: its servlet-facing classes are javax ones, the container finds its
 * initializers, and no class names a jakarta.servlet type anywhere.
 */
class JavaxJarTest {

    @Test
    void theClassPathIsAJavaxContainers() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("jakarta.servlet.Filter"));
    }

    @Test
    void theFilterIsAJavaxFilter() {
        assertTrue(Filter.class.isAssignableFrom(JwtAuthFilter.class));
    }

    @Test
    void theContainerFindsTheInitializers() {
        List<String> found = ServiceLoader.load(ServletContainerInitializer.class).stream()
                .map(provider -> provider.type().getName()).sorted().toList();
        assertEquals(List.of("io.claimguard.filter.ClaimGuardInitializer", "io.claimguard.jdbc.web.DriverRegistration",
                "io.claimguard.jdbc.web.StartUpMark"), found);
    }

    @Test
    void noClassOrResourceNamesJakartaServlet() throws IOException, URISyntaxException {
        Path classes = Path.of(JwtAuthFilter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> naming;
        try (Stream<Path> files = Files.walk(classes)) {
            naming = files.filter(Files::isRegularFile).filter(JavaxJarTest::namesJakartaServlet)
                    .map(file -> classes.relativize(file).toString()).toList();
        }
        assertEquals(List.of(), naming);
        assertTrue(Files.exists(classes.resolve("META-INF/services/javax.servlet.ServletContainerInitializer")));
    }

    private static boolean namesJakartaServlet(Path file) {
        try {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            return content.contains("jakarta/servlet") || content.contains("jakarta.servlet")
                    || file.getFileName().toString().startsWith("jakarta.");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
