package dev.realtimesessions.adapter.micrometer;

import static dev.realtimesessions.adapter.testing.Upstream.MOCK_API_KEY;
import static dev.realtimesessions.adapter.testing.Upstream.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.realtimesessions.ApiException;
import dev.realtimesessions.ClientSecretPool;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.ValidationException;
import dev.realtimesessions.adapter.testing.Upstream;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/** Micrometer observations, counters and gauges of real calls against a server on loopback. */
class MicrometerCallListenerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SECRET = "ek_micrometer_secret_value";

    private final MockWebServer server = new MockWebServer();
    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Recorded recorded = new Recorded();

    {
        observations.observationConfig().observationHandler(recorded);
    }

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSuccessfulCallIsOneCallObservationWithOneAttemptChild() {
        server.enqueue(ok());
        try (RealtimeSessions sessions = client(RetryPolicy.none())) {
            sessions.createClientSecret(request()).block(WAIT);
        }
        TestObservationRegistryAssert.assertThat(observations)
                .hasNumberOfObservationsWithNameEqualTo(MicrometerCallListener.CALL, 1)
                .hasNumberOfObservationsWithNameEqualTo(MicrometerCallListener.ATTEMPT, 1)
                .hasObservationWithNameEqualTo(MicrometerCallListener.CALL).that()
                .hasBeenStarted().hasBeenStopped()
                .hasLowCardinalityKeyValue("endpoint", "/realtime/client_secrets")
                .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                .hasLowCardinalityKeyValue("status", "200")
                .hasLowCardinalityKeyValue("exception", "none")
                .hasHighCardinalityKeyValue("attempts", "1");
        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo(MicrometerCallListener.ATTEMPT).that()
                .hasBeenStopped()
                .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                .hasHighCardinalityKeyValue("attempt", "1")
                .hasHighCardinalityKeyValue("request.id", "req_ok")
                .hasParentObservationContextMatching(parent -> parent.getName().equals(MicrometerCallListener.CALL));
        assertThat(inFlight()).isZero();
    }

    @Test
    void aRetriedCallCountsTheRetryAndTagsEachAttemptWithItsOwnOutcome() {
        server.enqueue(Upstream.error(500, "server_error", null, "The server had an error."));
        server.enqueue(ok());
        try (RealtimeSessions sessions = client(RetryPolicy.defaults().withBackoff(Duration.ofMillis(5),
                Duration.ofMillis(10)))) {
            sessions.createClientSecret(request()).block(WAIT);
        }
        assertThat(contexts(MicrometerCallListener.ATTEMPT)).extracting(
                        context -> context.getLowCardinalityKeyValue("outcome").getValue(),
                        context -> context.getLowCardinalityKeyValue("status").getValue(),
                        context -> context.getLowCardinalityKeyValue("exception").getValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SERVER_ERROR", "500", "InternalServerException"),
                        org.assertj.core.groups.Tuple.tuple("SUCCESS", "200", "none"));
        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo(MicrometerCallListener.CALL).that()
                .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                .hasHighCardinalityKeyValue("attempts", "2");
        assertThat(meters.get(MicrometerCallListener.RETRIES).tag("endpoint", "/realtime/client_secrets")
                .tag("reason", "InternalServerException").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aFailedCallCarriesTheErrorTypeAndStatusButNoMessage() {
        server.enqueue(Upstream.error(401, "invalid_request_error", "invalid_api_key",
                "Incorrect API key provided: " + MOCK_API_KEY));
        try (RealtimeSessions sessions = client(RetryPolicy.none())) {
            assertThat(catchThrowable(() -> sessions.createClientSecret(request()).block(WAIT)))
                    .isInstanceOf(ApiException.class);
        }
        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo(MicrometerCallListener.CALL).that()
                .hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
                .hasLowCardinalityKeyValue("status", "401")
                .hasLowCardinalityKeyValue("exception", "AuthenticationException")
                .assertThatError().isInstanceOf(ApiException.class);
        assertThat(everyTagAndValue()).noneMatch(text -> text.contains(MOCK_API_KEY) || text.contains("sk-"));
    }

    @Test
    void anAttemptThatGetsNoAnswerIsATimeoutWithoutStatus() {
        server.enqueue(ok().newBuilder().headersDelay(5, TimeUnit.SECONDS).build());
        try (RealtimeSessions sessions = RealtimeSessions.builder().apiKey(MOCK_API_KEY)
                .baseUrl(server.url("/v1").toString()).retryPolicy(RetryPolicy.none())
                .attemptTimeout(Duration.ofMillis(200)).callListener(listener()).build()) {
            catchThrowable(() -> sessions.createClientSecret(request()).block(WAIT));
        }
        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo(MicrometerCallListener.ATTEMPT).that()
                .hasLowCardinalityKeyValue("outcome", "TIMEOUT")
                .hasLowCardinalityKeyValue("status", "NONE")
                .hasLowCardinalityKeyValue("exception", "ApiTimeoutException");
    }

    @Test
    void theGaugeCountsCallsInFlightAndACancelledCallEndsCancelled() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(ok().newBuilder().headersDelay(10, TimeUnit.SECONDS).build());
        }
        try (RealtimeSessions sessions = client(RetryPolicy.none())) {
            List<Disposable> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(sessions.createClientSecret(request()).subscribe());
            }
            for (int i = 0; i < 3; i++) {
                server.takeRequest();
            }
            assertThat(inFlight()).isEqualTo(3.0);
            calls.forEach(Disposable::dispose);
            assertThat(inFlight()).isZero();
        }
        assertThat(contexts(MicrometerCallListener.CALL)).hasSize(3).allSatisfy(context ->
                assertThat(context.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("CANCELLED"));
        assertThat(contexts(MicrometerCallListener.ATTEMPT)).hasSize(3).allSatisfy(context ->
                assertThat(context.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("CANCELLED"));
        assertThat(recorded.stopped).containsExactlyInAnyOrderElementsOf(recorded.started);
    }

    @Test
    void anAttemptHeldByTheRateGateIsCounted() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                .addHeader("x-ratelimit-remaining-requests", "0").addHeader("x-ratelimit-reset-requests", "50ms")
                .body(okBody()).build());
        server.enqueue(ok());
        try (RealtimeSessions sessions = client(RetryPolicy.none())) {
            sessions.createClientSecret(request()).block(WAIT);
            sessions.createClientSecret(request()).block(WAIT);
        }
        assertThat(meters.get(MicrometerCallListener.RATE_GATE_WAITS).tag("endpoint", "/realtime/client_secrets")
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    void theCallObservationIsAChildOfTheCallersObservationInTheReactorContext() {
        server.enqueue(ok());
        Observation parent = Observation.start("test.request", observations);
        try (RealtimeSessions sessions = client(RetryPolicy.none())) {
            sessions.createClientSecret(request())
                    .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, parent))
                    .block(WAIT);
        }
        parent.stop();
        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo(MicrometerCallListener.CALL).that()
                .hasParentObservationEqualTo(parent);
    }

    @Test
    void aMeterObservationHandlerTurnsCallsAndAttemptsIntoTimers() {
        server.enqueue(Upstream.error(503, "server_error", null, "Slow down."));
        server.enqueue(ok());
        ObservationRegistry timed = ObservationRegistry.create();
        timed.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        try (RealtimeSessions sessions = RealtimeSessions.builder().apiKey(MOCK_API_KEY)
                .baseUrl(server.url("/v1").toString())
                .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(10)))
                .callListener(MicrometerCallListener.builder().observationRegistry(timed).build()).build()) {
            sessions.createClientSecret(request()).block(WAIT);
        }
        assertThat(meters.get(MicrometerCallListener.CALL).tag("outcome", "SUCCESS").timer().count()).isEqualTo(1);
        assertThat(meters.get(MicrometerCallListener.ATTEMPT).tag("outcome", "SERVER_ERROR").tag("status", "503")
                .timer().count()).isEqualTo(1);
        assertThat(meters.get(MicrometerCallListener.ATTEMPT).tag("outcome", "SUCCESS").timer().count()).isEqualTo(1);
    }

    @Test
    void aPoolsStockIsAGauge() throws Exception {
        try (LocalRealtimeEndpoint local = LocalRealtimeEndpoint.start();
                RealtimeSessions sessions = RealtimeSessions.builder().apiKey(LocalRealtimeEndpoint.API_KEY)
                        .baseUrl(local.baseUrl()).callListener(listener()).build();
                ClientSecretPool pool = ClientSecretPool.builder(sessions, request()).size(2).build()) {
            new ClientSecretPoolMetrics(pool, "assistant").bindTo(meters);
            pool.start();
            long until = System.nanoTime() + WAIT.toNanos();
            while (pool.available() < 2 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(meters.get(ClientSecretPoolMetrics.STOCK).tag("pool", "assistant").gauge().value())
                    .isEqualTo(2.0);
            local.close(); // the refill after the take cannot succeed, so the stock stays one short
            String secret = pool.take().block(WAIT).value();
            assertThat(meters.get(ClientSecretPoolMetrics.STOCK).tag("pool", "assistant").gauge().value())
                    .isLessThan(2.0);
            assertThat(everyTagAndValue()).noneMatch(text -> text.contains(secret));
        }
        assertThat(contexts(MicrometerCallListener.CALL)).isNotEmpty().allSatisfy(context ->
                assertThat(context.getLowCardinalityKeyValue("endpoint").getValue()).isEqualTo("/realtime/client_secrets"));
    }

    @Test
    void noSecretReachesATagOrAValue() {
        server.enqueue(ok());
        try (RealtimeSessions sessions = client(RetryPolicy.none())) {
            sessions.createClientSecret(request()).block(WAIT);
        }
        assertThat(everyTagAndValue()).isNotEmpty()
                .noneMatch(text -> text.contains(SECRET) || text.contains(MOCK_API_KEY) || text.contains("ek_"));
    }

    @Test
    void badArgumentsAreValidationErrors() {
        assertThat(catchThrowable(() -> MicrometerCallListener.builder().observationRegistry(null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("observationRegistry");
        assertThat(catchThrowable(() -> MicrometerCallListener.builder().meterRegistry(null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("meterRegistry");
        assertThat(catchThrowable(() -> new ClientSecretPoolMetrics(null, "x")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("pool");
    }

    @Test
    void withoutRegistriesNothingIsObserved() {
        server.enqueue(ok());
        MicrometerCallListener nothing = MicrometerCallListener.builder().build();
        try (RealtimeSessions sessions = RealtimeSessions.builder().apiKey(MOCK_API_KEY)
                .baseUrl(server.url("/v1").toString()).callListener(nothing).build()) {
            assertThat(sessions.createClientSecret(request()).block(WAIT).value()).isEqualTo(SECRET);
        }
        assertThat(nothing.toString()).contains("observations=none", "meters=none");
    }

    private RealtimeSessions client(RetryPolicy retryPolicy) {
        return RealtimeSessions.builder().apiKey(MOCK_API_KEY).baseUrl(server.url("/v1").toString())
                .retryPolicy(retryPolicy).callListener(listener()).build();
    }

    private MicrometerCallListener listener() {
        return MicrometerCallListener.builder().observationRegistry(observations).meterRegistry(meters).build();
    }

    private double inFlight() {
        return meters.get(MicrometerCallListener.IN_FLIGHT).tag("endpoint", "/realtime/client_secrets").gauge().value();
    }

    private List<Observation.Context> contexts(String name) {
        return recorded.started.stream().filter(context -> context.getName().equals(name)).toList();
    }

    /** Every meter's name and tags, and every observation's name, contextual name and key values. */
    private List<String> everyTagAndValue() {
        List<String> all = new ArrayList<>();
        for (Meter meter : meters.getMeters()) {
            all.add(meter.getId().getName());
            for (Tag tag : meter.getId().getTags()) {
                all.add(tag.getKey() + "=" + tag.getValue());
            }
        }
        for (Observation.Context context : recorded.started) {
            all.add(context.getName());
            all.add(String.valueOf(context.getContextualName()));
            for (KeyValue keyValue : context.getAllKeyValues()) {
                all.add(keyValue.getKey() + "=" + keyValue.getValue());
            }
        }
        return all;
    }

    /** Every observation context started and stopped, in order. */
    private static final class Recorded implements ObservationHandler<Observation.Context> {
        final List<Observation.Context> started = new CopyOnWriteArrayList<>();
        final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

        @Override
        public void onStart(Observation.Context context) {
            started.add(context);
        }

        @Override
        public void onStop(Observation.Context context) {
            stopped.add(context);
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                .addHeader("x-request-id", "req_ok").body(okBody()).build();
    }

    private static String okBody() {
        return "{\"value\":\"" + SECRET + "\",\"expires_at\":1756310470,\"session\":{\"type\":\"realtime\"}}";
    }
}
