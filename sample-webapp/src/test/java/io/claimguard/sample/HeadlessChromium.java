package io.claimguard.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Debian's chromium, headless, driven over the Chrome DevTools Protocol on one WebSocket
 * (java.net.http). Every wait is for a message from the browser (a reply, an event, the
 * DevToolsActivePort file appearing), bounded by {@link #TIMEOUT}.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final Path output;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final List<EventWait> eventWaits = new CopyOnWriteArrayList<>();
    private final WebSocket socket;
    private CompletableFuture<Void> exitMarked;

    /** Starts loading a page; returns Page.navigate's error text, empty when there is none. */
    @FunctionalInterface
    private interface Navigation {
        String start() throws Exception;
    }

    private record EventWait(String sessionId, String method, Predicate<JsonNode> matches, CompletableFuture<JsonNode> event) {
    }

    private HeadlessChromium(Process process, Path profile, Path output) throws Exception {
        this.process = process;
        this.profile = profile;
        this.output = output;
        List<String> active = devToolsActivePort();
        URI endpoint = URI.create("ws://127.0.0.1:" + active.get(0).trim() + active.get(1).trim());
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(endpoint, new Listener())
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Starts chromium with a new, empty profile; its output goes to a file beside the profile. */
    static HeadlessChromium launch() throws Exception {
        Path profile = Files.createTempDirectory("claimguard-chromium-");
        Path output = Files.createTempFile("claimguard-chromium-", ".log");
        Process process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            return new HeadlessChromium(process, profile, output);
        } catch (Exception e) {
            process.destroyForcibly().waitFor();
            throw e;
        }
    }

    /** A new tab, with a viewport of {@code width} x {@code height}. */
    Tab openTab(int width, int height) throws Exception {
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
        String session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true)).get("sessionId").asText();
        Tab tab = new Tab(session);
        tab.call("Page.enable", Map.of());
        tab.call("Page.setLifecycleEventsEnabled", Map.of("enabled", true));
        tab.call("Network.enable", Map.of());
        tab.call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return tab;
    }

    /** One tab, attached in flat mode: its commands and events carry its session id. */
    final class Tab {
        private final String session;

        private Tab(String session) {
            this.session = session;
        }

        JsonNode call(String method, Map<String, Object> params) throws Exception {
            return HeadlessChromium.this.call(session, method, params);
        }

        /** Sends these headers with every request the tab makes from now on. */
        void setHeaders(Map<String, String> headers) throws Exception {
            call("Network.setExtraHTTPHeaders", Map.of("headers", headers));
        }

        /** Opens {@code url}, waits for its load event (if it has a page to load), and returns the document's HTTP status. */
        int navigate(URI url) throws Exception {
            return loadDocument(() -> {
                JsonNode navigation = call("Page.navigate", Map.of("url", url.toString()));
                return navigation.path("errorText").asText("");
            });
        }

        /** Runs JavaScript that leaves the page (a form submission), then waits as {@link #navigate} does. */
        int leaveBy(String expression) throws Exception {
            return loadDocument(() -> {
                evaluate(expression);
                return "";
            });
        }

        private int loadDocument(Navigation navigation) throws Exception {
            CompletableFuture<JsonNode> document = nextEvent(session, "Network.responseReceived",
                    event -> "Document".equals(event.path("type").asText()));
            // The load of this document, not a late one of the page before (the tab's first about:blank):
            // events arrive in order, so its response has been seen by the time its load comes.
            CompletableFuture<JsonNode> loaded = nextEvent(session, "Page.lifecycleEvent",
                    event -> "load".equals(event.path("name").asText()) && document.isDone()
                            && document.join().path("loaderId").asText().equals(event.path("loaderId").asText()));
            String error = navigation.start();
            // An error status with an empty body is reported as a failed navigation, but it did get a response.
            if (!error.isEmpty() && !error.equals("net::ERR_HTTP_RESPONSE_CODE_FAILURE")) {
                throw new IOException("chromium could not load the page: " + error);
            }
            if (error.isEmpty()) {
                loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            return document.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).path("response").path("status").asInt();
        }

        /** The value of a JavaScript expression evaluated in the page. */
        String evaluate(String expression) throws Exception {
            JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
            if (result.has("exceptionDetails")) {
                throw new IllegalStateException(expression + " threw: " + result.get("exceptionDetails"));
            }
            return result.path("result").path("value").asText();
        }

        /** The value of a JavaScript expression that yields a promise, once the promise settles. */
        String await(String expression) throws Exception {
            JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                    "awaitPromise", true));
            if (result.has("exceptionDetails")) {
                throw new IllegalStateException(expression + " threw: " + result.get("exceptionDetails"));
            }
            return result.path("result").path("value").asText();
        }

        void screenshot(Path file) throws Exception {
            String png = call("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode(png));
        }
    }

    private JsonNode call(String session, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        socket.sendText(message.toString(), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode answer = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    /** Registered before the command that causes the event, so that it cannot be missed. */
    private CompletableFuture<JsonNode> nextEvent(String session, String method, Predicate<JsonNode> matches) {
        EventWait wait = new EventWait(session, method, matches, new CompletableFuture<>());
        eventWaits.add(wait);
        return wait.event.whenComplete((event, failure) -> eventWaits.remove(wait));
    }

    private void received(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("chromium sent something that is not JSON", e);
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = replies.remove(message.get("id").asInt());
            if (reply != null) {
                reply.complete(message);
            }
            return;
        }
        String method = message.path("method").asText();
        String session = message.path("sessionId").asText(null);
        for (EventWait wait : eventWaits) {
            if (wait.method.equals(method) && Objects.equals(wait.sessionId, session)
                    && wait.matches.test(message.path("params"))) {
                wait.event.complete(message.path("params"));
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                received(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            IllegalStateException closed = new IllegalStateException("the DevTools connection failed", error);
            replies.values().forEach(reply -> reply.completeExceptionally(closed));
            eventWaits.forEach(wait -> wait.event.completeExceptionally(closed));
        }
    }

    /**
     * Waits for chromium to write the port and path of its DevTools endpoint into the profile:
     * woken by the file system on each change in the profile folder, chromium's exit included
     * (a marker file is created then).
     */
    private List<String> devToolsActivePort() throws Exception {
        Path file = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            profile.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            exitMarked = process.onExit().thenRun(() -> {
                try {
                    Files.createFile(profile.resolve("exited"));
                } catch (IOException e) {
                    // the wait below then ends at its deadline
                }
            });
            while (true) {
                if (Files.exists(file)) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    if (lines.size() >= 2 && !lines.get(1).isBlank()) {
                        return lines;
                    }
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("chromium exited with " + process.exitValue()
                            + " before its DevTools endpoint was up:\n" + Files.readString(output));
                }
                WatchKey key = watch.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (key == null) {
                    throw new IllegalStateException("chromium wrote no DevToolsActivePort within " + TIMEOUT + ":\n"
                            + Files.readString(output));
                }
                key.pollEvents();
                key.reset();
            }
        }
    }

    /**
     * Ends chromium and the helper processes it started (forcibly if they do not stop within the
     * timeout), then deletes its profile: a helper still running could otherwise write into the
     * profile while it is being deleted.
     */
    @Override
    public void close() throws IOException {
        socket.abort();
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        try {
            end(process.toHandle());
            for (ProcessHandle helper : helpers) {
                helper.destroy();
                end(helper);
            }
            exitMarked.join();   // its marker file is in the profile, which goes next
        } catch (InterruptedException e) {
            process.destroyForcibly();
            helpers.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        Files.deleteIfExists(output);
    }

    private static void end(ProcessHandle handle) throws InterruptedException {
        try {
            handle.onExit().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            handle.destroyForcibly();
            handle.onExit().join();
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for process " + handle.pid(), e);
        }
    }
}
