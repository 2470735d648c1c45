package io.claimguard.filter;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Redis for the tests. The shared server at 127.0.0.1:6379 is used only under a key prefix of the
 * test's own and never flushed: other runs use it at the same time. Tests that stop Redis start
 * a {@link OwnServer} of their own. A missing server skips the test, or fails it under
 * {@code CLAIMGUARD_REQUIRE_SERVICES=true}.
 */
final class TestRedis {
    static final String SHARED_URL = "redis://127.0.0.1:6379/0";
    private static final String SERVER_BINARY = "/usr/bin/redis-server";

    private TestRedis() {
    }

    static void assumeShared() {
        if (!answers(SHARED_URL)) {
            unavailable("Redis at 127.0.0.1:6379 does not answer");
        }
    }

    /** A key prefix no other test or run uses. */
    static String uniquePrefix() {
        return "claimguard-test:" + UUID.randomUUID() + ":";
    }

    /** A client of the shared server, for what tests look at directly. */
    static RedisClient shared() {
        return RedisClient.create("127.0.0.1", 6379);
    }

    /** How many clients of the shared server listen on {@code channel}. */
    static long subscribers(String channel) {
        try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
            return redis.pubsubNumSub(channel).get(channel);
        }
    }

    /** Deletes the keys under {@code prefix} on the shared server, and nothing else. */
    static void deleteAll(String prefix) {
        try (RedisClient redis = shared()) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = redis.scan(cursor, new ScanParams().match(prefix + "*").count(1000));
                if (!page.getResult().isEmpty()) {
                    redis.del(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
    }

    static boolean answers(String url) {
        try (RedisClient redis = RedisClient.create(url)) {
            redis.ping();
            return true;
        } catch (JedisException e) {
            return false;
        }
    }

    /**
     * Polls {@code condition} until it holds or {@code limit} passes.
     *
     * @return how long it took
     */
    static Duration await(Duration limit, String what, BooleanSupplier condition) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > limit.toNanos()) {
                fail(what + " did not happen within " + limit.toMillis() + " ms");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** A loopback port nothing listens on (at the time of asking). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unavailable(String why) {
        if ("true".equals(System.getenv("CLAIMGUARD_REQUIRE_SERVICES"))) {
            fail(why + " (required: CLAIMGUARD_REQUIRE_SERVICES=true)");
        }
        Assumptions.abort(why + "; skipped");
    }

    /**
     * A redis-server of the test's own on a free loopback port, without persistence, so that the
     * test can stop it and start it again on the same port.
     */
    static final class OwnServer implements AutoCloseable {
        private final int port;
        private final String password;
        private final Path dir;
        private Process process;

        private OwnServer(int port, String password) throws IOException {
            this.port = port;
            this.password = password;
            this.dir = Files.createTempDirectory("claimguard-redis");
        }

        /** Starts one; {@code password} (or null) is required by the server. */
        static OwnServer start(String password) throws IOException {
            if (!new File(SERVER_BINARY).canExecute()) {
                unavailable(SERVER_BINARY + " is not installed");
            }
            OwnServer server = new OwnServer(freePort(), password);
            server.start();
            return server;
        }

        int port() {
            return port;
        }

        /** The URL with the password in it. */
        String url() {
            return "redis://" + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port + "/0";
        }

        void start() throws IOException {
            List<String> command = new ArrayList<>(List.of(SERVER_BINARY, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString()));
            if (password != null) {
                command.addAll(List.of("--requirepass", password));
            }
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile()).start();
            await(Duration.ofSeconds(10), "redis-server on port " + port + " answering", () -> answers(url()));
        }

        /** Kills the server at once, as a crash would; connections drop without a goodbye. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        @Override
        public void close() throws Exception {
            if (process != null && process.isAlive()) {
                kill();
            }
        }
    }
}
