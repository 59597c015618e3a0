package dev.realtimesessions.redis;

import dev.realtimesessions.RateGateState;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.SharedRateGate;
import dev.realtimesessions.ValidationException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanStream;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The rate gates of an application's replicas, sharing what each learns through Redis: a 429's hold,
 * or the rate the server described, learned by one replica holds or paces the others before each
 * meets a 429 of its own (OpenAI's limit is per organization and project, shared by every replica).
 *
 * <pre>{@code
 * RedisClient redis = RedisClient.create();                       // share one client; shut it down at exit
 * RedisSharedRateGate gate = RedisSharedRateGate.builder(redis, RedisURI.create("redis://redis.internal:6379"))
 *     .build();                                                   // close() at shutdown, after the clients
 *
 * RealtimeSessions sessions = RealtimeSessions.builder()
 *     .apiKey(System.getenv("OPENAI_API_KEY"))
 *     .sharedRateGate(gate)
 *     .build();
 * }</pre>
 *
 * <p><strong>Off the call's path.</strong> Each client's own gate decides every call, as without
 * Redis; this only carries what the gates learn between them. {@link #publish} returns at once: it
 * keeps the latest state per credential and sends it from a thread of its own, one round trip at a
 * time (states that arrive meanwhile replace each other), so that a burst of answers under pressure
 * becomes a few commands.
 *
 * <p><strong>Keys and channel.</strong> One string key per credential under pressure,
 * {@code <keyPrefix>gate:<credential digest>}, holding the latest state that still applies and
 * expiring when it no longer does (at its {@code until}); and one channel, {@code <keyPrefix>gate},
 * on which every state is published. A Lua script does both in one round trip, keeping the later
 * {@code until} in the key (a newer rate replaces an older one, keeping the later {@code until}).
 * The digest is the first 128 bits of a SHA-256 of the scheme, key or Azure resource, and project
 * (base64url): no API key, project or secret is ever written. A value is a short line of text
 * (about 100 bytes): {@code 1;<credential>;<limit>;<interval ns>;<until µs>;<in flight>;<origin>}.
 *
 * <p><strong>Joining late.</strong> When its subscription to the channel is made, and again
 * whenever Lettuce restores it after the connection dropped, the gate reads every key
 * ({@code SCAN <keyPrefix>gate:*} and {@code GET}): a replica that starts, or reconnects, during
 * another's hold learns of it.
 *
 * <p><strong>When Redis is slow or down.</strong> Each client paces on what it learns itself, as
 * without Redis: a state Redis does not take within {@code timeout} (default
 * {@value #DEFAULT_TIMEOUT_MILLIS} ms), or while Redis is down, is dropped, with a WARN (at most one
 * a minute, and an INFO when Redis answers again) and the {@code realtime.sessions.redis.fallbacks}
 * counter ({@code use=rate-gate}) when a {@link MeterRegistry} is given. After a failure Redis is
 * left alone for a second, then tried again; Lettuce reconnects the subscription by itself. A value
 * that cannot be read is skipped and counted in {@code realtime.sessions.redis.malformed}. With a
 * client of your own, prefer Lettuce's {@link ClientOptions.DisconnectedBehavior#REJECT_COMMANDS}.
 *
 * <p><strong>Threads.</strong> Commands are sent from one daemon thread of the gate's own
 * ({@code realtime-sessions-redis-N}); news is delivered on Lettuce's event loops. Nothing blocks.
 * Times cross between replicas as wall-clock instants: keep their clocks in step (NTP). One gate may
 * serve several clients; share one per Redis and key prefix.
 *
 * @see RealtimeSessions.Builder#sharedRateGate(SharedRateGate)
 */
public final class RedisSharedRateGate implements SharedRateGate, AutoCloseable {

    /** The default {@link Builder#keyPrefix(String) key prefix}, the same as the quota's. */
    public static final String DEFAULT_KEY_PREFIX = RedisTokenQuota.DEFAULT_KEY_PREFIX;

    /** The default {@link Builder#timeout(Duration) timeout} of one command, in milliseconds. */
    public static final long DEFAULT_TIMEOUT_MILLIS = RedisTokenQuota.DEFAULT_TIMEOUT_MILLIS;

    private static final Logger LOG = LoggerFactory.getLogger(RedisSharedRateGate.class);
    private static final AtomicIntegerFieldUpdater<RedisSharedRateGate> WIP =
            AtomicIntegerFieldUpdater.newUpdater(RedisSharedRateGate.class, "wip");

    private final RedisConnection connection;
    private final RedisClient client;
    private final RedisURI uri;
    private final String keyPrefix;
    private final String stateKeyPrefix;
    private final String channel;
    private final String pattern;
    private final Duration timeout;
    private final FallbackMeter meter;
    private final MalformedMeter malformed;
    private final RedisHealth health;
    /** The latest state per credential not sent yet. */
    private final ConcurrentHashMap<String, RateGateState> pending = new ConcurrentHashMap<>();
    private final Set<FluxSink<RateGateState>> listeners = ConcurrentHashMap.newKeySet();
    private final Subscription subscription = new Subscription();
    /** Publishes asked for while a send is on its way: the sender takes pending states again until it is 0. */
    private volatile int wip;
    private volatile boolean closed;
    /** Whether the subscription to the channel is in place: a new listener then reads the keys itself. */
    private volatile boolean subscribed;

    private RedisSharedRateGate(Builder builder) {
        this.client = builder.client;
        this.uri = builder.uri;
        this.connection = RedisConnection.opened(client, uri);
        this.keyPrefix = builder.keyPrefix;
        this.stateKeyPrefix = keyPrefix + "gate:";
        this.channel = keyPrefix + "gate";
        this.pattern = globEscaped(stateKeyPrefix) + "*";
        this.timeout = builder.timeout;
        this.meter = builder.meterRegistry == null ? FallbackMeter.NONE
                : new MicrometerFallbackMeter(builder.meterRegistry, "rate-gate", RedisFailureMode.LOCAL);
        this.malformed = builder.meterRegistry == null ? MalformedMeter.NONE
                : MicrometerFallbackMeter.malformed(builder.meterRegistry, "rate-gate");
        this.health = new RedisHealth(LOG, "the rate gate", RedisFailureMode.LOCAL);
        connection.open();
        connection.send(commands -> commands.scriptLoad(GateScript.SOURCE).flux()).subscribe(sha -> { }, error -> { });
        subscription.open();
    }

    /**
     * A builder for a gate that opens its own two connections to {@code uri} through the
     * application's client (one for commands, one subscribed to the channel), in the background as
     * soon as it is built, and closes them at {@link #close()}. The client stays the application's:
     * shut it down after closing the gate.
     *
     * @param client the application's Lettuce client (its event loops and options are used)
     * @param uri the Redis to share through, such as {@code RedisURI.create("redis://redis.internal:6379")}
     * @return a new builder
     * @throws ValidationException if {@code client} or {@code uri} is null
     */
    public static Builder builder(RedisClient client, RedisURI uri) {
        BuilderChecks.present(client, "client");
        BuilderChecks.present(uri, "uri");
        return new Builder(client, uri);
    }

    /**
     * Keeps {@code state} to be sent to Redis, replacing one of the same credential not sent yet,
     * and returns at once; dropped (and counted) while Redis is down. Never throws.
     *
     * @param state what a client's gate knows now of one credential
     */
    @Override
    public void publish(RateGateState state) {
        if (state == null || closed) {
            return;
        }
        if (!health.shouldTry()) {
            dropped(FallbackMeter.Reason.UNAVAILABLE);
            return;
        }
        pending.put(state.credential(), state);
        if (WIP.getAndIncrement(this) == 0) {
            sendPending();
        }
    }

    /** Sends what is pending, one round trip at a time, until no publish came meanwhile. */
    private void sendPending() {
        for (;;) {
            int missed = wip;
            List<RateGateState> batch = new ArrayList<>();
            for (String credential : pending.keySet()) {
                RateGateState state = pending.remove(credential);
                if (state != null) {
                    batch.add(state);
                }
            }
            if (!batch.isEmpty()) {
                Flux.fromIterable(batch).concatMap(this::send).subscribe(sent -> { }, error -> { }, () -> {
                    if (WIP.addAndGet(this, -missed) != 0) {
                        sendPending();
                    }
                });
                return;
            }
            if (WIP.addAndGet(this, -missed) == 0) {
                return;
            }
        }
    }

    /** One state to Redis, within the timeout; a failure drops it. Never signals an error. */
    private Mono<Long> send(RateGateState state) {
        return Mono.defer(() -> {
            if (closed) {
                return Mono.empty();
            }
            if (!health.shouldTry()) {
                dropped(FallbackMeter.Reason.UNAVAILABLE);
                return Mono.empty();
            }
            return GateScript.publish(connection, stateKeyPrefix + state.credential(), channel, state)
                    .timeout(timeout, Schedulers.parallel())
                    .doOnNext(kept -> health.answered())
                    .onErrorResume(error -> {
                        if (closed) {
                            // the gate closed its connection under this send: a shutdown, not an outage
                            return Mono.empty();
                        }
                        boolean timedOut = error instanceof TimeoutException;
                        health.failed(timedOut ? "no answer within " + timeout.toMillis() + " ms" : describe(error));
                        dropped(timedOut ? FallbackMeter.Reason.TIMEOUT : FallbackMeter.Reason.ERROR);
                        return Mono.empty();
                    });
        });
    }

    private void dropped(FallbackMeter.Reason reason) {
        meter.record(reason);
        health.decidedWithout();
    }

    /**
     * What the other replicas learn, as they publish it, starting with what Redis holds that still
     * applies (read again whenever the subscription is restored after a drop). Never fails: while
     * Redis is down it is silent. Completes when the gate is closed.
     *
     * @return the states published through this Redis and key prefix, by every client (this one's too)
     */
    @Override
    public Flux<RateGateState> news() {
        return Flux.create(sink -> {
            if (closed) {
                sink.complete();
                return;
            }
            listeners.add(sink);
            sink.onDispose(() -> listeners.remove(sink));
            if (subscribed) {
                readKeys(sink::next);
            }
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    private void deliver(RateGateState state) {
        for (FluxSink<RateGateState> listener : listeners) {
            listener.next(state);
        }
    }

    private @Nullable RateGateState read(@Nullable String value) {
        RateGateState state = GateStateFormat.read(value);
        if (state == null) {
            malformed.record();
            LOG.debug("Skipped a rate-gate value that is not a state");
        }
        return state;
    }

    /** Reads every state kept in Redis, for {@code to}; a failure is the health's. */
    private void readKeys(Consumer<RateGateState> to) {
        connection.send(commands -> ScanStream.scan(commands, ScanArgs.Builder.matches(pattern).limit(500))
                        .flatMap(commands::get, 8))
                .timeout(timeout, Schedulers.parallel())
                .subscribe(value -> {
                    RateGateState state = read(value);
                    if (state != null) {
                        to.accept(state);
                    }
                }, error -> {
                    if (!closed) {
                        health.failed(error instanceof TimeoutException
                                ? "no answer within " + timeout.toMillis() + " ms while reading the states"
                                : describe(error));
                    }
                }, health::answered);
    }

    /** A glob that matches {@code text} literally. */
    private static String globEscaped(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 4);
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** The error's type and message, and its cause's: Lettuce's messages name the host and port, never a password. */
    private static String describe(Throwable error) {
        String text = error.getClass().getSimpleName() + ": " + error.getMessage();
        Throwable cause = error.getCause();
        return cause == null || cause == error ? text
                : text + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }

    /**
     * Closes the gate: its news completes, later publishes are ignored, and its two connections
     * are closed, one still being opened included. Waits for that at most two seconds, so that
     * the application's client, which stays open, can be shut down right after it without a
     * connection of the gate outliving it; from a thread that must not block, use
     * {@link #closeAsync()}. Close the {@code RealtimeSessions} clients that use it first.
     */
    @Override
    public void close() {
        CloseWait.await(closeAsync());
    }

    /**
     * Closes the gate as {@link #close()} does, without waiting.
     *
     * @return completes once the gate's connections are closed
     */
    public CompletableFuture<Void> closeAsync() {
        closed = true;
        CompletableFuture<Void> subscriptionClosed = subscription.close();
        CompletableFuture<Void> commandsClosed = connection.close();
        for (FluxSink<RateGateState> listener : listeners) {
            listener.complete();
        }
        return CompletableFuture.allOf(subscriptionClosed, commandsClosed);
    }

    /**
     * Describes the gate without the Redis address or credentials.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "RedisSharedRateGate(keyPrefix=" + keyPrefix + ", timeout=" + timeout + ")";
    }

    /**
     * The connection subscribed to the channel: opened in the background, tried again every
     * {@link RedisHealth#RECHECK_NANOS} until it opens; once open, Lettuce restores it and its
     * subscription after a drop, and each time it is (re)subscribed the keys are read.
     */
    private final class Subscription extends RedisPubSubAdapter<String, String> {
        /** The latest attempt to open the connection: completes once it has ended (failed, closed or open). */
        private volatile CompletableFuture<Void> attempt = CompletableFuture.completedFuture(null);
        private volatile @Nullable StatefulRedisPubSubConnection<String, String> open;

        void open() {
            CompletableFuture<Void> ended = new CompletableFuture<>();
            // set before closed is read: a close() from now on waits for this attempt
            attempt = ended;
            if (closed) {
                ended.complete(null);
                return;
            }
            try {
                // Lettuce sets a connection up under a lock: on bounded-elastic, not on anyone's event loop
                Schedulers.boundedElastic().schedule(() -> connect(ended));
            } catch (RuntimeException shutDown) {
                ended.complete(null);
            }
        }

        private void connect(CompletableFuture<Void> ended) {
            if (closed) {
                // closed while this waited for its thread: a connection begun now could outlive the client
                ended.complete(null);
                return;
            }
            try {
                client.connectPubSubAsync(StringCodec.UTF8, uri).whenComplete((made, error) -> {
                    if (error != null) {
                        ended.complete(null);
                        retryLater(error);
                    } else if (closed) {
                        made.closeAsync().whenComplete((done, ignored) -> ended.complete(null));
                    } else {
                        open = made;
                        ended.complete(null);
                        made.addListener(this);
                        // completed on Lettuce's event loop: the command's write goes to bounded-elastic too
                        Schedulers.boundedElastic().schedule(() -> made.async().subscribe(channel));
                    }
                });
            } catch (RuntimeException e) {
                ended.complete(null);
                retryLater(e);
            }
        }

        private void retryLater(Throwable error) {
            if (closed) {
                return;
            }
            health.failed(describe(error));
            Schedulers.parallel().schedule(this::open, RedisHealth.RECHECK_NANOS, TimeUnit.NANOSECONDS);
        }

        @Override
        public void message(String from, String message) {
            RateGateState state = read(message);
            if (state != null) {
                deliver(state);
            }
        }

        @Override
        public void subscribed(String to, long count) {
            subscribed = true;
            readKeys(RedisSharedRateGate.this::deliver);
        }

        /** Closes the connection once the attempt to open it, if one is on its way, has ended. */
        CompletableFuture<Void> close() {
            return attempt.thenCompose(ended -> {
                StatefulRedisPubSubConnection<String, String> made = open;
                return made == null ? CompletableFuture.<Void>completedFuture(null) : made.closeAsync();
            });
        }
    }

    /** Builds a {@link RedisSharedRateGate}. */
    public static final class Builder {
        private final RedisClient client;
        private final RedisURI uri;
        private String keyPrefix = DEFAULT_KEY_PREFIX;
        private Duration timeout = Duration.ofMillis(DEFAULT_TIMEOUT_MILLIS);
        private @Nullable MeterRegistry meterRegistry;

        private Builder(RedisClient client, RedisURI uri) {
            this.client = client;
            this.uri = uri;
        }

        /**
         * What the gate's keys and channel start with (default {@value RedisSharedRateGate#DEFAULT_KEY_PREFIX}):
         * give each application sharing a Redis its own. Replicas that share a gate must use the same prefix.
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
         * The longest a state waits for Redis to take it (default
         * {@value RedisSharedRateGate#DEFAULT_TIMEOUT_MILLIS} ms) before it is dropped and Redis is
         * taken as down for a second. No call ever waits for it.
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
         * Counts states dropped without Redis in {@code realtime.sessions.redis.fallbacks} (tags
         * {@code use=rate-gate}, {@code mode=local}, {@code reason}: {@code timeout}, {@code error}
         * or {@code unavailable}) and values that could not be read in
         * {@code realtime.sessions.redis.malformed} ({@code use=rate-gate}). Needs
         * {@code micrometer-core}; without a registry nothing is counted.
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
         * Builds the gate, and starts opening its connections in the background: {@code build()}
         * does not wait for Redis, and does not fail when Redis is down.
         *
         * @return the gate
         */
        public RedisSharedRateGate build() {
            return new RedisSharedRateGate(this);
        }
    }
}
