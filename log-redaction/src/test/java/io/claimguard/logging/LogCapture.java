package io.claimguard.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real Logback pipeline for tests: a LoggerContext configured from a logback XML in the test
 * resources, whose file appender writes to a temporary file ({@code ${logFile}}). Each test
 * reads back exactly what a user's log file would hold.
 */
final class LogCapture implements AutoCloseable {

    private final LoggerContext context;
    private final Path file;
    private long read;

    private LogCapture(LoggerContext context, String resource, Map<String, String> properties) {
        this.context = context;
        context.reset();
        try {
            file = Files.createTempFile("claimguard-redaction", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.setMDCAdapter(MDC.getMDCAdapter()); // the adapter org.slf4j.MDC writes to
        context.putProperty("logFile", file.toString());
        properties.forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try (InputStream xml = LogCapture.class.getResourceAsStream("/" + resource)) {
            configurator.doConfigure(xml);
        } catch (IOException | JoranException e) {
            throw new IllegalStateException("cannot configure Logback from " + resource, e);
        }
    }

    static LogCapture of(String resource) {
        return of(resource, Map.of());
    }

    static LogCapture of(String resource, Map<String, String> properties) {
        return new LogCapture(new LoggerContext(), resource, properties);
    }

    /**
     * The context SLF4J is bound to, reconfigured from {@code resource}: for libraries that log
     * through {@code LoggerFactory} themselves (p6spy). Reset again on close.
     */
    static LogCapture ofSlf4jContext(String resource) {
        return new LogCapture((LoggerContext) LoggerFactory.getILoggerFactory(), resource, Map.of());
    }

    Logger logger() {
        return context.getLogger("test");
    }

    LoggerContext context() {
        return context;
    }

    /** What was written since the last call. */
    String take() {
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer fresh = ByteBuffer.allocate(Math.toIntExact(channel.size() - read));
            channel.read(fresh, read);
            read += fresh.position();
            return new String(fresh.array(), 0, fresh.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String all() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Error messages in Logback's status (configuration problems, redaction failures). */
    List<String> errors() {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == Status.ERROR)
                .map(Status::getMessage)
                .collect(Collectors.toList());
    }

    @Override
    public void close() {
        context.reset();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
