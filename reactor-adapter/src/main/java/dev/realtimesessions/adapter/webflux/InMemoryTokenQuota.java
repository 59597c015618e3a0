package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A fixed-window quota per user, windows aligned to the clock: when a window ends, every count is
 * dropped together, so memory holds at most {@code maxUsers} users. A user beyond that is refused
 * until the window ends (failing closed, never forgetting a user early).
 */
final class InMemoryTokenQuota implements RealtimeTokenQuota {

    static final int DEFAULT_MAX_USERS = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeTokenEndpoint.class);

    private final int requests;
    private final long perMillis;
    private final int maxUsers;
    private final Clock clock;
    private final Map<String, int[]> counts = new HashMap<>();
    private long window = Long.MIN_VALUE;
    private boolean warnedFull;

    InMemoryTokenQuota(int requests, Duration per, int maxUsers, Clock clock) {
        if (requests < 1) {
            throw new ValidationException("quota.requests", "must be at least 1, but was " + requests);
        }
        if (per == null || per.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ValidationException("quota.per", "must be at least one second, but was " + per);
        }
        if (maxUsers < 1) {
            throw new ValidationException("quota.maxUsers", "must be at least 1, but was " + maxUsers);
        }
        this.requests = requests;
        this.perMillis = per.toMillis();
        this.maxUsers = maxUsers;
        this.clock = clock;
    }

    @Override
    public Mono<Decision> tryAcquire(String user) {
        return Mono.fromSupplier(() -> decide(user));
    }

    private Decision decide(String user) {
        long now = clock.millis();
        long current = Math.floorDiv(now, perMillis);
        Duration untilNext = Duration.ofMillis((current + 1) * perMillis - now);
        synchronized (counts) {
            if (current != window) {
                counts.clear();
                window = current;
                warnedFull = false;
            }
            int[] count = counts.get(user);
            if (count == null) {
                if (counts.size() >= maxUsers) {
                    if (!warnedFull) {
                        warnedFull = true;
                        LOG.warn("realtime token endpoint: the in-memory quota tracks {} users in this window,"
                                + " its limit; refusing new users until the window ends", maxUsers);
                    }
                    return Decision.refuse(untilNext);
                }
                count = new int[1];
                counts.put(user, count);
            }
            if (count[0] >= requests) {
                return Decision.refuse(untilNext);
            }
            count[0]++;
            return Decision.allow();
        }
    }

    @Override
    public String toString() {
        return "RealtimeTokenQuota.inMemory(" + requests + " per " + Duration.ofMillis(perMillis) + ")";
    }
}
