package dev.realtimesessions.benchmarks;

import dev.realtimesessions.CallListener;
import dev.realtimesessions.RateLimitException;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RealtimeSessionsException;
import dev.realtimesessions.redis.RedisSharedRateGate;
import dev.realtimesessions.testsupport.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.util.context.ContextView;

/**
 * The rate gate against a token-bucket server: the same burst of calls for one key with the gate
 * on and off, counting what the server saw and what the calls met. The server holds
 * {@code CAPACITY} requests and refills {@code RATE} a second; an answer reports
 * {@code x-ratelimit-limit-requests}, {@code x-ratelimit-remaining-requests} and, as OpenAI does,
 * {@code x-ratelimit-reset-requests} as the time until the bucket is full again; an empty bucket
 * answers 429 with {@code retry-after: 1}. The server may answer after a delay, and may change its
 * rate at given times of the run.
 *
 * <pre>RateGateRun [CALLS [IN_FLIGHT [CAPACITY [RATE [TIMEOUT_MS [DELAY_MS [CHANGES]]]]]]]
 * RateGateRun all
 * RateGateRun replicas [CALLS [IN_FLIGHT_EACH [CAPACITY [RATE [TIMEOUT_MS [DELAY_MS]]]]]]</pre>
 *
 * Defaults: 2,000 calls, 200 in flight, a bucket of 100 refilled at 200 a second, a 10 s deadline,
 * no delay, no change. {@code CHANGES} is a list such as {@code 3000:100,6000:200} (at 3 s of the
 * run the rate becomes 100 a second, at 6 s 200 again). Prints one Markdown table row per mode,
 * and for a run with changes the requests the server saw second by second. {@code all} runs every
 * single-client row of BENCHMARKS.md.
 *
 * <p>{@code replicas} splits the calls between two clients in this JVM, as two replicas of an
 * application would (each its own {@code RealtimeSessions}, Lettuce {@code RedisClient} and
 * {@code RedisSharedRateGate}, each with {@code IN_FLIGHT_EACH} calls in flight, default 100), against
 * the one server, three times: gates off; gates on, each on its own; gates on, sharing through a
 * {@code redis-server} the run starts on a free loopback port (Debian's, or {@code $REDIS_SERVER})
 * and stops at its end. It also counts the states the gates published through Redis.
 */
public final class RateGateRun {

    private RateGateRun() {
    }

    /** One server and workload. */
    private record Setup(String name, int calls, int inFlight, int capacity, int rate, Duration timeout,
            Duration delay, List<RateChange> changes) {
    }

    /** The clients of one run: how many, and what their gates do. */
    private enum Mode {
        OFF(1, "off"), ON(1, "on"),
        REPLICAS_OFF(2, "off, 2 replicas"),
        REPLICAS_OWN(2, "on, 2 replicas, each its own"),
        REPLICAS_SHARED(2, "on, 2 replicas, shared through Redis");

        final int replicas;
        final String label;

        Mode(int replicas, String label) {
            this.replicas = replicas;
            this.label = label;
        }

        boolean gate() {
            return this != OFF && this != REPLICAS_OFF;
        }
    }

    /** The server's rate from {@code atMillis} of the run on. */
    private record RateChange(long atMillis, int rate) {
    }

