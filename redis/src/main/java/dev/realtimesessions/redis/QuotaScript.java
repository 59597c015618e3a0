package dev.realtimesessions.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import reactor.core.publisher.Mono;

/**
 * The quota's one round trip: a Lua script that takes one from a user's count in a window if the
 * count is below the limit, and gives a new count its expiry. Redis runs a script atomically, so
 * replicas calling it at once never grant more than the limit together. Sent by its SHA-1
 * ({@code EVALSHA}); a server that does not have it yet (a new or restarted Redis, a flushed script
 * cache) answers {@code NOSCRIPT}, and the script is then sent whole ({@code EVAL}), which also
 * caches it for the next call.
 */
final class QuotaScript {

    /** KEYS[1]: the count; ARGV[1]: the limit; ARGV[2]: milliseconds until the window ends. 1 granted, 0 refused. */
    static final String SOURCE = """
            local used = tonumber(redis.call('GET', KEYS[1]) or '0')
            if used >= tonumber(ARGV[1]) then
              return 0
            end
            if redis.call('INCR', KEYS[1]) == 1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 1
            """;

    static final String SHA1 = sha1(SOURCE);

    private QuotaScript() {
    }

    /** Whether one was taken from the count at {@code key}; errors as Redis or Lettuce report them. */
    static Mono<Boolean> tryAcquire(RedisConnection connection, String key, int limit, long untilWindowEndMillis) {
        String[] keys = {key};
        String max = Integer.toString(limit);
        String ttl = Long.toString(Math.max(1, untilWindowEndMillis));
        return connection.send(commands -> commands.<Long>evalsha(SHA1, ScriptOutputType.INTEGER, keys, max, ttl))
                .onErrorResume(RedisNoScriptException.class, e -> connection.send(
                        commands -> commands.<Long>eval(SOURCE, ScriptOutputType.INTEGER, keys, max, ttl)))
                .single()
                .map(granted -> granted == 1L);
    }

    static String sha1(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
