package io.claimguard.sample;

import io.claimguard.sample.launcher.DemoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the running demo: one {@link DemoServer} per test run, started exactly as the demo
 * command starts it (on any free port, writing under {@code target/demo-test-*}), and stopped when
 * the run ends.
 */
public final class DemoFixture implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DemoFixture.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DemoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(DemoServer.class, type -> {
            try {
                return DemoServer.start(0, Files.createTempDirectory(Path.of("target"), "demo-test-"));
            } catch (Exception e) {
                throw new IllegalStateException("the demo did not start", e);
            }
        }, DemoServer.class);
    }
}
