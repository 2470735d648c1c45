package io.claimguard.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.claimguard.filter.revocation.InMemoryRevocations;
import io.claimguard.filter.token.TokenVerifier;
import io.claimguard.filter.token.VerifierStats;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is optional: the filter's classes, loaded afresh from this test's class path less
 * Micrometer, build a verifier and a filter with the default stats and verify a token (revocation
 * looked up and counted) with no missing-class error.
 */
class WithoutMicrometerTest {
    /** Runs inside the class loader without Micrometer. */
    public static final class Probe {
        public static String verify() {
            TokenVerifier verifier = Fixture.verifier().revocations(new InMemoryRevocations(Fixture.CLOCK)).build();
            JwtAuthFilter.builder(verifier).build();
            verifier.stats().accepted();
            verifier.stats().rejected(io.claimguard.filter.token.RejectionReason.EXPIRED, true);
            String sub = verifier.verify(Fixture.rs256(Fixture.claims(Fixture.RSA_ISS, "")), null).subject().id();
            return sub + " " + (verifier.stats() == VerifierStats.NONE ? "none" : verifier.stats().getClass().getSimpleName());
        }
    }

    @Test
    void verifierAndFilterWork_whenMicrometerIsNotOnTheClassPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains("micrometer")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> isolated.loadClass("io.micrometer.core.instrument.MeterRegistry"));
            Object result = isolated.loadClass(Probe.class.getName()).getMethod("verify").invoke(null);
            assertEquals("alice none", result);
        }
        assertEquals("MicrometerVerifierStats", VerifierStats.fromClassPath().getClass().getSimpleName(),
                "with Micrometer present, the global registry is used");
    }
}