    /**
     * Runs it.
     *
     * @param args calls, calls in flight, bucket capacity, refill per second, deadline in ms, answer delay in ms,
     *     rate changes; or {@code all}; or {@code replicas}, then calls, calls in flight per replica, bucket
     *     capacity, refill per second, deadline in ms, answer delay in ms
     * @throws IOException if the {@code redis-server} of the replicas' run cannot be started
     */
    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("replicas")) {
            int delay = intArg(args, 6, 0);
            replicas(new Setup("2 replicas, " + intArg(args, 2, 100) + " in flight each"
                    + (delay == 0 ? "" : ", answers after " + delay + " ms"), intArg(args, 1, 2_000),
                    intArg(args, 2, 100), intArg(args, 3, 100), intArg(args, 4, 200),
                    Duration.ofMillis(intArg(args, 5, 10_000)), Duration.ofMillis(delay), List.of()));
            return;
        }
        List<Setup> setups = new ArrayList<>();
        if (args.length > 0 && args[0].equals("all")) {
            setups.add(new Setup("200 in flight", 2_000, 200, 100, 200, Duration.ofSeconds(10), Duration.ZERO, List.of()));
            setups.add(new Setup("50 in flight", 2_000, 50, 100, 200, Duration.ofSeconds(10), Duration.ZERO, List.of()));
            setups.add(new Setup("deadline 0.5 s", 2_000, 200, 100, 200, Duration.ofMillis(500), Duration.ZERO,
                    List.of()));
            setups.add(new Setup("rate halved at 3 s, restored at 6 s", 2_000, 200, 100, 200, Duration.ofSeconds(10),
                    Duration.ZERO, List.of(new RateChange(3_000, 100), new RateChange(6_000, 200))));
            setups.add(new Setup("never limited, answers after 200 ms", 2_000, 200, 1_000_000, 1_000_000,
                    Duration.ofSeconds(10), Duration.ofMillis(200), List.of()));
        } else {
            setups.add(new Setup("", intArg(args, 0, 2_000), intArg(args, 1, 200), intArg(args, 2, 100),
                    intArg(args, 3, 200), Duration.ofMillis(intArg(args, 4, 10_000)),
                    Duration.ofMillis(intArg(args, 5, 0)), args.length > 6 ? changes(args[6]) : List.of()));
        }
        printHeader();
        List<String> timelines = new ArrayList<>();
        for (Setup setup : setups) {
            for (Mode mode : new Mode[] {Mode.OFF, Mode.ON}) {
                String timeline = run(setup, mode, null);
                if (!setup.changes().isEmpty()) {
                    timelines.add(timeline);
                }
            }
        }
        timelines.forEach(System.out::println);
    }

    /** The two-replica rows: gates off, on each on its own, on and shared through a redis-server started here. */
    private static void replicas(Setup setup) throws IOException {
        printHeader();
        List<String> timelines = new ArrayList<>();
        timelines.add(run(setup, Mode.REPLICAS_OFF, null));
        timelines.add(run(setup, Mode.REPLICAS_OWN, null));
        try (RedisServer redis = RedisServer.start()) {
            timelines.add(run(setup, Mode.REPLICAS_SHARED, redis));
        }
        timelines.forEach(System.out::println);
    }

    private static void printHeader() {
        System.out.println("| run | rate gate | calls | succeeded | met a 429 | failed: 429 | failed: not sent"
                + " | failed: other | requests the server saw | per call | 429s the server sent | p50 ms | p99 ms"
                + " | wall s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    }

    private static int intArg(String[] args, int index, int otherwise) {
        return args.length > index ? Integer.parseInt(args[index]) : otherwise;
    }

    private static List<RateChange> changes(String text) {
        List<RateChange> changes = new ArrayList<>();
        for (String change : text.split(",")) {
            String[] parts = change.split(":");
            changes.add(new RateChange(Long.parseLong(parts[0]), Integer.parseInt(parts[1])));
        }
        return changes;
    }

    /**
     * One run; returns the second-by-second table of what the server saw. With several replicas the
     * calls are split between them evenly, each with {@code inFlight} in flight; with {@code redis}
     * their gates share through it.
     */
    private static String run(Setup setup, Mode mode, @Nullable RedisServer redis) {
        Bucket bucket = new Bucket(setup.capacity(), setup.rate(), setup.changes());
        Timeline timeline = new Timeline(120);
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.post("/v1/realtime/client_secrets", (request, response) -> request.receive()
                        .then().then(Mono.defer(() -> {
                            long[] state = bucket.take();
                            timeline.seen(state[0] == 1);
                            response.header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                                    .header("x-ratelimit-limit-requests", Integer.toString(setup.capacity()))
                                    .header("x-ratelimit-remaining-requests", Long.toString(state[1]))
                                    .header("x-ratelimit-reset-requests", state[2] + "ms");
                            Mono<Void> answer;
                            if (state[0] == 0) {
                                answer = response.status(HttpResponseStatus.TOO_MANY_REQUESTS)
                                        .header("retry-after", "1")
                                        .sendString(Mono.just("{\"error\":{\"message\":\"Rate limit reached\","
                                                + "\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"))
                                        .then();
                            } else {
                                answer = response.sendByteArray(Mono.just(Payloads.CLIENT_SECRET_RESPONSE)).then();
                            }
                            return setup.delay().isZero() ? answer : Mono.delay(setup.delay()).then(answer);
                        }))))
                .bindNow();
        Outcomes outcomes = new Outcomes();
        long[] latencies = new long[setup.calls()];
        List<Replica> replicas = new ArrayList<>();
        @Nullable PublishedStates published = null;
        long start;
        try {
            for (int r = 0; r < mode.replicas; r++) {
                replicas.add(Replica.start(setup, mode, outcomes, server.port(), redis));
            }
            if (redis != null) {
                published = PublishedStates.listen(redis, mode.replicas);
            }
            start = System.nanoTime();
            bucket.start(start);
            timeline.start(start);
            if (published != null) {
                published.start(start);
            }
            List<Flux<Void>> work = new ArrayList<>();
            for (int r = 0; r < replicas.size(); r++) {
                RealtimeSessions sessions = replicas.get(r).sessions();
                int first = setup.calls() * r / replicas.size();
                int end = setup.calls() * (r + 1) / replicas.size();
                work.add(Flux.range(first, end - first)
                        .flatMap(i -> Mono.defer(() -> {
                            long began = System.nanoTime();
                            return sessions.createClientSecret(Payloads.CLIENT_SECRET_REQUEST)
                                    .doOnTerminate(() -> latencies[i] = System.nanoTime() - began)
                                    .then()
                                    .onErrorResume(error -> Mono.empty());
                        }), setup.inFlight()));
            }
            Flux.merge(work).blockLast(Duration.ofMinutes(5));
        } finally {
            replicas.forEach(Replica::close);
            if (published != null) {
                published.close();
            }
            server.disposeNow(Duration.ofSeconds(5));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "| %s | %s | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %.2f | %,d | %,d | %,d | %.1f |%n",
                setup.name(), mode.label, setup.calls(), outcomes.succeeded.get(), outcomes.met429.get(),
                outcomes.failed429.get(), outcomes.notSent.get(), outcomes.otherErrors.get(), timeline.seen(),
                (double) timeline.seen() / setup.calls(), timeline.refused(),
                latencies[latencies.length / 2] / 1_000_000, latencies[latencies.length * 99 / 100] / 1_000_000,
                seconds);
        if (published != null) {
            System.out.printf(Locale.ROOT, "(states the gates published through Redis: %,d)%n", published.count());
        }
        String table = timeline.table(setup.name() + ", rate gate " + mode.label, bucket);
        return published == null ? table : table + published.table();
    }

    /**
     * One client, as one replica of an application would have it: its own {@link RealtimeSessions}
     * and, when sharing, its own Lettuce client and {@link RedisSharedRateGate}.
     */
    private record Replica(RealtimeSessions sessions, @Nullable RedisClient redisClient,
            @Nullable RedisSharedRateGate sharedGate) {

        static Replica start(Setup setup, Mode mode, Outcomes outcomes, int port, @Nullable RedisServer redis) {
            RealtimeSessions.Builder builder = RealtimeSessions.builder()
                    .apiKey("sk-benchmark-0123456789abcdef")
                    .baseUrl("http://127.0.0.1:" + port + "/v1")
                    .timeout(setup.timeout())
                    .rateGate(mode.gate())
                    .callListener(outcomes);
            if (redis == null) {
                return new Replica(builder.build(), null, null);
            }
            RedisClient client = RedisClient.create();
            RedisSharedRateGate gate = RedisSharedRateGate.builder(client, RedisURI.create(redis.url())).build();
            return new Replica(builder.sharedRateGate(gate).build(), client, gate);
        }

        /** The client first, then its gate, then its Lettuce client, as the gate's documentation asks. */
        void close() {
            sessions.close();
            if (sharedGate != null) {
                sharedGate.close();
            }
            if (redisClient != null) {
                redisClient.shutdown();
            }
        }
    }

    /**
     * Counts the states published on the gates' channel, and, before the run, waits until every
     * replica's gate is subscribed to it (as long-running replicas would be).
     */
    private static final class PublishedStates extends RedisPubSubAdapter<String, String> implements AutoCloseable {
        private static final String CHANNEL = RedisSharedRateGate.DEFAULT_KEY_PREFIX + "gate";
        private final AtomicLong count = new AtomicLong();
        private final AtomicIntegerArray perSecond = new AtomicIntegerArray(120);
        private final AtomicLongArray aheadMillis = new AtomicLongArray(120);
        private final AtomicLongArray inFlight = new AtomicLongArray(120);
        private final AtomicLongArray shortestMicros = new AtomicLongArray(120);
        private volatile long started = System.nanoTime();
        private final RedisClient client = RedisClient.create();
        private final RedisURI uri;
        private final StatefulRedisPubSubConnection<String, String> connection;

        private PublishedStates(RedisServer redis) {
            uri = RedisURI.create(redis.url());
            connection = client.connectPubSub(StringCodec.UTF8, uri);
            connection.addListener(this);
            connection.sync().subscribe(CHANNEL);
        }

        static PublishedStates listen(RedisServer redis, int gates) {
            PublishedStates published = new PublishedStates(redis);
            try (StatefulRedisConnection<String, String> commands = published.client.connect(StringCodec.UTF8, published.uri)) {
                long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                // the gates' subscriptions, and this one
                while (commands.sync().pubsubNumsub(CHANNEL).getOrDefault(CHANNEL, 0L) < gates + 1) {
                    if (System.nanoTime() > end) {
                        throw new IllegalStateException("the gates did not subscribe to " + CHANNEL + " within 20 s");
                    }
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the gates", e);
            }
            return published;
        }

        @Override
        public void message(String channel, String message) {
            count.incrementAndGet();
            // 1;<credential>;<limit>;<interval ns>;<until µs of the epoch>;<in flight>;<origin>
            String[] fields = message.split(";", 7);
            if (fields.length == 7) {
                long nowMicros = System.currentTimeMillis() * 1_000L;
                int second = (int) Math.min(aheadMillis.length() - 1, (System.nanoTime() - started) / 1_000_000_000L);
                aheadMillis.accumulateAndGet(second, (Long.parseLong(fields[4]) - nowMicros) / 1_000L, Math::max);
                inFlight.accumulateAndGet(second, Long.parseLong(fields[5]), Math::max);
                long interval = Long.parseLong(fields[3]);
                if (interval > 0) {
                    shortestMicros.accumulateAndGet(second, interval / 1_000L,
                            (kept, next) -> kept == 0 ? next : Math.min(kept, next));
                }
                perSecond.incrementAndGet(second);
            }
        }

        void start(long nanos) {
            started = nanos;
        }

        /** Second by second: the states published, the furthest {@code until} ahead of now, the most in flight, the shortest interval. */
        String table() {
            StringBuilder text = new StringBuilder("\nStates published through Redis, second by second:\n\n")
                    .append("| second | states | furthest until ahead of now, ms | most in flight reported"
                            + " | shortest interval, ms |\n")
                    .append("|---|---|---|---|---|\n");
            for (int i = 0; i < perSecond.length(); i++) {
                if (perSecond.get(i) > 0) {
                    text.append(String.format(Locale.ROOT, "| %d-%d | %d | %d | %d | %.2f |%n", i, i + 1,
                            perSecond.get(i), aheadMillis.get(i), inFlight.get(i), shortestMicros.get(i) / 1e3));
                }
            }
            return text.toString();
        }

        long count() {
            return count.get();
        }

        @Override
        public void close() {
            connection.close();
            client.shutdown();
        }
    }

    /** What the calls met, from a listener on every call. */
    private static final class Outcomes implements CallListener.Factory {
        final AtomicInteger succeeded = new AtomicInteger();
        final AtomicInteger met429 = new AtomicInteger();
        final AtomicInteger failed429 = new AtomicInteger();
        final AtomicInteger notSent = new AtomicInteger();
        final AtomicInteger otherErrors = new AtomicInteger();

        @Override
        public CallListener callStarted(String endpoint, ContextView context) {
            return new CallListener() {
                private boolean refused;

                @Override
                public void attemptFailed(int attempt, RealtimeSessionsException error) {
                    refused |= error instanceof RateLimitException;
                }

                @Override
                public void callSucceeded(int status, int attempts) {
                    succeeded.incrementAndGet();
                    count();
                }

                @Override
                public void callFailed(RealtimeSessionsException error, int attempts) {
                    (attempts == 0 ? notSent : error instanceof RateLimitException ? failed429 : otherErrors)
                            .incrementAndGet();
                    count();
                }

                private void count() {
                    if (refused) {
                        met429.incrementAndGet();
                    }
                }
            };
        }
    }

    /** Requests the server saw and refused, per second of the run. */
    private static final class Timeline {
        private final AtomicIntegerArray seen;
        private final AtomicIntegerArray refused;
        private volatile long start;

        Timeline(int seconds) {
            this.seen = new AtomicIntegerArray(seconds);
            this.refused = new AtomicIntegerArray(seconds);
        }

        void start(long nanos) {
            start = nanos;
        }

        void seen(boolean granted) {
            int second = (int) Math.min(seen.length() - 1, (System.nanoTime() - start) / 1_000_000_000L);
            seen.incrementAndGet(second);
            if (!granted) {
                refused.incrementAndGet(second);
            }
        }

        int seen() {
            return sum(seen);
        }

        int refused() {
            return sum(refused);
        }

        private static int sum(AtomicIntegerArray counts) {
            int total = 0;
            for (int i = 0; i < counts.length(); i++) {
                total += counts.get(i);
            }
            return total;
        }

        String table(String title, Bucket bucket) {
            StringBuilder text = new StringBuilder("\n").append(title).append(":\n\n")
                    .append("| second | server's rate /s | requests the server saw | granted | 429s |\n")
                    .append("|---|---|---|---|---|\n");
            int last = 0;
            for (int i = 0; i < seen.length(); i++) {
                if (seen.get(i) > 0) {
                    last = i;
                }
            }
            // up to the first idle second after the last busy one; idle seconds between are shown
            for (int i = 0; i <= Math.min(last + 1, seen.length() - 1); i++) {
                text.append(String.format(Locale.ROOT, "| %d-%d | %d | %d | %d | %d |%n", i, i + 1,
                        bucket.rateAt(i * 1_000L), seen.get(i), seen.get(i) - refused.get(i), refused.get(i)));
            }
            return text.toString();
        }
    }

    /** A token bucket: {@code capacity} requests, refilled at a rate that may change at given times. */
    private static final class Bucket {
        private final int capacity;
        private final int rate;
        private final List<RateChange> changes;
        private long start;
        private long lastNanos;
        private double tokens;

        Bucket(int capacity, int rate, List<RateChange> changes) {
            this.capacity = capacity;
            this.rate = rate;
            this.changes = changes;
            this.tokens = capacity;
        }

        synchronized void start(long nanos) {
            start = nanos;
            lastNanos = nanos;
        }

        int rateAt(long millis) {
            int current = rate;
            for (RateChange change : changes) {
                if (millis >= change.atMillis()) {
                    current = change.rate();
                }
            }
            return current;
        }

        /** Takes a token if there is one: {granted 0 or 1, remaining, milliseconds until full}. */
        synchronized long[] take() {
            long now = System.nanoTime();
            double perNano = rateAt((now - start) / 1_000_000) / 1e9;
            tokens = Math.min(capacity, tokens + (now - lastNanos) * perNano);
            lastNanos = now;
            long granted = 0;
            if (tokens >= 1) {
                tokens -= 1;
                granted = 1;
            }
            long untilFull = (long) Math.ceil((capacity - tokens) / perNano / 1e6);
            return new long[] {granted, (long) Math.floor(tokens), untilFull};
        }
    }
}
