package dev.realtimesessions.redis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@value #NAME} counter, tagged {@code use} (what needed Redis), {@code mode} (the
 * {@link RedisFailureMode}) and {@code reason} ({@code timeout}, {@code error}, {@code unavailable}).
 * Also makes the {@value #MALFORMED} counter. Only loaded when a {@code MeterRegistry} is given, so
 * Micrometer stays optional.
 */
final class MicrometerFallbackMeter implements FallbackMeter {

    static final String NAME = "realtime.sessions.redis.fallbacks";

    /** The counter of values read from Redis that could not be read, tagged {@code use}. */
    static final String MALFORMED = "realtime.sessions.redis.malformed";

    private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);

    MicrometerFallbackMeter(MeterRegistry registry, String use, RedisFailureMode mode) {
        for (Reason reason : Reason.values()) {
            counters.put(reason, Counter.builder(NAME)
                    .description("Decisions taken without Redis because it was slow or down")
                    .tag("use", use)
                    .tag("mode", tag(mode.name()))
                    .tag("reason", tag(reason.name()))
                    .register(registry));
        }
    }

    /** The {@value #MALFORMED} counter for {@code use}. */
    static MalformedMeter malformed(MeterRegistry registry, String use) {
        Counter counter = Counter.builder(MALFORMED)
                .description("Values read from Redis that could not be read, and were skipped")
                .tag("use", use)
                .register(registry);
        return counter::increment;
    }

    @Override
    public void record(Reason reason) {
        counters.get(reason).increment();
    }

    private static String tag(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
