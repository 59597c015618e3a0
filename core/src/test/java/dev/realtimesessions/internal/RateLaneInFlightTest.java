package dev.realtimesessions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testsupport.Eventually;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A request a lane let go stays counted in flight until it ends, however it ends: answered, failed
 * by its attempt timeout, or cancelled on the wire. A request that ended but stayed counted would
 * hold the key back for good.
 */
@SuppressWarnings("deprecation") // the beta endpoint's small answer keeps the server simple
class RateLaneInFlightTest {

    private final MockWebServer server = new MockWebServer();
    private VirtualTimeScheduler time;
    private CallExecutor executor;
    private RateLane lane;

    @BeforeEach
    void start() throws Exception {
        time = VirtualTimeScheduler.getOrSet();
        server.start();
        executor = new CallExecutor(new ClientSettings(server.url("/v1").toString().replaceAll("/$", ""),
                Mono.just(Fixtures.API_KEY), Map.of(), RetryPolicy.none(), Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofSeconds(5), 1 << 20, 10, 100, null, null, null, false, "test-agent", true, null));
        // A 429 that describes an empty bucket of ten, refilled one every 100 ms, opens the key's lane.
        server.enqueue(Fixtures.status(429).addHeader("retry-after", "1").addHeader("x-ratelimit-limit-requests", "10")
                .addHeader("x-ratelimit-remaining-requests", "0").addHeader("x-ratelimit-reset-requests", "1s")
                .build());
        Fixtures.failure(call());
        lane = executor.gate.lane(executor.gate.credential("openai", Fixtures.API_KEY, null));
        assertThat(lane).isNotNull();
        assertThat(lane.pace().paced()).isTrue();
    }

    @AfterEach
    void stop() {
        executor.close();
        server.close();
        VirtualTimeScheduler.reset();
    }

    @Test
    void anAnsweredRequestEnds() {
        server.enqueue(Fixtures.ok());
        Disposable call = call().subscribe(value -> { }, error -> { });
        time.advanceTimeBy(Duration.ofMillis(200));
        Eventually.await("answered", () -> server.getRequestCount() == 2 && lane.inFlight() == 0, Fixtures.WAIT);
        call.dispose();
    }

    @Test
    void aRequestCancelledOnTheWireEnds() throws Exception {
        server.enqueue(Fixtures.ok().newBuilder().headersDelay(30, TimeUnit.SECONDS).build());
        Disposable call = call().subscribe(value -> { }, error -> { });
        time.advanceTimeBy(Duration.ofMillis(200));
        server.takeRequest();
        server.takeRequest();
        assertThat(lane.inFlight()).as("let go, on the wire").isOne();
        call.dispose();
        assertThat(lane.inFlight()).isZero();
    }

    @Test
    void aRequestThatTimesOutEnds() throws Exception {
        server.enqueue(Fixtures.ok().newBuilder().headersDelay(30, TimeUnit.SECONDS).build());
        Disposable call = call().subscribe(value -> { }, error -> { });
        time.advanceTimeBy(Duration.ofMillis(200));
        server.takeRequest();
        server.takeRequest();
        assertThat(lane.inFlight()).isOne();
        time.advanceTimeBy(Duration.ofSeconds(5));
        Eventually.await("the attempt timed out", () -> lane.inFlight() == 0, Fixtures.WAIT);
        call.dispose();
    }

    private Mono<CallResult<RealtimeSession>> call() {
        return executor.execute(Endpoint.BETA_SESSIONS, Fixtures.request(), RequestOptions.none());
    }
}
