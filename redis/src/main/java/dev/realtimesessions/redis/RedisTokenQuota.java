package dev.realtimesessions.redis;

import dev.realtimesessions.ValidationException;
import dev.realtimesessions.adapter.webflux.RealtimeTokenQuota;
import dev.realtimesessions.adapter.webflux.TokenGuardrails;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The token endpoint's per-user quota, counted in Redis: every replica of the application that
 * points at the same Redis (and key prefix) shares one count per user, so a user gets
 * {@code requests} secrets per window in total, not per replica. Same rules as
 * {@link RealtimeTokenQuota#inMemory(int, java.time.Duration)}: {@code requests} per user in each
 * window of length {@code per}, windows aligned to the clock, a refusal answering how long until the
 * window ends.
 *
 * <pre>{@code
 * RedisClient redis = RedisClient.create();                       // share one client; shut it down at exit
 * RedisTokenQuota quota = RedisTokenQuota.builder(redis, RedisURI.create("redis://redis.internal:6379"))
 *     .limit(10, Duration.ofMinutes(1))                           // 10 secrets per user per minute
 *     .build();                                                   // close() at shutdown
 *
 * TokenGuardrails guardrails = TokenGuardrails.builder().quota(quota).build();
 * }</pre>
 *
 * <p><strong>One round trip per decision.</strong> A Lua script (sent as {@code EVALSHA}, or as
 * {@code EVAL} when Redis does not have it cached yet) takes one from the user's count if it is below
 * the limit, atomically. Refused requests do not count.
 *
 * <p><strong>Keys.</strong> One string key per user and window,
 * {@code <keyPrefix>quota:<window length in ms>:<window number>:<user digest>}, holding the count
 * as an integer, for example {@code realtime-sessions:quota:60000:29630015:8Tq3…} (window number =
 * epoch milliseconds / window length). The user digest is the SHA-256 of the user name, base64url
 * without padding: no user name, API key or secret is ever written. Each key expires
 * ({@code PEXPIRE}) when its window ends, so Redis holds only the current window's users, about
 * 180 bytes each.
 *
 * <p><strong>When Redis is slow or down.</strong> Each decision waits at most {@code timeout}
 * (default {@value #DEFAULT_TIMEOUT_MILLIS} ms) for Redis; without an answer, or on an error, it is
 * decided as the {@link RedisFailureMode} says (default {@link RedisFailureMode#LOCAL}: counted in
 * this JVM alone), with a WARN (rate-limited) and the {@code realtime.sessions.redis.fallbacks}
 * counter when a {@link MeterRegistry} is given. After a failure Redis is left alone for a second,
 * then tried again, and used again as soon as it answers. A Redis outage never holds a request
 * longer than {@code timeout}. With a connection of your own, prefer Lettuce's
 * {@link ClientOptions.DisconnectedBehavior#REJECT_COMMANDS}, so that commands fail at once while
 * it is disconnected instead of waiting for the timeout.
 *
 * <p><strong>Threads.</strong> Lettuce takes a short lock to write a command, which a writer waits
 * for when another holds it; so that no caller's event loop ever waits there, the quota sends its
 * commands from one daemon thread of its own ({@code realtime-sessions-redis-N}), stopped by
 * {@link #close()}. A decision is delivered on Lettuce's event loop (or, after the timeout, on
 * Reactor's parallel scheduler).
 *
 * <p>Windows follow this JVM's clock: keep the replicas' clocks in step (NTP); a skew of {@code s}
 * lets a user's windows on two replicas overlap by {@code s}. Thread-safe and non-blocking; share
 * one per quota.
 *
 * @see TokenGuardrails.Builder#quota(RealtimeTokenQuota)
 */
public final class RedisTokenQuota implements RealtimeTokenQuota, AutoCloseable {

    /** The default {@link Builder#keyPrefix(String) key prefix}. */
    public static final String DEFAULT_KEY_PREFIX = "realtime-sessions:";

    /** The default {@link Builder#timeout(Duration) timeout} of one decision, in milliseconds. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 200;

    /** Users counted in this JVM per window while Redis is down, as for the in-memory quota. */
    static final int MAX_LOCAL_USERS = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(RedisTokenQuota.class);
    private static final Decision ALLOW = Decision.allow();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Duration FAIL_CLOSED_RETRY = Duration.ofNanos(RedisHealth.RECHECK_NANOS);

    private final RedisConnection connection;
    private final int requests;
    private final long perMillis;
    private final String keyPrefix;
    private final String windowKeyPrefix;
    private final Duration timeout;
    private final RedisFailureMode failureMode;
    private final Clock clock;
    private final FallbackMeter meter;
    private final LocalQuota local;
    private final RedisHealth health;
    /** Made once on the thread that builds the quota; decisions clone it, so that no provider lookup runs on an event loop. */
    private final MessageDigest sha256;

    private RedisTokenQuota(Builder builder, int requests, Duration per) {
        this.connection = builder.connection;
        this.requests = requests;
        this.perMillis = per.toMillis();
        this.keyPrefix = builder.keyPrefix;
        this.windowKeyPrefix = builder.keyPrefix + "quota:" + perMillis + ":";
        this.timeout = builder.timeout;
        this.failureMode = builder.failureMode;
        this.clock = builder.clock;
        this.meter = builder.meterRegistry == null ? FallbackMeter.NONE
                : new MicrometerFallbackMeter(builder.meterRegistry, "quota", failureMode);
        this.local = new LocalQuota(requests, MAX_LOCAL_USERS);
        this.health = new RedisHealth(LOG, "the token quota", failureMode);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        connection.open();
        // Loads the script ahead of the first decision (a new or restarted Redis has none); errors are left to decisions.
        connection.send(commands -> commands.scriptLoad(QuotaScript.SOURCE).flux()).subscribe(sha -> { }, error -> { });
    }

    /**
     * A builder for a quota that opens its own connection to {@code uri} through the application's
     * client, in the background as soon as it is built, and closes it at {@link #close()}. The client stays
     * the application's: shut it down after closing the quota.
     *
     * @param client the application's Lettuce client (its event loops and options are used)
     * @param uri the Redis to count in, such as {@code RedisURI.create("redis://redis.internal:6379")}
     * @return a new builder
     * @throws ValidationException if {@code client} or {@code uri} is null
     */
    public static Builder builder(RedisClient client, RedisURI uri) {
        BuilderChecks.present(client, "client");
        BuilderChecks.present(uri, "uri");
        return new Builder(RedisConnection.opened(client, uri));
    }

    /**
     * A builder for a quota that sends its commands on the application's connection. The quota never
     * closes it.
     *
     * @param connection an open connection with string keys and values ({@code StringCodec.UTF8},
     *     what {@code RedisClient.connect()} gives)
     * @return a new builder
     * @throws ValidationException if {@code connection} is null
     */
    public static Builder builder(StatefulRedisConnection<String, String> connection) {
        return new Builder(RedisConnection.given(BuilderChecks.present(connection, "connection")));
    }

    /**
     * Takes one secret from {@code user}'s quota, if there is one left in the current window; decided
     * by Redis, or as the {@link RedisFailureMode} says when Redis does not answer within the timeout.
     * Never signals an error for a Redis failure.
     *
     * @param user the user, as resolved by the guardrails
     * @return the decision, at the latest after the timeout
     */
    @Override
    public Mono<Decision> tryAcquire(String user) {
        if (user == null) {
            return Mono.error(new ValidationException("user", "must not be null"));
        }
        return Mono.defer(() -> decide(user));
    }

    private Mono<Decision> decide(String user) {
        long now = clock.millis();
        long window = Math.floorDiv(now, perMillis);
        long untilNext = (window + 1) * perMillis - now;
        String digest = digest(user);
        if (!health.shouldTry()) {
            return Mono.just(withoutRedis(digest, window, untilNext, FallbackMeter.Reason.UNAVAILABLE));
        }
        String key = windowKeyPrefix + window + ":" + digest;
        return QuotaScript.tryAcquire(connection, key, requests, untilNext)
                .timeout(timeout)
                .map(granted -> {
                    health.answered();
                    return granted ? ALLOW : Decision.refuse(Duration.ofMillis(untilNext));
                })
                .onErrorResume(error -> {
                    boolean timedOut = error instanceof TimeoutException;
                    health.failed(timedOut ? "no answer within " + timeout.toMillis() + " ms" : describe(error));
                    return Mono.just(withoutRedis(digest, window, untilNext,
                            timedOut ? FallbackMeter.Reason.TIMEOUT : FallbackMeter.Reason.ERROR));
                });
    }

    private Decision withoutRedis(String digest, long window, long untilNext, FallbackMeter.Reason reason) {
        meter.record(reason);
        health.decidedWithout();
        return switch (failureMode) {
            case LOCAL -> local.tryAcquire(digest, window) ? ALLOW : Decision.refuse(Duration.ofMillis(untilNext));
            case FAIL_OPEN -> ALLOW;
            case FAIL_CLOSED -> Decision.refuse(FAIL_CLOSED_RETRY.compareTo(Duration.ofMillis(untilNext)) < 0
                    ? FAIL_CLOSED_RETRY : Duration.ofMillis(untilNext));
        };
    }

    /** The user as the SHA-256 of its UTF-8 name, base64url without padding: what keys carry instead of the name. */
    private String digest(String user) {
        try {
            MessageDigest digest = (MessageDigest) sha256.clone();
            return BASE64URL.encodeToString(digest.digest(user.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the platform's SHA-256 cannot be cloned", e);
        }
    }

    /** The error's type and message, and its cause's: Lettuce's messages name the host and port, never a password. */
    private static String describe(Throwable error) {
        String text = error.getClass().getSimpleName() + ": " + error.getMessage();
        Throwable cause = error.getCause();
        return cause == null || cause == error ? text
                : text + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }

    /**
     * Closes the connection the quota opened, if it opened one (one still being opened included),
     * and stops the quota's thread; a connection given to {@link #builder(StatefulRedisConnection)}
     * and the application's client stay open. Waits at most two seconds for the connection to
     * close, so that the client can be shut down right after it without the connection outliving
     * it; from a thread that must not block, use {@link #closeAsync()}. Later decisions are taken as
     * the {@link RedisFailureMode} says.
     */
    @Override
    public void close() {
        CloseWait.await(closeAsync());
    }

    /**
     * Closes the quota as {@link #close()} does, without waiting.
     *
     * @return completes once the connection the quota opened is closed
     */
    public CompletableFuture<Void> closeAsync() {
        return connection.close();
    }

    /**
     * Describes the quota without the Redis address or credentials.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "RedisTokenQuota(" + requests + " per " + Duration.ofMillis(perMillis) + ", keyPrefix=" + keyPrefix
                + ", timeout=" + timeout + ", failureMode=" + failureMode + ")";
    }

    /** Builds a {@link RedisTokenQuota}; {@link #limit(int, Duration)} is required. */
    public static final class Builder {
        private final RedisConnection connection;
        private int requests;
        private @Nullable Duration per;
        private String keyPrefix = DEFAULT_KEY_PREFIX;
        private Duration timeout = Duration.ofMillis(DEFAULT_TIMEOUT_MILLIS);
        private RedisFailureMode failureMode = RedisFailureMode.LOCAL;
        private Clock clock = Clock.systemUTC();
        private @Nullable MeterRegistry meterRegistry;

        private Builder(RedisConnection connection) {
            this.connection = connection;
        }

        /**
         * How many secrets each user may mint per window. Required.
         *
         * @param requests the secrets per user per window, at least 1
         * @param per the window's length, whole milliseconds, at least one second
         * @return this builder
         * @throws ValidationException if {@code requests} is not positive or {@code per} is null,
         *     shorter than a second or has a fraction of a millisecond
         */
        public Builder limit(int requests, Duration per) {
            if (requests < 1) {
                throw new ValidationException("requests", "must be at least 1, but was " + requests);
            }
            if (per == null || per.compareTo(Duration.ofSeconds(1)) < 0 || per.getNano() % 1_000_000 != 0) {
                throw new ValidationException("per", "must be whole milliseconds, at least one second, but was " + per);
            }
            this.requests = requests;
            this.per = per;
            return this;
        }

        /**
         * What every key the quota writes starts with (default {@value RedisTokenQuota#DEFAULT_KEY_PREFIX}): give each
         * application sharing a Redis its own. Replicas that share a quota must use the same prefix.
         *
         * @param keyPrefix the prefix, not blank, such as {@code "my-app:realtime-sessions:"}
         * @return this builder
         * @throws ValidationException if {@code keyPrefix} is null or blank
         */
        public Builder keyPrefix(String keyPrefix) {
            this.keyPrefix = BuilderChecks.keyPrefix(keyPrefix);
            return this;
        }

        /**
         * The longest a decision waits for Redis (default {@value RedisTokenQuota#DEFAULT_TIMEOUT_MILLIS} ms) before
         * it is taken as the {@link #failureMode(RedisFailureMode) failure mode} says. Keep it well
         * under the token request's own deadline: it is added to a request's time whenever Redis is
         * slow.
         *
         * @param timeout the wait, at least one millisecond
         * @return this builder
         * @throws ValidationException if {@code timeout} is null or under a millisecond
         */
        public Builder timeout(Duration timeout) {
            this.timeout = BuilderChecks.timeout(timeout);
            return this;
        }

        /**
         * What a decision does when Redis is slow or down (default {@link RedisFailureMode#LOCAL}).
         *
         * @param failureMode the mode
         * @return this builder
         * @throws ValidationException if {@code failureMode} is null
         */
        public Builder failureMode(RedisFailureMode failureMode) {
            this.failureMode = BuilderChecks.present(failureMode, "failureMode");
            return this;
        }

        /**
         * Counts decisions taken without Redis in {@code realtime.sessions.redis.fallbacks}
         * (tags {@code use=quota}, {@code mode}, {@code reason}: {@code timeout}, {@code error} or
         * {@code unavailable}). Needs {@code micrometer-core}; without a registry nothing is counted.
         *
         * @param meterRegistry the registry
         * @return this builder
         * @throws ValidationException if {@code meterRegistry} is null
         */
        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = BuilderChecks.present(meterRegistry, "meterRegistry");
            return this;
        }

        /**
         * The clock the windows follow (default the system's, UTC). For tests.
         *
         * @param clock the clock
         * @return this builder
         * @throws ValidationException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = BuilderChecks.present(clock, "clock");
            return this;
        }

        /**
         * Builds the quota, and starts opening its connection, if it opens its own, and loading its
         * script into Redis, in the background: {@code build()} does not wait for Redis, and does
         * not fail when Redis is down.
         *
         * @return the quota
         * @throws ValidationException if {@link #limit(int, Duration)} was not called
         */
        public RedisTokenQuota build() {
            if (per == null) {
                throw new ValidationException("requests", "is required: call limit(requests, per), such as"
                        + " limit(10, Duration.ofMinutes(1))");
            }
            return new RedisTokenQuota(this, requests, per);
        }
    }
}
