package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.client;
import static dev.realtimesessions.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testsupport.LogCapture;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.test.scheduler.VirtualTimeScheduler;
import reactor.util.context.ContextView;

/**
 * Two clients share their rate gates' state through an in-memory {@link SharedRateGate}, against
 * one loopback server, in virtual time: what one learns from an answer holds or paces the other
 * before it meets a 429 itself. Whether a call was let go is read from its listener's
 * {@code attemptStarted}, which the gate calls on the thread that lets it go: it is known when the
 * virtual clock's move returns. Nothing is timed.
 */
@SuppressWarnings("deprecation") // the beta endpoint's small answer keeps the server simple
class SharedRateGateTest {

    private static final String LOGGER = "dev.realtimesessions.RealtimeSessions";

    private final MockWebServer server = new MockWebServer();
    private final InMemoryGate shared = new InMemoryGate();
    private VirtualTimeScheduler time;

    @BeforeEach
    void start() throws Exception {
        time = VirtualTimeScheduler.getOrSet();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        VirtualTimeScheduler.reset();
    }

    private RealtimeSessions.Builder sharing(SharedRateGate gate, Recorder recorder) {
        return client(server).retryPolicy(RetryPolicy.none()).sharedRateGate(gate).callListener(recorder);
    }

    @Test
    void aHoldOneClientLearnsFromA429HoldsTheOtherWhichSendsNothingUntilItEnds() throws Exception {
        server.enqueue(Fixtures.status(429).addHeader("retry-after", "2").build());
        server.enqueue(Fixtures.ok());
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        try (RealtimeSessions clientA = sharing(shared, a).build();
             RealtimeSessions clientB = sharing(shared, b).build()) {
            assertThat(Fixtures.failure(clientA.create(request()))).isInstanceOf(RateLimitException.class);
            assertThat(shared.published).as("A published the hold").singleElement().satisfies(state -> {
                assertThat(state.isHold()).isTrue();
                assertThat(state.credential()).isEqualTo(digest("openai", Fixtures.API_KEY, null));
                assertThat(state.until()).isEqualTo(Instant.ofEpochMilli(time.now(TimeUnit.MILLISECONDS))
                        .plusSeconds(2));
            });

            CompletableFuture<Object> callB = clientB.create(request()).<Object>map(session -> session).toFuture();
            assertThat(b.holds).as("B is held for the rest of A's hold").containsExactly(Duration.ofSeconds(2));
            time.advanceTimeBy(Duration.ofMillis(1_999));
            assertThat(b.attempts.get()).as("B sent nothing during the hold").isZero();
            time.advanceTimeBy(Duration.ofMillis(1));
            assertThat(b.attempts.get()).as("B's call goes once the hold ends").isEqualTo(1);
            assertThat(callB.get(Fixtures.WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
        }
        assertThat(server.getRequestCount()).as("A's refused request and B's, never one of B's refused")
                .isEqualTo(2);
        assertThat(shared.subscribers()).as("each client cancelled the news when closed").isZero();
    }

    @Test
    void aPaceOneClientLearnsPacesTheOtherWhileAClientNotSharingGoesAtOnce() throws Exception {
        // every answer: a bucket of ten, empty, whole again in a second (one back every 100 ms)
        answerEveryCallWithBucket("10", "0", "1s");
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        Recorder alone = new Recorder();
        try (RealtimeSessions clientA = sharing(shared, a).build();
             RealtimeSessions clientB = sharing(shared, b).build();
             RealtimeSessions notSharing = client(server).retryPolicy(RetryPolicy.none()).callListener(alone).build()) {
            clientA.create(request()).block(Fixtures.WAIT);
            assertThat(shared.published).as("A published the pace it learned").singleElement().satisfies(state -> {
                assertThat(state.limit()).isEqualTo(10);
                assertThat(state.interval()).isEqualTo(Duration.ofMillis(100));
            });

            List<CompletableFuture<Object>> callsB = List.of(call(clientB), call(clientB), call(clientB));
            assertThat(b.holds).as("B's calls wait their turns at the rate A learned").hasSize(3);
            assertThat(b.attempts.get()).isZero();
            CompletableFuture<Object> callAlone = call(notSharing);
            assertThat(alone.holds).as("a client that does not share knows nothing of it").isEmpty();
            assertThat(alone.attempts.get()).isEqualTo(1);
            callAlone.get(Fixtures.WAIT.toSeconds(), TimeUnit.SECONDS);

            for (int step = 0; b.succeeded.get() < 3; step++) {
                assertThat(step).as("virtual milliseconds").isLessThan(10_000);
                time.advanceTimeBy(Duration.ofMillis(10));
                b.settle();
            }
            for (CompletableFuture<Object> call : callsB) {
                assertThat(call.get(Fixtures.WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
            }
        }
    }

    @Test
    void aClientIgnoresItsOwnNewsAndMergesAPeers() throws Exception {
        answerEveryCallWithBucket("10", "0", "100ms");
        Recorder a = new Recorder();
        try (RealtimeSessions clientA = sharing(shared, a).build()) {
            clientA.create(request()).block(Fixtures.WAIT);
            RateGateState own = shared.published.get(0);
            // the lane it opened leaves once the bucket is whole again
            time.advanceTimeBy(Duration.ofSeconds(1));

            shared.deliver(hold(own.credential(), own.origin(), Duration.ofSeconds(10)));
            CompletableFuture<Object> notHeld = call(clientA);
            assertThat(a.holds).as("its own hold, heard back, is not merged").isEmpty();
            assertThat(a.attempts.get()).isEqualTo(2);
            notHeld.get(Fixtures.WAIT.toSeconds(), TimeUnit.SECONDS);
            time.advanceTimeBy(Duration.ofSeconds(1));

            shared.deliver(hold(own.credential(), "another-replica", Duration.ofSeconds(10)));
            CompletableFuture<Object> held = call(clientA);
            assertThat(a.holds).as("the same hold from another client holds it").hasSize(1);
            time.advanceTimeBy(Duration.ofSeconds(10));
            held.get(Fixtures.WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientPublishesWhatItsOwnAnswersSaidNeverThePeersNewsItMerged() throws Exception {
        // every answer: a bucket of ten with nine left, whole again in 50 ms
        answerEveryCallWithBucket("10", "9", "50ms");
        String credential = digest("openai", Fixtures.API_KEY, null);
        Instant start = Instant.ofEpochMilli(time.now(TimeUnit.MILLISECONDS));
        Recorder a = new Recorder();
        try (RealtimeSessions clientA = sharing(shared, a).build()) {
            // a peer's bucket, whole in 500 ms, with 8 requests of its own in flight: whole in 1.3 s for A
            shared.deliver(new RateGateState(credential, "peer", 10, Duration.ofMillis(100),
                    start.plusMillis(500), 8));
            CompletableFuture<Object> held = call(clientA);
            assertThat(a.holds).as("A waits for room in the bucket the peer described").hasSize(1);
            time.advanceTimeBy(Duration.ofMillis(500));
            assertThat(held.get(Fixtures.WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
        }
        // Had A published its merged pace, the peer's in-flight requests would come back to the peer in A's
        // state, to be counted again on top of its own: two replicas would push each other's holds ever later.
        assertThat(shared.published).as("A's state is its own answer's bucket: whole 50 ms after it")
                .singleElement().satisfies(state -> {
                    assertThat(state.origin()).isNotEqualTo("peer");
                    assertThat(state.until()).isEqualTo(start.plusMillis(550));
                    assertThat(state.interval()).isEqualTo(Duration.ofMillis(50));
                });
    }

    @Test
    void implausibleNewsIsIgnored() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return Fixtures.ok();
            }
        });
        String credential = digest("openai", Fixtures.API_KEY, null);
        Instant now = Instant.ofEpochMilli(time.now(TimeUnit.MILLISECONDS));
        Recorder a = new Recorder();
        try (RealtimeSessions clientA = sharing(shared, a).build()) {
            shared.deliver(hold(credential, "peer", Duration.ofSeconds(61)));
            shared.deliver(new RateGateState(credential, "peer", 0, Duration.ZERO, now.plus(Duration.ofDays(400)), 0));
            shared.deliver(new RateGateState(credential, "peer", 10, Duration.ofMinutes(2), now.plusSeconds(5), 0));
            shared.deliver(hold("not-a-digest", "peer", Duration.ofSeconds(10)));
            shared.deliver(hold(digest("openai", Fixtures.API_KEY, "proj_other"), "peer", Duration.ofSeconds(10)));
            call(clientA).get(Fixtures.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(a.holds).as("a wait beyond maxRetryAfter (60 s), a time a year away, an interval beyond"
                    + " maxRetryAfter, garbage, another project's hold: none holds this key").isEmpty();

            shared.deliver(hold(credential, "peer", Duration.ofSeconds(30)));
            CompletableFuture<Object> held = call(clientA);
            assertThat(a.holds).as("a hold within maxRetryAfter (and the call's deadline) does").hasSize(1);
            time.advanceTimeBy(Duration.ofSeconds(30));
            held.get(Fixtures.WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void whenTheNewsFailsTheClientWarnsAndPacesOnWhatItLearnsItself() throws Exception {
        SharedRateGate broken = new SharedRateGate() {
            @Override
            public void publish(RateGateState state) {
                shared.publish(state);
            }

            @Override
            public Flux<RateGateState> news() {
                return Flux.error(new IllegalStateException("the store is down"));
            }
        };
        server.enqueue(Fixtures.status(429).addHeader("retry-after", "1").build());
        server.enqueue(Fixtures.ok());
        Recorder a = new Recorder();
        try (LogCapture logs = LogCapture.debug(LOGGER);
             RealtimeSessions clientA = sharing(broken, a).build()) {
            assertThat(logs.messagesAtInfoOrAbove()).singleElement().asString()
                    .startsWith("The shared rate gate's news failed (java.lang.IllegalStateException: the store is down)")
                    .endsWith("this client paces on what it learns itself from now on");
            assertThat(Fixtures.failure(clientA.create(request()))).isInstanceOf(RateLimitException.class);
            CompletableFuture<Object> held = call(clientA);
            assertThat(a.holds).as("its own 429 still holds it").containsExactly(Duration.ofSeconds(1));
            time.advanceTimeBy(Duration.ofSeconds(1));
            held.get(Fixtures.WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void aPublishThatThrowsIsLoggedOnceAndIgnored() throws Exception {
        SharedRateGate throwing = new SharedRateGate() {
            @Override
            public void publish(RateGateState state) {
                throw new IllegalStateException("queue full");
            }

            @Override
            public Flux<RateGateState> news() {
                return Flux.never();
            }
        };
        for (int i = 0; i < 2; i++) {
            server.enqueue(Fixtures.status(429).addHeader("retry-after", "1").build());
        }
        Recorder a = new Recorder();
        try (LogCapture logs = LogCapture.debug(LOGGER);
             RealtimeSessions clientA = sharing(throwing, a).build()) {
            assertThat(Fixtures.failure(clientA.create(request()))).isInstanceOf(RateLimitException.class);
            time.advanceTimeBy(Duration.ofSeconds(1));
            assertThat(Fixtures.failure(clientA.create(request()))).isInstanceOf(RateLimitException.class);
            assertThat(logs.messagesAtInfoOrAbove()).singleElement().asString()
                    .startsWith("The shared rate gate failed to publish (java.lang.IllegalStateException: queue full)");
        }
    }

    @Test
    void aClientUnderNoPressurePublishesNothing() {
        answerEveryCallWithBucket("5000", "4999", "12ms");
        Recorder a = new Recorder();
        try (RealtimeSessions clientA = sharing(shared, a).build()) {
            assertThat(shared.subscribers()).isEqualTo(1);
            for (int i = 0; i < 20; i++) {
                clientA.create(request()).block(Fixtures.WAIT);
            }
        }
        assertThat(shared.published).isEmpty();
    }

    @Test
    void theBuilderRefusesANullSharedGateAndDescribesAGivenOne() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> RealtimeSessions.builder().sharedRateGate(null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("sharedRateGate");
        try (RealtimeSessions sessions = client(server).sharedRateGate(shared).build()) {
            assertThat(sessions.toString()).contains("sharedRateGate=" + InMemoryGate.class.getName());
        }
    }

    /** Answers every call with 200 and these rate-limit headers: the bucket's size, what is left, when it is whole. */
    private void answerEveryCallWithBucket(String limit, String remaining, String reset) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return Fixtures.ok().newBuilder().addHeader("x-ratelimit-limit-requests", limit)
                        .addHeader("x-ratelimit-remaining-requests", remaining)
                        .addHeader("x-ratelimit-reset-requests", reset).build();
            }
        });
    }

    private static CompletableFuture<Object> call(RealtimeSessions sessions) {
        return sessions.create(request()).<Object>map(session -> session).toFuture();
    }

    private RateGateState hold(String credential, String origin, Duration wait) {
        return new RateGateState(credential, origin, 0, Duration.ZERO,
                Instant.ofEpochMilli(time.now(TimeUnit.MILLISECONDS)).plus(wait), 0);
    }

    /** The credential's digest as RateGateState documents it: 128 bits of SHA-256(scheme, 0, key, 0, project). */
    private static String digest(String scheme, String key, String project) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(scheme.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        sha256.update(key.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        if (project != null) {
            sha256.update(project.getBytes(StandardCharsets.UTF_8));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha256.digest(), 16));
    }

    /** A shared gate in memory: what is published is delivered to every subscriber, the publisher too. */
    static final class InMemoryGate implements SharedRateGate {
        final List<RateGateState> published = new CopyOnWriteArrayList<>();
        private final Set<FluxSink<RateGateState>> sinks = ConcurrentHashMap.newKeySet();

        @Override
        public void publish(RateGateState state) {
            published.add(state);
            deliver(state);
        }

        void deliver(RateGateState state) {
            sinks.forEach(sink -> sink.next(state));
        }

        int subscribers() {
            return sinks.size();
        }

        @Override
        public Flux<RateGateState> news() {
            return Flux.create(sink -> {
                sinks.add(sink);
                sink.onDispose(() -> sinks.remove(sink));
            });
        }
    }

    /** What one client's calls did. */
    static final class Recorder implements CallListener.Factory {
        final List<Duration> holds = new CopyOnWriteArrayList<>();
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger attemptsEnded = new AtomicInteger();
        final AtomicInteger succeeded = new AtomicInteger();

        @Override
        public CallListener callStarted(String endpoint, ContextView context) {
            return new CallListener() {
                @Override
                public void attemptStarted(int attempt, BiConsumer<String, String> requestHeaders) {
                    attempts.incrementAndGet();
                }

                @Override
                public void attemptSucceeded(int attempt, int status, String requestId) {
                    attemptsEnded.incrementAndGet();
                }

                @Override
                public void attemptFailed(int attempt, RealtimeSessionsException error) {
                    attemptsEnded.incrementAndGet();
                }

                @Override
                public void rateGateHeld(Duration wait) {
                    holds.add(wait);
                }

                @Override
                public void callSucceeded(int status, int attempts) {
                    succeeded.incrementAndGet();
                }
            };
        }

        /** Waits until every attempt started has been answered: nothing more happens until the clock moves. */
        void settle() {
            long end = System.nanoTime() + Fixtures.WAIT.toNanos();
            while (attemptsEnded.get() < attempts.get() && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            assertThat(attemptsEnded.get()).as("attempts answered").isEqualTo(attempts.get());
        }
    }
}
