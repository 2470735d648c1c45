package io.claimguard.e2e;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent clients against a running deployment, each its own HTTP client with one token per
 * persona, each request for a random persona: a customer, the list or a search, as JSON or as a
 * page. Every answer is compared with the view its persona must get; one that matches another
 * persona's view instead is counted apart.
 */
final class LoadRun {

    private static final int EXAMPLES = 5;

    /** The outcome: counts, wall time, and the first few failures for the message. */
    record Result(int requests, int serverErrors, int otherStatus, int otherPersonasView, int wrongView,
                  double seconds, List<String> examples) {

        double requestsPerSecond() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "%d requests in %.1f s (%.0f requests/s): %d 5xx, %d other non-200, %d showing another persona's view, %d wrong view",
                    requests, seconds, requestsPerSecond(), serverErrors, otherStatus, otherPersonasView, wrongView);
        }
    }

    /** What a request asks for. */
    private enum Kind {
        JSON_ONE("/api/customers/", true), PAGE_ONE("/customers/", false),
        JSON_LIST("/api/customers", true), PAGE_LIST("/customers", false),
        JSON_SEARCH("/api/customers/search?q=", true), PAGE_SEARCH("/customers/search?q=", false);

        final String path;
        final boolean json;

        Kind(String path, boolean json) {
            this.path = path;
            this.json = json;
        }
    }

    /** Point reads most often, as in a support desk; lists and searches now and then. */
    private static final Kind[] MIX = {
        Kind.JSON_ONE, Kind.JSON_ONE, Kind.JSON_ONE, Kind.JSON_ONE, Kind.PAGE_ONE, Kind.PAGE_ONE, Kind.PAGE_ONE,
        Kind.JSON_LIST, Kind.PAGE_LIST, Kind.JSON_SEARCH, Kind.PAGE_SEARCH,
    };

    private final SampleDeployment deployment;
    private final Map<String, Map<String, String>> stored;
    private final List<String> ids;
    private final List<String> cities;
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger otherStatus = new AtomicInteger();
    private final AtomicInteger otherPersonasView = new AtomicInteger();
    private final AtomicInteger wrongView = new AtomicInteger();
    private final Queue<String> examples = new ConcurrentLinkedQueue<>();

    private LoadRun(SampleDeployment deployment, Map<String, Map<String, String>> stored) {
        this.deployment = deployment;
        this.stored = stored;
        this.ids = List.copyOf(stored.keySet());
        this.cities = stored.values().stream().map(row -> row.get("city")).filter(city -> city != null).distinct().toList();
    }

    /** {@code clients} threads share {@code requests} (rounded up to a multiple of clients); reads only. */
    static Result run(SampleDeployment deployment, Map<String, Map<String, String>> stored, int clients, int requests)
            throws InterruptedException {
        return new LoadRun(deployment, stored).run(clients, (requests + clients - 1) / clients);
    }

    private Result run(int clients, int perClient) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            Random random = new Random(client);
            Map<Persona, String> tokens = new EnumMap<>(Persona.class);
            for (Persona persona : Persona.values()) {
                tokens.put(persona, deployment.identityProvider.token(persona));
            }
            SampleApp app = deployment.app(new Http());
            Thread thread = new Thread(() -> {
                try {
                    ready.countDown();
                    go.await();
                    for (int i = 0; i < perClient; i++) {
                        request(app, tokens, random);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    otherStatus.incrementAndGet();
                    example("client failed: " + e);
                } finally {
                    done.countDown();
                }
            }, "load-client-" + client);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(clients * perClient, serverErrors.get(), otherStatus.get(), otherPersonasView.get(), wrongView.get(),
                seconds, List.copyOf(examples));
    }

    private void request(SampleApp app, Map<Persona, String> tokens, Random random) {
        Persona persona = Persona.values()[random.nextInt(Persona.values().length)];
        Kind kind = MIX[random.nextInt(MIX.length)];
        String argument = switch (kind) {
            case JSON_ONE, PAGE_ONE -> ids.get(random.nextInt(ids.size()));
            case JSON_SEARCH, PAGE_SEARCH -> cities.get(random.nextInt(cities.size())).toLowerCase(Locale.ROOT);
            default -> "";
        };
        Map<String, Map<String, String>> rows = switch (kind) {
            case JSON_ONE, PAGE_ONE -> Map.of(argument, stored.get(argument));
            case JSON_SEARCH, PAGE_SEARCH -> Views.searched(stored, argument);
            default -> stored;
        };
        String path = kind.path + (kind == Kind.JSON_SEARCH || kind == Kind.PAGE_SEARCH
                ? SampleApp.encode(argument) : argument);
        HttpResponse<String> response = app.get(path, tokens.get(persona));
        if (response.statusCode() >= 500) {
            serverErrors.incrementAndGet();
            example(persona + " " + path + ": " + response.statusCode());
            return;
        }
        if (response.statusCode() != 200) {
            otherStatus.incrementAndGet();
            example(persona + " " + path + ": " + response.statusCode());
            return;
        }
        String body = response.body();
        Map<String, Map<String, String>> shown = kind.json ? SampleApp.jsonRows(body) : SampleApp.htmlRows(body);
        String who = kind.json ? persona.subject : SampleApp.whoami(body);
        if (persona.subject.equals(who) && shown.equals(Views.of(persona, rows))) {
            return;
        }
        for (Persona other : Persona.values()) {
            if (other != persona && (other.subject.equals(who) || shown.equals(Views.of(other, rows)))) {
                otherPersonasView.incrementAndGet();
                example(persona + " " + path + " was shown " + other + "'s view");
                return;
            }
        }
        wrongView.incrementAndGet();
        example(persona + " " + path + " was shown " + SampleApp.abbreviate(shown.toString()));
    }

    private void example(String text) {
        if (examples.size() < EXAMPLES) {
            examples.add(text);
        }
    }
}
