package io.claimguard.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.claimguard.logging.redaction.Redactor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/** Properties over random lines built from fakes and noise, in every replacement style. */
class RedactionPropertiesTest {

    private static final String HASH = "style=hash, hashKey=0123456789abcdef0123456789abcdef";

    private static List<String[]> randomLines(Random random, int count) {
        Fakes fakes = new Fakes(random);
        List<Supplier<String>> values = List.of(fakes::email, fakes::card, fakes::ssn, fakes::jwt, fakes::iban,
                fakes::phone, fakes::token, () -> "password=" + fakes.secretValue(), () -> "Bearer " + fakes.bearer());
        List<String> noise = List.of("user", "id=42", "2026-11-29T10:00:00Z", "took 12 ms", "\"", "'", "{", "}", ",",
                "=", ":", "@", "+", "(", "-", "v1.2.3", "0x7ffe", "ok.", "\\", "<a>");
        List<String[]> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder line = new StringBuilder();
            String value = values.get(random.nextInt(values.size())).get();
            for (int w = random.nextInt(6); w > 0; w--) {
                line.append(noise.get(random.nextInt(noise.size()))).append(' ');
            }
            line.append(value);
            for (int w = random.nextInt(6); w > 0; w--) {
                line.append(' ').append(noise.get(random.nextInt(noise.size())));
            }
            lines.add(new String[] {line.toString(), value.startsWith("password=") ? value.substring(9)
                    : value.startsWith("Bearer ") ? value.substring(7) : value});
        }
        return lines;
    }

    @Test
    void redactingTwice_equalsRedactingOnce_andNoValueSurvives() {
        for (String options : List.of("style=label", "style=partial", HASH)) {
            try (LogCapture log = LogCapture.of("redact-msg.xml", Map.of("redactOptions", options))) {
                for (String[] line : randomLines(new Random(options.hashCode()), 2_000)) {
                    log.logger().info(line[0]);
                    String once = log.take();
                    once = once.substring(0, once.length() - 1);
                    assertFalse(once.contains(line[1]), options + ": " + line[1] + " survives in " + once);
                    log.logger().info(once);
                    assertEquals(once + "\n", log.take(), options + ": " + line[0]);
                }
            }
        }
    }

    /** Logback formats on the caller's thread: many threads through one converter, each line still its own. */
    @Test
    void concurrentFormatting_keepsEveryLineIntactAndRedacted() throws InterruptedException {
        int threads = 8;
        int perThread = 500;
        try (LogCapture log = LogCapture.of("redact-msg.xml", Map.of("redactOptions", HASH))) {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                workers.add(new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    for (int i = 0; i < perThread; i++) {
                        log.logger().info("thread {} line {} mail user{}x{}@example.com card 4111111111111111", id, i, id, i);
                    }
                }));
            }
            workers.forEach(Thread::start);
            start.countDown();
            for (Thread worker : workers) {
                worker.join();
            }
            String[] lines = log.take().split("\n");
            assertEquals(threads * perThread, lines.length);
            Set<String> emailHashes = new HashSet<>();
            Set<String> cardHashes = new HashSet<>();
            for (String line : lines) {
                String[] words = line.split(" ");
                assertEquals(8, words.length, line);
                assertFalse(line.contains("@") || line.contains("4111"), line);
                emailHashes.add(words[5]);
                cardHashes.add(words[7]);
            }
            assertEquals(1, cardHashes.size(), "one card, one hash, whichever thread hashed it");
            assertEquals(threads * perThread, emailHashes.size() + countCollisions(lines), "distinct emails");
        }
    }

    /** 24-bit hashes of 4,000 values may collide a little; the count above allows for exactly those. */
    private static int countCollisions(String[] lines) {
        Set<String> seen = new HashSet<>();
        int collisions = 0;
        for (String line : lines) {
            if (!seen.add(line.split(" ")[5])) {
                collisions++;
            }
        }
        return collisions;
    }

    /** Redacting a region of a buffer in place gives what redacting it as a String gives, and leaves the rest alone. */
    @Test
    void inPlace_equalsRedactingTheRegionAsAString() {
        for (String options : List.of("style=label", "style=partial", HASH)) {
            Redactor.Builder builder = Redactor.builder();
            for (String option : options.split(", ")) {
                builder.option(option);
            }
            Redactor redactor = builder.build();
            Random random = new Random(options.hashCode());
            for (String[] line : randomLines(random, 2_000)) {
                String prefix = "2026-11-29 INFO [main] email=jane.doe@example.com ".substring(random.nextInt(20));
                StringBuilder buffer = new StringBuilder(prefix).append(line[0]);
                redactor.redact(buffer, prefix.length());
                assertEquals(prefix + redactor.redact(line[0]), buffer.toString(), options);
            }
            StringBuilder clean = new StringBuilder("card 4111111111111111 | took 12 ms at 2026-11-29T10:00:00Z");
            redactor.redact(clean, 22);
            assertEquals("card 4111111111111111 | took 12 ms at 2026-11-29T10:00:00Z", clean.toString(), options);
        }
    }
}
