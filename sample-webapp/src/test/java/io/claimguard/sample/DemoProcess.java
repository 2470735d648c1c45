package io.claimguard.sample;

import io.claimguard.core.Mode;
import io.claimguard.sample.demo.Persona;
import io.claimguard.sample.launcher.DemoServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The demo started exactly as {@link DemoServer#start} starts it, in a JVM of its own: for tests
 * that need an instance to themselves. The demo's configuration is its JVM's (system properties,
 * logging, drivers), so a demo in another mode cannot share the tests' JVM; and the audit trail
 * counts repeated events instead of writing them again, so only a log that no other test writes
 * to shows each decision's one event.
 *
 * <p>The other JVM runs {@link #main} on this JVM's class path, writes under
 * {@code target/demo-process-*} (its console in {@code console.log}), and stops when its standard
 * input closes: on {@link #close}, or when this JVM ends.
 */
final class DemoProcess implements AutoCloseable {
    private static final String LISTENING = "demo-process listening:";
    private static final long START_SECONDS = 120;

    private final Process process;
    private final URI base;
    private final Path logFile;
    private final Thread console;

    private DemoProcess(Process process, URI base, Path logFile, Thread console) {
        this.process = process;
        this.base = base;
        this.logFile = logFile;
        this.console = console;
    }

    /** Starts the demo with its policy in {@code mode} and returns once it answers requests. */
    static DemoProcess start(Mode mode) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "demo-process-").toAbsolutePath();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                DemoProcess.class.getName(), mode.code(), work.toString()))
                .redirectErrorStream(true)
                .start();
        CompletableFuture<String> listening = new CompletableFuture<>();
        Path consoleLog = work.resolve("console.log");
        Thread console = new Thread(() -> copyConsole(process, consoleLog, listening), "demo-process-console");
        console.setDaemon(true);
        console.start();
        try {
            String[] where = listening.get(START_SECONDS, TimeUnit.SECONDS).split("\t");
            return new DemoProcess(process, URI.create(where[0]), Path.of(where[1]), console);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the demo did not start in its own JVM; its console is in " + consoleLog, e);
        }
    }

    /** Copies the other JVM's console to {@code log}, and hands on the line that says where it listens. */
    private static void copyConsole(Process process, Path log, CompletableFuture<String> listening) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(LISTENING)) {
                    listening.complete(line.substring(LISTENING.length()));
                }
                out.write(line);
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        listening.completeExceptionally(new IOException("the demo's JVM ended"));
    }

    /** {@code http://127.0.0.1:PORT} */
    URI base() {
        return base;
    }

    /** The application's log, as its %redact logging writes it. */
    Path logFile() {
        return logFile;
    }

    /** A fresh token for {@code persona}; {@code options} as for {@link DemoServer#token(URI, Persona, String...)}. */
    String token(Persona persona, String... options) throws IOException, InterruptedException {
        return DemoServer.token(base, persona, options);
    }

    /** Closes the other JVM's standard input, which stops the demo, and waits for it to end. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        console.join(TimeUnit.SECONDS.toMillis(10));
    }

    /** In the other JVM: {@code MODE WORK}. */
    public static void main(String[] args) throws Exception {
        Mode mode = Mode.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
        try (DemoServer demo = DemoServer.start(0, Path.of(args[1]), mode)) {
            System.out.println(LISTENING + demo.base() + "\t" + demo.logFile().toAbsolutePath());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the starting JVM closes this one's standard input
            }
        }
    }
}
