package dev.realtimesessions.benchmarks;

import dev.realtimesessions.RateLimitException;
import dev.realtimesessions.RealtimeSessions;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The rate gate against a token-bucket server: the same burst of calls for one key with the gate
 * on and off, counting what the server saw. The server holds {@code CAPACITY} requests and refills
 * {@code RATE} a second; an answer reports {@code x-ratelimit-remaining-requests} and, as OpenAI
 * does, {@code x-ratelimit-reset-requests} as the time until the bucket is full again; an empty
 * bucket answers 429 with {@code retry-after: 1}.
 *
 * <pre>RateGateRun [CALLS [CONCURRENCY [CAPACITY [RATE]]]]</pre>
 *
 * Defaults: 2,000 calls, 200 in flight, a bucket of 100 refilled at 200 a second. Prints one
 * Markdown table row per mode.
 */
public final class RateGateRun {

    private RateGateRun() {
    }

    /**
     * Runs it.
     *
     * @param args calls, calls in flight, bucket capacity, refill per second
     */
    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int capacity = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        System.out.println("| rate gate | calls | succeeded | failed (429) | failed (other) | requests the server saw"
                + " | 429s the server sent | wall s |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (boolean gate : new boolean[] {false, true}) {
            run(gate, calls, concurrency, capacity, rate);
        }
    }

    private static void run(boolean gate, int calls, int concurrency, int capacity, int rate) {
        Bucket bucket = new Bucket(capacity, rate);
        AtomicInteger seen = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.post("/v1/realtime/client_secrets", (request, response) -> request.receive()
                        .then().then(Mono.defer(() -> {
                            seen.incrementAndGet();
                            long[] state = bucket.take();
                            response.header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                                    .header("x-ratelimit-limit-requests", Integer.toString(capacity))
                                    .header("x-ratelimit-remaining-requests", Long.toString(state[1]))
                                    .header("x-ratelimit-reset-requests", state[2] + "ms");
                            if (state[0] == 0) {
                                refused.incrementAndGet();
                                return response.status(HttpResponseStatus.TOO_MANY_REQUESTS)
                                        .header("retry-after", "1")
                                        .sendString(Mono.just("{\"error\":{\"message\":\"Rate limit reached\","
                                                + "\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"))
                                        .then();
                            }
                            return response.sendByteArray(Mono.just(Payloads.CLIENT_SECRET_RESPONSE)).then();
                        }))))
                .bindNow();
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger rateLimited = new AtomicInteger();
        AtomicInteger otherErrors = new AtomicInteger();
        long start = System.nanoTime();
        try (RealtimeSessions sessions = RealtimeSessions.builder()
                .apiKey("sk-benchmark-0123456789abcdef")
                .baseUrl("http://127.0.0.1:" + server.port() + "/v1")
                .timeout(Duration.ofSeconds(10))
                .rateGate(gate)
                .build()) {
            Flux.range(0, calls)
                    .flatMap(i -> sessions.createClientSecret(Payloads.CLIENT_SECRET_REQUEST)
                            .doOnNext(response -> succeeded.incrementAndGet())
                            .onErrorResume(error -> {
                                (error instanceof RateLimitException ? rateLimited : otherErrors).incrementAndGet();
                                return Mono.empty();
                            }), concurrency)
                    .blockLast(Duration.ofMinutes(5));
        } finally {
            server.disposeNow(Duration.ofSeconds(5));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("| %s | %,d | %,d | %,d | %,d | %,d | %,d | %.1f |%n", gate ? "on" : "off", calls,
                succeeded.get(), rateLimited.get(), otherErrors.get(), seen.get(), refused.get(), seconds);
    }

    /** A token bucket: {@code capacity} requests, refilled at {@code rate} a second. */
    private static final class Bucket {
        private final int capacity;
        private final double perNano;
        private final AtomicLong lastNanos = new AtomicLong(System.nanoTime());
        private double tokens;

        Bucket(int capacity, int rate) {
            this.capacity = capacity;
            this.perNano = rate / 1e9;
            this.tokens = capacity;
        }

        /** Takes a token if there is one: {granted 0 or 1, remaining, milliseconds until full}. */
        synchronized long[] take() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - lastNanos.getAndSet(now)) * perNano);
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
