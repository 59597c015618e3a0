package dev.realtimesessions.benchmarks;

import dev.realtimesessions.CallListener;
import dev.realtimesessions.RateLimitException;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RealtimeSessionsException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
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
 * RateGateRun all</pre>
 *
 * Defaults: 2,000 calls, 200 in flight, a bucket of 100 refilled at 200 a second, a 10 s deadline,
 * no delay, no change. {@code CHANGES} is a list such as {@code 3000:100,6000:200} (at 3 s of the
 * run the rate becomes 100 a second, at 6 s 200 again). Prints one Markdown table row per mode,
 * and for a run with changes the requests the server saw second by second. {@code all} runs every
 * row of BENCHMARKS.md.
 */
public final class RateGateRun {

    private RateGateRun() {
    }

    /** One server and workload. */
    private record Setup(String name, int calls, int inFlight, int capacity, int rate, Duration timeout,
            Duration delay, List<RateChange> changes) {
    }

    /** The server's rate from {@code atMillis} of the run on. */
    private record RateChange(long atMillis, int rate) {
    }

    /**
     * Runs it.
     *
     * @param args calls, calls in flight, bucket capacity, refill per second, deadline in ms, answer delay in ms,
     *     rate changes; or {@code all}
     */
    public static void main(String[] args) {
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
        System.out.println("| run | rate gate | calls | succeeded | met a 429 | failed: 429 | failed: not sent"
                + " | failed: other | requests the server saw | per call | 429s the server sent | p50 ms | p99 ms"
                + " | wall s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        List<String> timelines = new ArrayList<>();
        for (Setup setup : setups) {
            for (boolean gate : new boolean[] {false, true}) {
                String timeline = run(setup, gate);
                if (!setup.changes().isEmpty()) {
                    timelines.add(timeline);
                }
            }
        }
        timelines.forEach(System.out::println);
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

    /** One run; returns the second-by-second table of what the server saw. */
    private static String run(Setup setup, boolean gate) {
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
        long start = System.nanoTime();
        bucket.start(start);
        timeline.start(start);
        try (RealtimeSessions sessions = RealtimeSessions.builder()
                .apiKey("sk-benchmark-0123456789abcdef")
                .baseUrl("http://127.0.0.1:" + server.port() + "/v1")
                .timeout(setup.timeout())
                .rateGate(gate)
                .callListener(outcomes)
                .build()) {
            Flux.range(0, setup.calls())
                    .flatMap(i -> Mono.defer(() -> {
                        long began = System.nanoTime();
                        return sessions.createClientSecret(Payloads.CLIENT_SECRET_REQUEST)
                                .doOnTerminate(() -> latencies[i] = System.nanoTime() - began)
                                .then()
                                .onErrorResume(error -> Mono.empty());
                    }), setup.inFlight())
                    .blockLast(Duration.ofMinutes(5));
        } finally {
            server.disposeNow(Duration.ofSeconds(5));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "| %s | %s | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %.2f | %,d | %,d | %,d | %.1f |%n",
                setup.name(), gate ? "on" : "off", setup.calls(), outcomes.succeeded.get(), outcomes.met429.get(),
                outcomes.failed429.get(), outcomes.notSent.get(), outcomes.otherErrors.get(), timeline.seen(),
                (double) timeline.seen() / setup.calls(), timeline.refused(),
                latencies[latencies.length / 2] / 1_000_000, latencies[latencies.length * 99 / 100] / 1_000_000,
                seconds);
        return timeline.table(setup.name() + ", rate gate " + (gate ? "on" : "off"), bucket);
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
            for (int i = 0; i < seen.length(); i++) {
                if (seen.get(i) == 0 && i > 0 && seen.get(i - 1) == 0) {
                    break;
                }
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
