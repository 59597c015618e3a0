package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testsupport.LogCapture;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * An Entra ID token source behind a client, in virtual time: the token is cached until its
 * refresh margin, refreshed before it expires while calls go on with it, fetched once however many
 * calls wait for it, and a failed fetch fails the waiting calls and is not kept.
 */
class AzureTokenSourceTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private final MockWebServer server = new MockWebServer();
    private VirtualTimeScheduler clock;

    @BeforeEach
    void start() throws IOException {
        server.start();
        clock = VirtualTimeScheduler.getOrSet();
    }

    @AfterEach
    void stop() {
        VirtualTimeScheduler.reset();
        server.close();
    }

    /**
     * A token source that counts its subscriptions and answers each with the next token of
     * {@code lifetime}, {@code token-1}, {@code token-2}, ..., after {@code latency} of virtual time.
     */
    private final class CountingSource implements BearerTokenSource {
        final AtomicInteger fetches = new AtomicInteger();
        private final Duration lifetime;
        private final Duration latency;

        CountingSource(Duration lifetime, Duration latency) {
            this.lifetime = lifetime;
            this.latency = latency;
        }

        @Override
        public Mono<BearerToken> token() {
            return Mono.defer(() -> {
                int fetch = fetches.incrementAndGet();
                Mono<BearerToken> token = Mono.fromSupplier(() -> new BearerToken(AzureRequestsTest.TOKEN + "-" + fetch,
                        Instant.ofEpochMilli(clock.now(TimeUnit.MILLISECONDS)).plus(lifetime)));
                return latency.isZero() ? token : token.delaySubscription(latency, clock);
            });
        }
    }

    private RealtimeSessions client(BearerTokenSource source) {
        return RealtimeSessions.builder().azure("http://" + server.getHostName() + ":" + server.getPort())
                .azureTokenSource(source).retryPolicy(RetryPolicy.none()).build();
    }

    private void answerOk(int times) {
        for (int i = 0; i < times; i++) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                    .body(Fixtures.MINIMAL_CLIENT_SECRET).build());
        }
    }

    private static Mono<String> mint(RealtimeSessions sessions) {
        return sessions.createClientSecret(ClientSecretCreateRequest.builder().build()).map(response -> response.value());
    }

    /** The bearer token of each request the server received, in order. */
    private List<String> sentTokens(int count) throws InterruptedException {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordedRequest request = server.takeRequest(Fixtures.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(request).as("request %s reached the server", i + 1).isNotNull();
            assertThat(request.getHeaders().get("api-key")).isNull();
            tokens.add(request.getHeaders().get("Authorization").replace("Bearer " + AzureRequestsTest.TOKEN + "-", ""));
        }
        return tokens;
    }

    /** Runs {@code call} to its end on real threads; the virtual clock only moves when the test says so. */
    private static void completes(Mono<?> call) {
        StepVerifier.create(call).expectNextCount(1).expectComplete().verify(Fixtures.WAIT);
    }

    @Test
    void theTokenIsFetchedOnceAndKeptUntilItsRefreshMargin() throws Exception {
        CountingSource source = new CountingSource(HOUR, Duration.ZERO);
        answerOk(3);
        try (RealtimeSessions sessions = client(source)) {
            completes(mint(sessions));
            clock.advanceTimeBy(Duration.ofMinutes(54));
            completes(mint(sessions));
            completes(mint(sessions));
        }

        assertThat(source.fetches).hasValue(1);
        assertThat(sentTokens(3)).containsExactly("1", "1", "1");
    }

    @Test
    void withinTheMarginTheTokenIsRefreshedBeforeItExpiresAndCallsGoOnMeanwhile() throws Exception {
        CountingSource source = new CountingSource(HOUR, Duration.ofSeconds(2));
        answerOk(4);
        try (RealtimeSessions sessions = client(source)) {
            Mono<String> first = mint(sessions);
            StepVerifier.create(first).then(() -> clock.advanceTimeBy(Duration.ofSeconds(2)))
                    .expectNextCount(1).expectComplete().verify(Fixtures.WAIT);
            clock.advanceTimeBy(Duration.ofMinutes(56));

            completes(mint(sessions));
            assertThat(source.fetches).as("the refresh started, in the background").hasValue(2);
            completes(mint(sessions));
            clock.advanceTimeBy(Duration.ofSeconds(2));
            completes(mint(sessions));
        }

        assertThat(source.fetches).hasValue(2);
        assertThat(sentTokens(4)).as("the current token until the new one arrived").containsExactly("1", "1", "1", "2");
    }

    @Test
    void theMarginIsConfigurable() throws Exception {
        CountingSource source = new CountingSource(HOUR, Duration.ZERO);
        answerOk(3);
        try (RealtimeSessions sessions = RealtimeSessions.builder()
                .azure("http://" + server.getHostName() + ":" + server.getPort()).azureTokenSource(source)
                .azureTokenRefreshMargin(Duration.ofMinutes(20)).build()) {
            completes(mint(sessions));
            clock.advanceTimeBy(Duration.ofMinutes(39));
            completes(mint(sessions));
            clock.advanceTimeBy(Duration.ofMinutes(1));
            completes(mint(sessions));
        }

        assertThat(sentTokens(3)).containsExactly("1", "1", "2");
    }

    @Test
    void aShortLivedTokenIsRefreshedAtHalfItsLifeNotOnEveryCall() throws Exception {
        CountingSource source = new CountingSource(Duration.ofMinutes(4), Duration.ZERO);
        answerOk(4);
        try (RealtimeSessions sessions = client(source)) {
            completes(mint(sessions));
            clock.advanceTimeBy(Duration.ofSeconds(119));
            completes(mint(sessions));
            clock.advanceTimeBy(Duration.ofSeconds(1));
            completes(mint(sessions));
            completes(mint(sessions));
        }

        assertThat(sentTokens(4)).containsExactly("1", "1", "2", "2");
    }

    @Test
    void manyCallsWaitingForATokenCauseExactlyOneFetch() throws Exception {
        int calls = 50;
        CountingSource source = new CountingSource(HOUR, Duration.ofSeconds(3));
        answerOk(calls);
        try (RealtimeSessions sessions = client(source)) {
            Flux<String> all = Flux.range(0, calls).flatMap(i -> mint(sessions), calls);
            StepVerifier.create(all)
                    .then(() -> assertThat(source.fetches).hasValue(1))
                    .then(() -> assertThat(server.getRequestCount()).as("they wait for the token").isZero())
                    .then(() -> clock.advanceTimeBy(Duration.ofSeconds(3)))
                    .expectNextCount(calls)
                    .expectComplete()
                    .verify(Fixtures.WAIT);
        }

        assertThat(source.fetches).hasValue(1);
        assertThat(sentTokens(calls)).containsOnly("1");
    }

    @Test
    void callsRacingOnManyThreadsForAMissingTokenCauseExactlyOneFetch() throws Exception {
        int calls = 16;
        AtomicInteger fetches = new AtomicInteger();
        Sinks.One<BearerToken> fetched = Sinks.one();
        BearerTokenSource source = () -> {
            fetches.incrementAndGet();
            return fetched.asMono();
        };
        answerOk(calls);
        try (RealtimeSessions sessions = client(source)) {
            CyclicBarrier start = new CyclicBarrier(calls);
            List<CompletableFuture<String>> results = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                CompletableFuture<String> result = new CompletableFuture<>();
                results.add(result);
                Thread thread = new Thread(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        result.completeExceptionally(e);
                        return;
                    }
                    mint(sessions).subscribe(result::complete, result::completeExceptionally);
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join(Fixtures.WAIT.toMillis());
            }

            assertThat(fetches).as("every call has subscribed; one of them fetches").hasValue(1);
            assertThat(server.getRequestCount()).isZero();
            fetched.tryEmitValue(new BearerToken(AzureRequestsTest.TOKEN + "-1",
                    Instant.ofEpochMilli(clock.now(TimeUnit.MILLISECONDS)).plus(HOUR)));
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(Fixtures.WAIT.toSeconds(),
                    TimeUnit.SECONDS);
        }

        assertThat(fetches).hasValue(1);
        assertThat(sentTokens(calls)).containsOnly("1");
    }

    @Test
    void anExpiredTokenIsFetchedAnewOnceWhileManyCallsWait() throws Exception {
        CountingSource source = new CountingSource(HOUR, Duration.ofSeconds(1));
        answerOk(21);
        try (RealtimeSessions sessions = client(source)) {
            StepVerifier.create(mint(sessions)).then(() -> clock.advanceTimeBy(Duration.ofSeconds(1)))
                    .expectNextCount(1).expectComplete().verify(Fixtures.WAIT);
            clock.advanceTimeBy(HOUR);
            StepVerifier.create(Flux.range(0, 20).flatMap(i -> mint(sessions)))
                    .then(() -> assertThat(source.fetches).hasValue(2))
                    .then(() -> clock.advanceTimeBy(Duration.ofSeconds(1)))
                    .expectNextCount(20)
                    .expectComplete()
                    .verify(Fixtures.WAIT);
        }

        assertThat(source.fetches).hasValue(2);
        List<String> tokens = sentTokens(21);
        assertThat(tokens.get(0)).isEqualTo("1");
        assertThat(tokens.subList(1, 21)).containsOnly("2");
    }

    @Test
    void aFailedFetchFailsEveryWaitingCallWithACredentialExceptionAndTheNextCallTriesAgain() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        Sinks.One<BearerToken> firstFetch = Sinks.one();
        BearerTokenSource source = () -> fetches.incrementAndGet() == 1 ? firstFetch.asMono()
                : Mono.just(new BearerToken(AzureRequestsTest.TOKEN + "-2",
                        Instant.ofEpochMilli(clock.now(TimeUnit.MILLISECONDS)).plus(HOUR)));
        answerOk(1);
        try (RealtimeSessions sessions = client(source)) {
            StepVerifier.create(Flux.range(0, 5).flatMap(i -> mint(sessions).materialize()))
                    .then(() -> firstFetch.tryEmitError(new IllegalStateException("identity endpoint said 503")))
                    .recordWith(ArrayList::new)
                    .expectNextCount(5)
                    .consumeRecordedWith(signals -> assertThat(signals).allSatisfy(signal -> {
                        assertThat(signal.getThrowable()).isExactlyInstanceOf(CredentialException.class)
                                .hasMessageContaining("identity endpoint said 503")
                                .hasCauseInstanceOf(IllegalStateException.class);
                    }))
                    .expectComplete()
                    .verify(Fixtures.WAIT);
            assertThat(fetches).hasValue(1);
            assertThat(server.getRequestCount()).as("nothing was sent").isZero();

            completes(mint(sessions));
        }

        assertThat(fetches).as("the failure was not kept").hasValue(2);
        assertThat(sentTokens(1)).containsExactly("2");
    }

    @Test
    void aFailedRefreshLeavesTheCurrentTokenInUseUntilItExpiresAndSaysSo() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        BearerTokenSource source = () -> fetches.incrementAndGet() == 1
                ? Mono.just(new BearerToken(AzureRequestsTest.TOKEN + "-1",
                        Instant.ofEpochMilli(clock.now(TimeUnit.MILLISECONDS)).plus(HOUR)))
                : Mono.error(new IllegalStateException("identity endpoint down"));
        answerOk(3);
        try (RealtimeSessions sessions = client(source);
                LogCapture log = LogCapture.debug("dev.realtimesessions")) {
            completes(mint(sessions));
            clock.advanceTimeBy(Duration.ofMinutes(57));
            completes(mint(sessions));
            completes(mint(sessions));

            assertThat(fetches).as("each call in the margin asks again").hasValue(3);
            assertThat(log.messages()).anySatisfy(message -> assertThat(message)
                    .contains("Refreshing the bearer token failed").contains("identity endpoint down")
                    .doesNotContain("eyJ"));

            clock.advanceTimeBy(Duration.ofMinutes(3));
            Throwable expired = Fixtures.failure(mint(sessions));
            assertThat(expired).isExactlyInstanceOf(CredentialException.class);
        }

        assertThat(sentTokens(3)).containsExactly("1", "1", "1");
    }

    @Test
    void aTokenSourceThatGivesNothingUsableFailsTheCallSayingWhy() {
        Instant later = Instant.now().plus(HOUR);
        List<BearerTokenSource> broken = List.of(Mono::empty, () -> null,
                () -> { throw new IllegalStateException("source threw"); },
                () -> Mono.just(new BearerToken("  ", later)),
                () -> Mono.just(new BearerToken("eyJabc\ndef", later)),
                () -> Mono.just(new BearerToken("eyJabc.def.ghi", Instant.ofEpochMilli(clock.now(TimeUnit.MILLISECONDS)))));
        List<String> reasons = List.of("without a token", "NullPointerException", "source threw", "blank",
                "control or non-ASCII character at index 6", "expired at");
        for (int i = 0; i < broken.size(); i++) {
            try (RealtimeSessions sessions = client(broken.get(i))) {
                Throwable error = Fixtures.failure(mint(sessions));
                assertThat(error).isExactlyInstanceOf(CredentialException.class).hasMessageContaining(reasons.get(i));
                assertThat(error.getMessage()).doesNotContain("eyJabc");
            }
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void callsAndRefreshesOnReactorsNonBlockingThreadsNeverBlock() {
        VirtualTimeScheduler.reset();
        int calls = 40;
        AtomicInteger fetches = new AtomicInteger();
        BearerTokenSource shortLived = () -> Mono.delay(Duration.ofMillis(20)).map(tick -> new BearerToken(
                AzureRequestsTest.TOKEN + "-" + fetches.incrementAndGet(), Instant.now().plusMillis(300)));
        answerOk(calls);
        try (RealtimeSessions sessions = client(shortLived)) {
            Flux<String> all = Flux.range(0, calls)
                    .flatMap(i -> Mono.delay(Duration.ofMillis(i * 5L)).then(mint(sessions)), calls);
            StepVerifier.create(all).expectNextCount(calls).expectComplete().verify(Fixtures.WAIT);
        }

        assertThat(fetches.get()).isPositive();
    }

    @Test
    void aFetchThatNeverAnswersFailsWithinTheClientsTimeoutAndIsNotKept() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        BearerTokenSource source = () -> fetches.incrementAndGet() == 1 ? Mono.never()
                : Mono.just(new BearerToken(AzureRequestsTest.TOKEN + "-2",
                        Instant.ofEpochMilli(clock.now(TimeUnit.MILLISECONDS)).plus(HOUR)));
        answerOk(1);
        try (RealtimeSessions sessions = RealtimeSessions.builder()
                .azure("http://" + server.getHostName() + ":" + server.getPort()).azureTokenSource(source)
                .timeout(Duration.ofSeconds(10)).build()) {
            StepVerifier.create(mint(sessions))
                    .then(() -> clock.advanceTimeBy(Duration.ofSeconds(10)))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(RealtimeSessionsException.class))
                    .verify(Fixtures.WAIT);
            completes(mint(sessions));
        }

        assertThat(fetches).hasValue(2);
        assertThat(sentTokens(1)).containsExactly("2");
    }
}
