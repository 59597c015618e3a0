package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testing.HostileServer;
import dev.realtimesessions.testing.Memory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

/**
 * Heavy concurrent use against a real loopback server: nothing lost, nothing leaked. Asserts
 * outcomes (every call accounted for, pools drained, no thread per request, bounded heap), never
 * durations; real-time bounds are generous ceilings against a hang, not expectations.
 */
@Tag("load")
@SuppressWarnings("deprecation") // also calls the beta endpoints, which stay supported and tested
class LoadTest {

    private static final Duration CEILING = Duration.ofSeconds(120);

    private HostileServer server;
    private final List<ConnectionPoolMetrics> pools = new CopyOnWriteArrayList<>();
    private ConnectionProvider provider;

    @BeforeEach
    void start() {
        server = HostileServer.start().withoutRecording();
    }

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.disposeLater().block(Duration.ofSeconds(30));
        }
        server.close();
    }

    /** A pool of our own with metrics on, so the test can see how many connections are acquired. */
    private HttpClient observedHttpClient(int maxConnections) {
        provider = ConnectionProvider.builder("hardening-load")
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(100_000)
                .pendingAcquireTimeout(Duration.ofMinutes(5))
                .metrics(true, () -> (poolName, id, remoteAddress, metrics) -> pools.add(metrics))
                .build();
        return HttpClient.create(provider);
    }

    private int acquired() {
        return pools.stream().mapToInt(ConnectionPoolMetrics::acquiredSize).sum();
    }

    private int pending() {
        return pools.stream().mapToInt(ConnectionPoolMetrics::pendingAcquireSize).sum();
    }

    private RealtimeSessions.Builder client() {
        return RealtimeSessions.builder().apiKey(Fixtures.API_KEY).baseUrl(server.baseUrl());
    }

    @Test
    void tenThousandCallsAtConcurrency512AgainstTenPercentRandomFaultsAllSucceedAndLeakNothing() throws Exception {
        AtomicInteger faults = new AtomicInteger();
        server.otherwise(HostileServer.randomFaults(0.10, HostileServer.ok(), faults));
        RetryPolicy policy = RetryPolicy.defaults().withMaxRetries(8).withBackoff(Duration.ofMillis(1), Duration.ofMillis(20));
        AtomicLong attempts = new AtomicLong();
        Map<String, Boolean> secrets = new ConcurrentHashMap<>();
        long succeeded;
        try (RealtimeSessions sessions = client().httpClient(observedHttpClient(512)).retryPolicy(policy).build()) {
            succeeded = Flux.range(0, 10_000)
                    .flatMap(i -> sessions.createWithResponse(request()), 512)
                    .doOnNext(response -> {
                        attempts.addAndGet(response.attempts());
                        secrets.put(response.value().clientSecret().value(), true);
                    })
                    .count()
                    .block(CEILING);
            awaitUntil("no pooled connection is still acquired", this::acquired, 0);
            assertThat(pending()).isZero();
        }
        assertThat(succeeded).as("every call succeeded").isEqualTo(10_000);
        assertThat(faults.get()).as("about a tenth of the attempts failed").isBetween(500, 2_000);
        assertThat(attempts.get()).as("attempts reported by the calls = attempts the server saw")
                .isEqualTo(server.attempts()).isEqualTo(10_000L + faults.get());
        assertThat(secrets).containsOnlyKeys(Fixtures.SECRET);
        assertThat(pools).as("the observed pool was used").isNotEmpty();
    }

    @Test
    void fiveThousandCallsInFlightAtOnceCompleteOnTheDefaultPoolOnTheEventLoopsWithABoundedHeap() throws Exception {
        server.otherwise(HostileServer.delay(Duration.ofSeconds(1), HostileServer.ok()));
        Set<String> deliveredOn = ConcurrentHashMap.newKeySet();
        int threadsBefore = Memory.liveThreads().size();
        long heapBefore = Memory.usedHeapAfterGc();
        AtomicInteger succeeded = new AtomicInteger();
        AtomicLong attempts = new AtomicLong();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        int peakThreads = 0;
        long heapAtPeak = 0;
        try (RealtimeSessions sessions = client().build()) {
            Disposable calls = Flux.range(0, 5_000)
                    .flatMap(i -> sessions.createWithResponse(request()), 5_000)
                    .doOnNext(response -> {
                        deliveredOn.add(Thread.currentThread().getName());
                        attempts.addAndGet(response.attempts());
                    })
                    .subscribe(session -> succeeded.incrementAndGet(), errors::add);
            long end = System.nanoTime() + CEILING.toNanos();
            boolean sampledHeap = false;
            while (succeeded.get() + errors.size() < 5_000 && errors.isEmpty() && System.nanoTime() < end) {
                peakThreads = Math.max(peakThreads, Memory.liveThreads().size());
                if (!sampledHeap && server.inFlight() >= 500) {
                    heapAtPeak = Memory.usedHeapAfterGc();
                    sampledHeap = true;
                }
                Thread.sleep(50);
            }
            calls.dispose();
        }
        assertThat(errors).as("no call failed").isEmpty();
        assertThat(succeeded.get()).as("every call succeeded").isEqualTo(5_000);
        assertThat(attempts.get()).as("attempts reported by the calls = attempts the server saw (a rare retry allowed)")
                .isEqualTo(server.attempts()).isLessThan(5_000 + 50);
        // Not 5,000: on a loaded machine the first calls end (after the server's 1 s) before the last
        // connections open; 500 still proves the point, thirty times Reactor Netty's default.
        assertThat(server.peakInFlight())
                .as("the default pool let far more exchanges run at once than Reactor Netty's default of 16 connections")
                .isGreaterThanOrEqualTo(500);
        assertThat(peakThreads - threadsBefore).as("no thread per request").isLessThan(64);
        assertThat(deliveredOn).as("answers are delivered on Reactor Netty's event loops")
                .allMatch(name -> name.startsWith("reactor-http-")).hasSizeLessThanOrEqualTo(16);
        assertThat(heapAtPeak - heapBefore).as("heap held with five hundred or more calls in flight")
                .isLessThan(256L << 20);
    }

    @Test
    void aLaunchStormOfRateLimitsForThreeSecondsIsRiddenOutWithTheDefaults() {
        AtomicInteger rateLimited = new AtomicInteger();
        server.otherwise(rateLimitedFor(Duration.ofSeconds(3), rateLimited));
        AtomicLong attempts = new AtomicLong();
        long succeeded;
        try (RealtimeSessions sessions = client().build()) {
            succeeded = Flux.range(0, 2_000)
                    .flatMap(i -> sessions.createWithResponse(request()), 2_000)
                    .doOnNext(response -> attempts.addAndGet(response.attempts()))
                    .count()
                    .block(CEILING);
        }
        assertThat(succeeded).as("every call succeeded").isEqualTo(2_000);
        assertThat(rateLimited.get()).as("the storm was felt").isPositive();
        assertThat(attempts.get()).as("attempts reported by the calls = attempts the server saw")
                .isEqualTo(server.attempts()).isEqualTo(2_000L + rateLimited.get()).isLessThanOrEqualTo(3L * 2_000);
    }

    @Test
    void aLaunchStormWithAOneSecondDeadlineFailsEveryCallAtOnceWithRateLimitException() {
        AtomicInteger rateLimited = new AtomicInteger();
        // Warm connections first, so that no call spends its second opening one.
        for (int i = 0; i < 32; i++) {
            server.enqueue(HostileServer.ok());
        }
        // The storm outlasts the calls here, so that a slow machine cannot let a late call through.
        server.otherwise(rateLimitedFor(Duration.ofSeconds(60), rateLimited));
        List<Object> outcomes;
        // The retry policy's own fail-fast, every call sent; the rate gate's is the next test.
        try (RealtimeSessions sessions = client().timeout(Duration.ofSeconds(1)).rateGate(false).build()) {
            Flux.range(0, 32).flatMap(i -> sessions.create(request()), 32).blockLast(CEILING);
            outcomes = Flux.range(0, 2_000)
                    .flatMap(i -> sessions.create(request()).map(Object.class::cast)
                            .onErrorResume(error -> Mono.just(error)), 32)
                    .collectList()
                    .block(CEILING);
        }
        assertThat(outcomes).hasSize(2_000).allSatisfy(outcome -> {
            assertThat(outcome).as("failed at once, not by waiting into the deadline").isInstanceOf(RateLimitException.class);
            assertThat(((RateLimitException) outcome).retryAfter()).contains(Duration.ofSeconds(2));
        });
        assertThat(rateLimited.get()).as("nothing waited for a second attempt").isEqualTo(2_000);
    }

    @Test
    void aLaunchStormWithTheRateGateFailsEveryCallAtOnceAndSparesTheServer() {
        AtomicInteger rateLimited = new AtomicInteger();
        for (int i = 0; i < 32; i++) {
            server.enqueue(HostileServer.ok());
        }
        server.otherwise(rateLimitedFor(Duration.ofSeconds(60), rateLimited));
        List<Object> outcomes;
        try (RealtimeSessions sessions = client().timeout(Duration.ofSeconds(1)).build()) {
            Flux.range(0, 32).flatMap(i -> sessions.create(request()), 32).blockLast(CEILING);
            outcomes = Flux.range(0, 2_000)
                    .flatMap(i -> sessions.create(request()).map(Object.class::cast)
                            .onErrorResume(error -> Mono.just(error)), 32)
                    .collectList()
                    .block(CEILING);
        }
        assertThat(outcomes).hasSize(2_000).allSatisfy(outcome -> {
            assertThat(outcome).as("failed at once, not by waiting into the deadline").isInstanceOf(RateLimitException.class);
            assertThat(((RateLimitException) outcome).retryAfter()).hasValueSatisfying(wait ->
                    assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2)));
        });
        // The calls after the first answers find the key held and are not sent.
        assertThat(rateLimited.get()).as("the server saw fewer calls than were made").isPositive().isLessThan(2_000);
    }

    @Test
    void cancellingHalfOfAThousandCallsInFlightFreesTheirConnectionsAndTheOtherHalfComplete() throws Exception {
        Sinks.Empty<Void> release = Sinks.empty();
        server.otherwise(HostileServer.holdUntil(release.asMono(), HostileServer.ok()));
        AtomicInteger succeeded = new AtomicInteger();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        try (RealtimeSessions sessions = client().httpClient(observedHttpClient(2_000)).build()) {
            List<Disposable> calls = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                calls.add(sessions.create(request()).subscribe(
                        (RealtimeSession session) -> succeeded.incrementAndGet(), errors::add));
            }
            awaitUntil("all thousand requests reached the server", server::inFlight, 1_000);
            assertThat(acquired()).isEqualTo(1_000);
            int closedBefore = server.connectionsClosed();
            for (int i = 0; i < 1_000; i += 2) {
                calls.get(i).dispose();
            }
            awaitUntil("the cancelled calls' connections were closed", () -> server.connectionsClosed() - closedBefore, 500);
            awaitUntil("the cancelled calls' connections left the pool", this::acquired, 500);
            awaitUntil("the server saw the cancelled calls end", server::inFlight, 500);
            release.tryEmitEmpty();
            awaitUntil("the other half completed", succeeded::get, 500);
            awaitUntil("no pooled connection is still acquired", this::acquired, 0);
        }
        assertThat(errors).as("a cancelled call signals nothing; the others succeeded").isEmpty();
        assertThat(succeeded.get()).isEqualTo(500);
        assertThat(server.attempts()).as("no call was retried").isEqualTo(1_000);
    }

    /** 429 with {@code retry-after: 2} from the first request until the window has passed, then success. */
    private static HostileServer.Behaviour rateLimitedFor(Duration window, AtomicInteger rateLimited) {
        AtomicLong start = new AtomicLong();
        HostileServer.Behaviour limited = HostileServer.rateLimitedSeconds(2);
        HostileServer.Behaviour ok = HostileServer.ok();
        return (request, response) -> {
            long now = System.nanoTime();
            long since = now - start.updateAndGet(first -> first == 0 ? now : first);
            if (since < window.toNanos()) {
                rateLimited.incrementAndGet();
                return limited.respond(request, response);
            }
            return ok.respond(request, response);
        };
    }

    private static void awaitUntil(String what, IntSupplier value, int expected) throws InterruptedException {
        long end = System.nanoTime() + CEILING.toNanos();
        while (value.getAsInt() != expected && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(value.getAsInt()).as(what).isEqualTo(expected);
    }
}
