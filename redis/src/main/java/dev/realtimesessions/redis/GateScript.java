package dev.realtimesessions.redis;

import dev.realtimesessions.RateGateState;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import reactor.core.publisher.Mono;

/**
 * The shared rate gate's one round trip: a Lua script that publishes a state on the channel and
 * keeps, in the credential's key, the latest state that still applies: a state whose {@code until}
 * is later replaces the one kept; one whose {@code until} is not later is dropped, unless both are
 * rates (not holds), when the newer rate is kept with the later {@code until}. The key expires at
 * its {@code until} ({@code PXAT}, Redis 6.2 or later). Sent as {@code EVALSHA}, and whole
 * ({@code EVAL}) when Redis answers {@code NOSCRIPT}, as {@link QuotaScript} is.
 */
final class GateScript {

    /**
     * KEYS[1]: the credential's key; ARGV[1]: the state ({@link GateStateFormat}); ARGV[2]: its
     * until, µs; ARGV[3]: 1 for a rate, 0 for a hold; ARGV[4]: the channel; ARGV[5]: its until, ms,
     * rounded up. 1 if the key now holds the state, 0 if it kept the one it had.
     */
    static final String SOURCE = """
            redis.call('PUBLISH', ARGV[4], ARGV[1])
            local current = redis.call('GET', KEYS[1])
            if current then
              local interval, kept = string.match(current, '^1;[^;]*;%d+;(%d+);(%d+);')
              if kept and tonumber(ARGV[2]) <= tonumber(kept) then
                if ARGV[3] == '1' and interval ~= '0' then
                  local newer = string.gsub(ARGV[1], '^(1;[^;]*;%d+;%d+;)%d+', '%1' .. kept)
                  redis.call('SET', KEYS[1], newer, 'KEEPTTL')
                  return 1
                end
                return 0
              end
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PXAT', ARGV[5])
            return 1
            """;

    static final String SHA1 = QuotaScript.sha1(SOURCE);

    private GateScript() {
    }

    /** Publishes {@code state} on {@code channel} and keeps it in {@code key} if it is the later; errors as Redis reports them. */
    static Mono<Long> publish(RedisConnection connection, String key, String channel, RateGateState state) {
        String[] keys = {key};
        long untilMicros = GateStateFormat.untilMicros(state);
        String[] args = {GateStateFormat.write(state), Long.toString(untilMicros), state.isHold() ? "0" : "1", channel,
                Long.toString(Math.max(1, Math.floorDiv(untilMicros + 999, 1_000L)))};
        return connection.send(commands -> commands.<Long>evalsha(SHA1, ScriptOutputType.INTEGER, keys, args))
                .onErrorResume(RedisNoScriptException.class, e -> connection.send(
                        commands -> commands.<Long>eval(SOURCE, ScriptOutputType.INTEGER, keys, args)))
                .single();
    }
}
