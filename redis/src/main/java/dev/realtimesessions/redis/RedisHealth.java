package dev.realtimesessions.redis;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;

/**
 * Whether Redis is answering, as the last attempts found, and the log lines about it. After a
 * failure, Redis is left alone for {@link #RECHECK_NANOS} (decisions are taken without it, at once),
 * then tried again; the first answer ends the outage. At most one WARN a minute, however often Redis
 * comes and goes, each followed by one INFO when Redis answers again. Real time
 * ({@link System#nanoTime()}): it measures Redis, not the quota's windows. Thread-safe.
 */
final class RedisHealth {

    /** How long to leave Redis alone after a failure before trying it again. */
    static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final long WARN_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Logger log;
    private final String what;
    private final RedisFailureMode mode;
    private final AtomicBoolean down = new AtomicBoolean();
    /** Whether a WARN was logged that no INFO has answered yet. */
    private final AtomicBoolean warned = new AtomicBoolean();
    private final AtomicLong nextWarnAt = new AtomicLong(System.nanoTime());
    private final LongAdder withoutRedis = new LongAdder();
    private volatile long retryAt;

    /**
     * @param log where to log
     * @param what what depends on Redis, for the log lines ("the token quota")
     * @param mode what decisions do meanwhile
     */
    RedisHealth(Logger log, String what, RedisFailureMode mode) {
        this.log = log;
        this.what = what;
        this.mode = mode;
    }

    /** Whether to ask Redis now: it is up, or its pause after a failure is over. */
    boolean shouldTry() {
        return !down.get() || System.nanoTime() - retryAt >= 0;
    }

    /** Redis answered. */
    void answered() {
        if (down.get() && down.compareAndSet(true, false) && warned.compareAndSet(true, false)) {
            log.info("Redis answers again: {} is shared between replicas again ({} decisions were taken without it)",
                    what, withoutRedis.sum());
        }
    }

    /** Redis failed or did not answer in time; {@code cause} says how, without secrets. */
    void failed(String cause) {
        long now = System.nanoTime();
        retryAt = now + RECHECK_NANOS;
        down.set(true);
        long warnAt = nextWarnAt.get();
        if (now - warnAt >= 0 && nextWarnAt.compareAndSet(warnAt, now + WARN_INTERVAL_NANOS)) {
            warned.set(true);
            log.warn("Redis is unavailable ({}): {} is decided {} until Redis answers again; retrying every {} s"
                    + " ({} decisions taken without Redis so far; at most one such warning a minute)",
                    cause, what, describe(mode), TimeUnit.NANOSECONDS.toSeconds(RECHECK_NANOS), withoutRedis.sum());
        }
    }

    /** One decision was taken without Redis. */
    void decidedWithout() {
        withoutRedis.increment();
    }

    private static String describe(RedisFailureMode mode) {
        return switch (mode) {
            case LOCAL -> "locally, by this replica alone,";
            case FAIL_OPEN -> "by allowing everything (FAIL_OPEN)";
            case FAIL_CLOSED -> "by refusing everything (FAIL_CLOSED)";
        };
    }
}
