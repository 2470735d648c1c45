package io.claimguard.filter.revocation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script run by its SHA-1 ({@code EVALSHA}), so that each call sends a few bytes instead of
 * the text. Redis forgets scripts when it restarts; the first call after that gets
 * {@code NOSCRIPT}, loads the text and runs again.
 */
final class Script {
    private final String text;
    private final String sha;

    Script(String text) {
        this.text = text;
        try {
            this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            return redis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            load(redis);
            return redis.evalsha(sha, keys, args);
        }
    }

    /** Queues a run on a pipeline; a {@code NOSCRIPT} reply shows when the response is read (see {@link #isMissing}). */
    Response<Object> queue(AbstractPipeline pipeline, List<String> keys, List<String> args) {
        return pipeline.evalsha(sha, keys, args);
    }

    void load(UnifiedJedis redis) {
        redis.scriptLoad(text);
    }

    /** Whether a pipelined reply failed because Redis does not know the script (it restarted). */
    static boolean isMissing(JedisDataException e) {
        return e instanceof JedisNoScriptException || (e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT"));
    }
}
