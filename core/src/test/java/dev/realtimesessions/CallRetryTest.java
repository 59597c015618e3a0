package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.RealtimeCallRequest;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.testing.Calls;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testing.RecordedWaits;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Which failures each call of the calls API retries: an offer, an accept and a refer only what
 * provably was not processed; a reject and a hangup whatever is worth retrying.
 */
class CallRetryTest {

    private static final RetryPolicy FAST = RetryPolicy.defaults()
            .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
    private static final RealtimeSessionConfig SESSION = RealtimeSessionConfig.builder()
            .model(RealtimeModel.GPT_REALTIME).build();

    private final MockWebServer server = new MockWebServer();
    private final RecordedWaits waits = new RecordedWaits();
    private RealtimeSessions sessions;

    @BeforeEach
    void start() throws Exception {
        server.start();
        sessions = Fixtures.client(server).retryPolicy(FAST).callListener(waits).build();
    }

    @AfterEach
    void stop() {
        sessions.close();
        server.close();
    }

    private Mono<?> offer() {
        return sessions.createCall(RealtimeCallRequest.of(Calls.OFFER));
    }

    private static MockResponse connectionLostAfterTheRequest() {
        return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
    }

    private static MockResponse unprocessed(int status) {
        return new MockResponse.Builder(Fixtures.status(status).build()).addHeader("x-should-retry", "true").build();
    }

    @Test
    void anOfferWhoseConnectionIsLostAfterItWasSentIsNotRetried() {
        server.enqueue(connectionLostAfterTheRequest());
        server.enqueue(Calls.created());
        assertThat(Fixtures.failure(offer())).isInstanceOf(ApiConnectionException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(waits.retries()).isEmpty();
    }

    @Test
    void anOfferThatTimesOutAfterItWasSentIsNotRetried() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        server.enqueue(Calls.created());
        try (RealtimeSessions impatient = Fixtures.client(server).retryPolicy(FAST).callListener(waits)
                .attemptTimeout(Duration.ofMillis(300)).build()) {
            assertThat(Fixtures.failure(impatient.createCall(RealtimeCallRequest.of(Calls.OFFER))))
                    .isInstanceOf(ApiTimeoutException.class);
        }
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/realtime/calls");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(waits.retries()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504})
    void anOfferAnsweredWithARetryableStatusIsNotRetriedWithoutTheServersWord(int status) {
        server.enqueue(Fixtures.status(status).build());
        server.enqueue(Calls.created());
        assertThat(Fixtures.failure(offer())).isInstanceOf(ApiException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 503})
    void anOfferTheServerSaysItDidNotProcessIsRetried(int status) {
        server.enqueue(unprocessed(status));
        server.enqueue(Calls.created());
        StepVerifier.create(sessions.createCallWithResponse(RealtimeCallRequest.of(Calls.OFFER)))
                .assertNext(response -> {
                    assertThat(response.attempts()).isEqualTo(2);
                    assertThat(response.value().callId()).isEqualTo(Calls.CALL_ID);
                })
                .verifyComplete();
        assertThat(waits.retries()).hasSize(1);
    }

    @Test
    void anOfferWhoseConnectionIsRefusedIsRetried() {
        server.close();
        StepVerifier.create(offer())
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ApiConnectionException.class).hasMessageContaining("attempt 3");
                    assertThat(error.getSuppressed()).hasSize(2);
                })
                .verify(Fixtures.WAIT);
        assertThat(waits.retries()).hasSize(2);
    }

    @Test
    void aHangupIsRetriedAfterAServerError() throws Exception {
        server.enqueue(Fixtures.status(503).build());
        server.enqueue(Calls.controlled());
        StepVerifier.create(sessions.hangupCall(Calls.CALL_ID)).verifyComplete();
        for (int i = 0; i < 2; i++) {
            assertThat(server.takeRequest().getUrl().encodedPath()).endsWith("/" + Calls.CALL_ID + "/hangup");
        }
        assertThat(waits.retries()).hasSize(1);
    }

    @Test
    void aHangupIsRetriedAfterItsConnectionWasLost() {
        server.enqueue(connectionLostAfterTheRequest());
        server.enqueue(Calls.controlled());
        StepVerifier.create(sessions.hangupCall(Calls.CALL_ID)).verifyComplete();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRejectIsRetriedAfterAServerError() {
        server.enqueue(Fixtures.status(500).build());
        server.enqueue(Calls.controlled());
        StepVerifier.create(sessions.rejectCall(Calls.CALL_ID, 486)).verifyComplete();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anAcceptOrAReferIsNotRetriedAfterAServerErrorOrALostConnection() {
        server.enqueue(Fixtures.status(503).build());
        assertThat(Fixtures.failure(sessions.acceptCall(Calls.CALL_ID, SESSION)))
                .isInstanceOf(InternalServerException.class);
        server.enqueue(connectionLostAfterTheRequest());
        assertThat(Fixtures.failure(sessions.acceptCall(Calls.CALL_ID, SESSION)))
                .isInstanceOf(ApiConnectionException.class);
        server.enqueue(Fixtures.status(503).build());
        assertThat(Fixtures.failure(sessions.referCall(Calls.CALL_ID, "tel:+14155550123")))
                .isInstanceOf(InternalServerException.class);
        server.enqueue(connectionLostAfterTheRequest());
        assertThat(Fixtures.failure(sessions.referCall(Calls.CALL_ID, "tel:+14155550123")))
                .isInstanceOf(ApiConnectionException.class);
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(waits.retries()).isEmpty();
    }

    @Test
    void anAcceptOrAReferTheServerSaysItDidNotProcessIsRetried() throws Exception {
        server.enqueue(unprocessed(503));
        server.enqueue(Calls.controlled());
        server.enqueue(unprocessed(503));
        server.enqueue(Calls.controlled());
        StepVerifier.create(sessions.acceptCall(Calls.CALL_ID, SESSION)).verifyComplete();
        StepVerifier.create(sessions.referCall(Calls.CALL_ID, "sip:agent@example.com")).verifyComplete();
        for (String control : new String[] {"accept", "accept", "refer", "refer"}) {
            RecordedRequest request = server.takeRequest();
            assertThat(request.getUrl().encodedPath()).endsWith("/" + control);
            assertThat(request.getBody().size()).as("the retry sends the same body").isPositive();
        }
    }
}
