package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testsupport.Eventually;
import dev.realtimesessions.testsupport.LogCapture;
import dev.realtimesessions.testsupport.StallingServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * {@link ClientSecretPool} against a loopback server that mints a fresh secret per request, with
 * timers (expiry sweeps, refill backoff) driven in Reactor's virtual time. Waits for the real
 * network are bounded polls; nothing asserts a duration.
 */
class ClientSecretPoolTest {

    private static final ClientSecretCreateRequest TEMPLATE = ClientSecretCreateRequest.builder()
            .expiresAfter(Duration.ofMinutes(1))
            .session(RealtimeSessionConfig.builder().model(RealtimeModel.GPT_REALTIME).build())
            .build();

    private final SecretServer server = new SecretServer();
    private final RealtimeSessions sessions = Fixtures.client(server.server).retryPolicy(RetryPolicy.none()).build();
    private final List<ClientSecretPool> pools = new ArrayList<>();

    @AfterEach
    void tearDown() {
        pools.forEach(ClientSecretPool::close);
        VirtualTimeScheduler.reset();
        server.gate.release(10_000);
        sessions.close();
        server.server.close();
    }

    private ClientSecretPool.Builder pool() {
        return ClientSecretPool.builder(sessions, TEMPLATE);
    }

    private ClientSecretPool started(ClientSecretPool.Builder builder) {
        ClientSecretPool pool = builder.build();
        pools.add(pool);
        return pool.start();
    }

    @Test
    void refillsToSizeAndServesFromStockWithoutARequest() {
        ClientSecretPool pool = started(pool().size(5));
        Eventually.await("the pool filled", () -> pool.available() == 5, Fixtures.WAIT);
        assertThat(server.requests()).isEqualTo(5);
        Set<String> stocked = server.mintedSoFar();

        ClientSecretCreateResponse secret = pool.take().block(Fixtures.WAIT);

        assertThat(secret).isNotNull();
        assertThat(stocked).as("served from stock, not minted for this call").contains(secret.value());
        Eventually.await("the pool refilled the one taken", () -> pool.available() == 5, Fixtures.WAIT);
        assertThat(server.requests()).as("one refill mint, no more").isEqualTo(6);
        assertThat(server.maxConcurrent()).isLessThanOrEqualTo(2);
        assertThat(server.lastBody()).contains("\"gpt-realtime\"").contains("\"expires_after\"");
    }

    @Test
    void handsEachSecretOutExactlyOnceUnderConcurrency() {
        ClientSecretPool pool = started(pool().size(200).refillConcurrency(8));
        Eventually.await("the pool filled", () -> pool.available() == 200, Fixtures.WAIT);
        Set<String> stocked = server.mintedSoFar();

        List<String> handed = Flux.range(0, 200).parallel(16).runOn(Schedulers.parallel())
                .flatMap(i -> pool.take())
                .map(ClientSecretCreateResponse::value)
                .sequential().collectList().block(Fixtures.WAIT);

        assertThat(handed).hasSize(200).doesNotHaveDuplicates();
        assertThat(stocked).as("every one came from the stock").containsAll(handed);

        List<String> more = Flux.range(0, 300).parallel(16).runOn(Schedulers.parallel())
                .flatMap(i -> pool.take())
                .map(ClientSecretCreateResponse::value)
                .sequential().collectList().block(Fixtures.WAIT);

        assertThat(more).as("stock and fall-through mints together").hasSize(300).doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(handed);
        assertThat(server.mintedSoFar()).containsAll(more);
    }

    @Test
    void fallsThroughToANormalMintWhenEmpty() {
        ClientSecretPool pool = pool().size(1).build();
        pools.add(pool);
        assertThat(pool.available()).isZero();

        ClientSecretCreateResponse secret = pool.take().block(Fixtures.WAIT);

        assertThat(secret).isNotNull();
        assertThat(server.mintedSoFar()).contains(secret.value());
        Eventually.await("the first take started the pool", () -> pool.available() == 1, Fixtures.WAIT);
        assertThat(server.requests()).as("the fall-through mint and one refill").isEqualTo(2);
        assertThat(pool.take().block(Fixtures.WAIT).value()).isNotEqualTo(secret.value());
    }

