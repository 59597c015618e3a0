package dev.realtimesessions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.ApiConnectionException;
import dev.realtimesessions.InternalServerException;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.ValidationException;
import dev.realtimesessions.testing.Fixtures;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Endpoints that are not JSON go through the same call path as the token endpoints: a multipart
 * request with an SDP answer and a {@code Location}, a request without a body to a path with a
 * parameter, and the retry safety of an endpoint that must not run twice.
 */
class PluggableEndpointsTest {

    private static final String SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n";
    private static final RetryPolicy FAST = RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(5));

    record Offer(String sdp, @Nullable String model) {
    }

    record Created(String sdp, String callId) {
    }

    private static final Endpoint<Offer, Created> CREATE = new Endpoint<>(PathTemplate.fixed("/realtime/calls"),
            MultipartFormBody.<Offer>builder()
                    .text("sdp", "application/sdp", Offer::sdp)
                    .json("session", Offer::model, (out, model) -> {
                        out.startObject();
                        out.string("model", model);
                        out.endObject();
                    })
                    .build(),
            ResponseBody.sdpAnswer(Created::new), RetrySafety.UNPROCESSED_ONLY);

    private static final Endpoint<String, ResponseBody.NoContent> HANGUP = new Endpoint<>(
            PathTemplate.of("/realtime/calls/{call_id}/hangup", (String id) -> id), RequestBody.none(),
            ResponseBody.none(), RetrySafety.IDEMPOTENT);

    private final MockWebServer server = new MockWebServer();
    private CallExecutor executor;

    @BeforeEach
    void start() throws Exception {
        server.start();
        executor = new CallExecutor(new ClientSettings(server.url("/v1").toString().replaceAll("/$", ""),
                Mono.just(Fixtures.API_KEY), Map.of(), FAST, Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(5), 1 << 20, 10, 100, null, null, null, false, "test-agent", true, null));
    }

    @AfterEach
    void stop() {
        executor.close();
        server.close();
    }

    private static MockResponse created() {
        return new MockResponse.Builder().code(201).addHeader("content-type", "application/sdp")
                .addHeader("location", "/v1/realtime/calls/rtc_u1_abc").body(SDP).build();
    }

    @Test
    void aMultipartOfferGetsAnSdpAnswerAndTheCallIdFromItsLocation() throws Exception {
        server.enqueue(created());
        StepVerifier.create(executor.execute(CREATE, new Offer(SDP, "gpt-realtime"), RequestOptions.none()))
                .assertNext(result -> {
                    assertThat(result.value()).isEqualTo(new Created(SDP, "rtc_u1_abc"));
                    assertThat(result.status()).isEqualTo(201);
                })
                .verifyComplete();
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/realtime/calls");
        String contentType = request.getHeaders().get("content-type");
        assertThat(contentType).matches("multipart/form-data; boundary=[0-9A-Za-z]{32}");
        assertThat(request.getHeaders().get("accept")).isEqualTo("application/sdp");
        assertThat(request.getHeaders().get("authorization")).isEqualTo("Bearer " + Fixtures.API_KEY);
        String delimiter = "--" + contentType.substring(contentType.indexOf('=') + 1);
        assertThat(request.getBody().utf8()).startsWith(delimiter + "\r\nContent-Disposition: form-data; name=\"sdp\"")
                .contains("Content-Type: application/sdp\r\n\r\n" + SDP + "\r\n" + delimiter)
                .contains("Content-Type: application/json\r\n\r\n{\"model\":\"gpt-realtime\"}\r\n")
                .endsWith(delimiter + "--\r\n");
    }

    @Test
    void aRequestWithoutABodyGoesToItsPathWithNoContent() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        StepVerifier.create(executor.execute(HANGUP, "rtc_u1/../x", RequestOptions.none()))
                .assertNext(result -> assertThat(result.value()).isSameAs(ResponseBody.NoContent.INSTANCE))
                .verifyComplete();
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/realtime/calls/rtc_u1%2F..%2Fx/hangup");
        assertThat(request.getHeaders().get("content-length")).isEqualTo("0");
        assertThat(request.getHeaders().get("content-type")).isNull();
        assertThat(request.getBody().size()).isZero();
    }

    @Test
    void aPathParameterThatIsNoSegmentFailsBeforeAnythingIsSent() {
        StepVerifier.create(executor.execute(HANGUP, "..", RequestOptions.none()))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ValidationException.class)
                        .hasMessageContaining("call_id"))
                .verify(Fixtures.WAIT);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anIdempotentEndpointRetriesAServerError() {
        server.enqueue(Fixtures.status(500).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        StepVerifier.create(executor.execute(HANGUP, "rtc_1", RequestOptions.none()))
                .assertNext(result -> assertThat(result.attempts()).isEqualTo(2))
                .verifyComplete();
    }

    @Test
    void anEndpointThatMustNotRunTwiceDoesNotRetryAServerError() {
        server.enqueue(Fixtures.status(500).build());
        server.enqueue(created());
        StepVerifier.create(executor.execute(CREATE, new Offer(SDP, null), RequestOptions.none()))
                .expectError(InternalServerException.class)
                .verify(Fixtures.WAIT);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anEndpointThatMustNotRunTwiceRetriesWhatTheServerSaysItDidNotProcess() {
        server.enqueue(new MockResponse.Builder(Fixtures.status(503).build()).addHeader("x-should-retry", "true").build());
        server.enqueue(created());
        StepVerifier.create(executor.execute(CREATE, new Offer(SDP, null), RequestOptions.none()))
                .assertNext(result -> assertThat(result.attempts()).isEqualTo(2))
                .verifyComplete();
    }

    @Test
    void anEndpointThatMustNotRunTwiceDoesNotRetryAConnectionLostAfterSending() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(created());
        StepVerifier.create(executor.execute(CREATE, new Offer(SDP, null), RequestOptions.none()))
                .expectError(ApiConnectionException.class)
                .verify(Fixtures.WAIT);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anEndpointThatMustNotRunTwiceRetriesAConnectionThatNeverOpened() {
        server.close();
        StepVerifier.create(executor.execute(CREATE, new Offer(SDP, null), RequestOptions.none()))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ApiConnectionException.class).hasMessageContaining("attempt 3");
                    assertThat(error.getSuppressed()).hasSize(2);
                })
                .verify(Fixtures.WAIT);
    }
}
