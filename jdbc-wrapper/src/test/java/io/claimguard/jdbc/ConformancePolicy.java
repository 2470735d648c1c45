package io.claimguard.jdbc;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class under {@code conformance.yaml}, found the way users configure it (the
 * {@code claimguard.config} system property), and puts the property back afterwards.
 * Use with {@code @ExtendWith(ConformancePolicy.class)}.
 */
final class ConformancePolicy implements BeforeAllCallback, AfterAllCallback {
    static final String LOCATION = "classpath:conformance.yaml";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConformancePolicy.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        String previous = ConfigProperty.set(LOCATION);
        context.getStore(NAMESPACE).put("previous", previous == null ? "" : previous);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        String previous = context.getStore(NAMESPACE).get("previous", String.class);
        ConfigProperty.restore(previous == null || previous.isEmpty() ? null : previous);
    }
}