    @Test
    void aFailingFallThroughMintReachesTheCaller() {
        server.failing = true;
        ClientSecretPool pool = pool().size(1).build();
        pools.add(pool);

        StepVerifier.create(pool.take()).expectError(InternalServerException.class).verify(Fixtures.WAIT);
    }

    @Test
    void neverMoreThanRefillConcurrencyMintsInFlightNorMoreThanSizeOutstanding() {
        server.gated = true;
        ClientSecretPool pool = started(pool().size(10).refillConcurrency(2));
        Eventually.await("two mints reached the server", () -> server.concurrent.get() == 2, Fixtures.WAIT);
        assertThat(server.requests()).isEqualTo(2);

        for (int i = 0; i < 10; i++) {
            server.gate.release();
        }

        Eventually.await("the pool filled", () -> pool.available() == 10, Fixtures.WAIT);
        assertThat(server.maxConcurrent()).isEqualTo(2);
        assertThat(server.requests()).as("exactly N mints").isEqualTo(10);
    }

    @Test
    void secretsWithinTheExpiryMarginAreDiscardedAndReplacedInVirtualTime() {
        VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
        server.lifetimeSeconds = 60;
        ClientSecretPool pool = started(pool().size(3).refillConcurrency(3).expiryMargin(Duration.ofSeconds(10)));
        Eventually.await("the pool filled", () -> pool.available() == 3, Fixtures.WAIT);
        Set<String> first = server.mintedSoFar();

        time.advanceTimeBy(Duration.ofSeconds(49));
        assertThat(pool.available()).as("49 s into a 60 s life with a 10 s margin: still fresh").isEqualTo(3);
        ClientSecretCreateResponse early = pool.take().block(Fixtures.WAIT);
        assertThat(first).contains(early.value());
        Eventually.await("the one taken was replaced", () -> pool.available() == 3, Fixtures.WAIT);
        assertThat(server.requests()).isEqualTo(4);

        time.advanceTimeBy(Duration.ofSeconds(1));
        Eventually.await("the two stale secrets were replaced", () -> server.requests() == 6 && pool.available() == 3,
                Fixtures.WAIT);

        List<ClientSecretCreateResponse> handed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            handed.add(pool.take().block(Fixtures.WAIT));
        }
        long now = time.now(TimeUnit.SECONDS);
        assertThat(handed).extracting(ClientSecretCreateResponse::value).doesNotContainAnyElementsOf(first);
        assertThat(handed).allSatisfy(secret ->
                assertThat(secret.expiresAt().getEpochSecond() - 10).as("outside the margin").isGreaterThan(now));
    }

    @Test
    void refillFailuresBackOffInsteadOfStormingInVirtualTime() throws Exception {
        VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
        server.failing = true;
        try (LogCapture log = LogCapture.debug("dev.realtimesessions.ClientSecretPool")) {
            ClientSecretPool pool = started(pool().size(4).refillConcurrency(2)
                    .refillBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4)));
            log.await(message -> message.contains("(2 in a row); refilling again in PT2S"), Fixtures.WAIT);
            // Both failed mints must have given up their slots before virtual time moves on.
            Eventually.await("both refill mints settled", () -> pool.toString().contains("minting=0"), Fixtures.WAIT);
            assertThat(server.requests()).isEqualTo(2);

            time.advanceTimeBy(Duration.ofMillis(1999));
            assertThat(server.requests()).as("no mint during the backoff").isEqualTo(2);
            StepVerifier.create(pool.take()).as("the caller's own mint fails, refills' failures do not leak")
                    .expectError(InternalServerException.class).verify(Fixtures.WAIT);
            assertThat(server.requests()).isEqualTo(3);

            time.advanceTimeBy(Duration.ofMillis(1));
            log.await(message -> message.contains("(4 in a row); refilling again in PT4S"), Fixtures.WAIT);
            Eventually.await("both refill mints settled", () -> pool.toString().contains("minting=0"), Fixtures.WAIT);
            assertThat(server.requests()).as("one round of refillConcurrency mints").isEqualTo(5);

            server.failing = false;
            time.advanceTimeBy(Duration.ofMillis(3999));
            assertThat(server.requests()).as("the backoff is capped, and waited for").isEqualTo(5);
            time.advanceTimeBy(Duration.ofMillis(1));
            Eventually.await("the pool filled once the server recovered", () -> pool.available() == 4,
                    Fixtures.WAIT);
            assertThat(server.requests()).isEqualTo(9);
        }
    }

    @Test
    void aMintThatFailsAtOnceDoesNotCutItsRoundShort() throws Exception {
        RealtimeSessions closed = Fixtures.client(server.server).build();
        closed.close();
        try (LogCapture log = LogCapture.debug("dev.realtimesessions.ClientSecretPool")) {
            ClientSecretPool pool = ClientSecretPool.builder(closed, TEMPLATE).size(4).refillConcurrency(2)
                    .refillBackoff(Duration.ofMinutes(5), Duration.ofMinutes(5)).build();
            pools.add(pool);
            pool.start();
            log.await(message -> message.contains("(2 in a row)"), Fixtures.WAIT);
            assertThat(log.messages()).as("one round of refillConcurrency mints, then the backoff")
                    .filteredOn(message -> message.contains("a refill mint of the ClientSecretPool failed")).hasSize(2);
        }
    }

    @Test
    void closeCancelsInFlightMintsAndStopsRefills() throws Exception {
        try (StallingServer stalling = new StallingServer();
                RealtimeSessions client = RealtimeSessions.builder().apiKey(Fixtures.API_KEY)
                        .baseUrl(stalling.baseUrl()).build()) {
            ClientSecretPool pool = ClientSecretPool.builder(client, TEMPLATE).size(4).refillConcurrency(2).build();
            pools.add(pool);
            pool.start();
            Eventually.await("two refill mints in flight", () -> stalling.requests() == 2, Fixtures.WAIT);

            pool.close();

            Eventually.await("both in-flight mints were cancelled", () -> stalling.closedByClient() >= 2, Fixtures.WAIT);
            assertThat(stalling.requests()).isEqualTo(2);
            assertThat(pool.available()).isZero();
            StepVerifier.create(pool.take())
                    .expectErrorSatisfies(error -> assertThat(error).isExactlyInstanceOf(RealtimeSessionsException.class)
                            .hasMessageContaining("closed"))
                    .verify(Fixtures.WAIT);
            assertThatThrownBy(pool::start).isInstanceOf(RealtimeSessionsException.class);
        }
    }

    @Test
    void closeDropsTheStockAndCancelsItsTimersInVirtualTime() {
        VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
        ClientSecretPool pool = started(pool().size(2).expiryMargin(Duration.ofSeconds(10)));
        Eventually.await("the pool filled", () -> pool.available() == 2, Fixtures.WAIT);

        pool.close();
        pool.close();

        assertThat(pool.available()).isZero();
        time.advanceTimeBy(Duration.ofMinutes(10));
        assertThat(server.requests()).as("no refill after close, not even when the stock would have expired")
                .isEqualTo(2);
        assertThat(pool.toString()).contains("closed").doesNotContain("ek_");
    }

    @Test
    void everyMintCarriesTheTenantsRequestOptions() {
        RequestOptions tenant = RequestOptions.builder().apiKey("sk-tenant-0123456789").project("proj_tenant").build();
        ClientSecretPool pool = started(pool().size(2).requestOptions(tenant));
        Eventually.await("the pool filled", () -> pool.available() == 2, Fixtures.WAIT);
        pool.take().block(Fixtures.WAIT);
        pool.take().block(Fixtures.WAIT);
        pool.take().block(Fixtures.WAIT);

        assertThat(server.authorizations).as("refill and fall-through mints alike")
                .containsOnly("Bearer sk-tenant-0123456789");
        assertThat(server.projects).containsOnly("proj_tenant");
    }

    @Test
    void secretsThatArriveWithinTheMarginCountAsFailuresInVirtualTime() throws Exception {
        VirtualTimeScheduler.getOrSet();
        ClientSecretCreateRequest serverDefaultLifetime = ClientSecretCreateRequest.builder().build();
        try (LogCapture log = LogCapture.debug("dev.realtimesessions.ClientSecretPool")) {
            ClientSecretPool pool = ClientSecretPool.builder(sessions, serverDefaultLifetime).size(2)
                    .expiryMargin(Duration.ofMinutes(10)).build();
            pools.add(pool);
            pool.start();
            log.await(message -> message.contains("(2 in a row)") && message.contains("within the expiry margin"),
                    Fixtures.WAIT);
            assertThat(pool.available()).isZero();
            assertThat(server.requests()).as("paused, not minting in a loop").isEqualTo(2);
        }
    }

    @Test
    void theBuilderRejectsBadSettings() {
        assertThatThrownBy(() -> pool().expiryMargin(Duration.ofMinutes(1)).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("expiryMargin");
        assertThatThrownBy(() -> pool().size(0)).isInstanceOf(ValidationException.class).hasMessageContaining("size");
        assertThatThrownBy(() -> pool().refillConcurrency(0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> pool().expiryMargin(Duration.ofSeconds(-1))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> pool().refillBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ClientSecretPool.builder(sessions, null)).isInstanceOf(ValidationException.class);
    }

    /**
     * A loopback server that answers every POST with a new secret expiring {@link #lifetimeSeconds}
     * after the scheduler's now (virtual when virtual time is on), or with 500 while
     * {@link #failing}; while {@link #gated}, each request waits for a permit of {@link #gate}.
     */
    private static final class SecretServer {
        final MockWebServer server = new MockWebServer();
        final Semaphore gate = new Semaphore(0);
        final AtomicInteger concurrent = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();
        final Set<String> minted = ConcurrentHashMap.newKeySet();
        final Set<String> authorizations = ConcurrentHashMap.newKeySet();
        final Set<String> projects = ConcurrentHashMap.newKeySet();
        volatile String lastBody = "";
        volatile boolean failing;
        volatile boolean gated;
        volatile long lifetimeSeconds = 600;

        SecretServer() {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    int now = concurrent.incrementAndGet();
                    maxConcurrent.accumulateAndGet(now, Math::max);
                    try {
                        int n = requests.incrementAndGet();
                        lastBody = request.getBody() == null ? "" : request.getBody().utf8();
                        authorizations.add(String.valueOf(request.getHeaders().get("Authorization")));
                        projects.add(String.valueOf(request.getHeaders().get("OpenAI-Project")));
                        if (gated && !gate.tryAcquire(Fixtures.WAIT.toSeconds(), TimeUnit.SECONDS)) {
                            return Fixtures.status(503).build();
                        }
                        if (failing) {
                            return Fixtures.status(500).build();
                        }
                        String value = "ek_pool_" + n;
                        long expiresAt = Schedulers.parallel().now(TimeUnit.SECONDS) + lifetimeSeconds;
                        minted.add(value);
                        return new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                                .body("{\"value\":\"" + value + "\",\"expires_at\":" + expiresAt
                                        + ",\"session\":{\"type\":\"realtime\",\"model\":\"gpt-realtime\"}}")
                                .build();
                    } finally {
                        concurrent.decrementAndGet();
                    }
                }
            });
            try {
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int requests() {
            return requests.get();
        }

        int maxConcurrent() {
            return maxConcurrent.get();
        }

        String lastBody() {
            return lastBody;
        }

        Set<String> mintedSoFar() {
            return new HashSet<>(minted);
        }
    }
}
