package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.RealtimeCall;
import dev.realtimesessions.model.RealtimeCallRequest;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.testing.Calls;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testing.Fixtures.MockOpenAi;
import dev.realtimesessions.testing.FullGaRequests;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/**
 * The calls API through the public methods against a loopback server: the offer's multipart form
 * part by part, the 201 answer read into a {@link RealtimeCall}, and the path and body of each
 * call control.
 */
class RealtimeCallsTest {

    @AutoClose
    private final MockOpenAi api = new MockOpenAi(builder -> builder.retryPolicy(RetryPolicy.none()));

    private RecordedRequest taken() throws InterruptedException {
        return api.server.takeRequest();
    }

    /** The {@code session} object {@code createClientSecret} sends for {@code session}, taken off the wire. */
    private JsonNode sessionAsClientSecretsSendsIt(RealtimeSessionConfig session) throws InterruptedException {
        api.answer(200, Fixtures.MINIMAL_CLIENT_SECRET);
        api.client.createClientSecret(ClientSecretCreateRequest.of(session)).block(WAIT);
        return Fixtures.json(taken().getBody().utf8()).get("session");
    }

    @Test
    void anOfferWithASessionIsAMultipartFormOfTheSdpAndTheSessionAsClientSecretsSendsIt() throws Exception {
        RealtimeSessionConfig session = FullGaRequests.serverVadSession();
        api.server.enqueue(Calls.created());
        StepVerifier.create(api.client.createCall(RealtimeCallRequest.of(Calls.OFFER, session)))
                .assertNext(call -> assertThat(call).isEqualTo(new RealtimeCall(Calls.CALL_ID, Calls.ANSWER)))
                .verifyComplete();
        RecordedRequest request = taken();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/realtime/calls");
        assertThat(request.getUrl().encodedQuery()).as("no ?model= on the GA endpoint").isNull();
        assertThat(request.getHeaders().get("accept")).isEqualTo("application/sdp");
        assertThat(request.getHeaders().get("authorization")).isEqualTo("Bearer " + Fixtures.API_KEY);

        Map<String, Calls.Part> parts = Calls.parts(request);
        assertThat(parts.keySet()).containsExactly("sdp", "session");
        assertThat(parts.get("sdp").headers()).containsExactly("Content-Disposition: form-data; name=\"sdp\"",
                "Content-Type: application/sdp");
        assertThat(parts.get("sdp").content()).isEqualTo(Calls.OFFER);
        assertThat(parts.get("session").headers()).containsExactly("Content-Disposition: form-data; name=\"session\"",
                "Content-Type: application/json");
        JsonNode sent = Fixtures.json(parts.get("session").content());
        assertThat(sent.get("type").asString()).isEqualTo("realtime");
        assertThat(sent).isEqualTo(sessionAsClientSecretsSendsIt(session));
    }

    @Test
    void anOfferWithoutASessionIsStillAMultipartFormWithTheSdpPartAlone() throws Exception {
        api.server.enqueue(Calls.created());
        api.client.createCall(RealtimeCallRequest.of(Calls.OFFER)).block(WAIT);
        RecordedRequest request = taken();
        Map<String, Calls.Part> parts = Calls.parts(request);
        assertThat(parts.keySet()).containsExactly("sdp");
        assertThat(parts.get("sdp").content()).isEqualTo(Calls.OFFER);
        assertThat(request.getBody().utf8()).doesNotContain("session");
    }

    @Test
    void eachOfferHasABoundaryOfItsOwn() throws Exception {
        api.server.enqueue(Calls.created());
        api.server.enqueue(Calls.created());
        api.client.createCall(RealtimeCallRequest.of(Calls.OFFER)).block(WAIT);
        api.client.createCall(RealtimeCallRequest.of(Calls.OFFER)).block(WAIT);
        assertThat(taken().getHeaders().get("content-type")).isNotEqualTo(taken().getHeaders().get("content-type"));
    }

    @Test
    void theAnswerComesWithItsStatusHeadersAndRequestId() throws Exception {
        api.server.enqueue(Calls.created());
        StepVerifier.create(api.client.createCallWithResponse(RealtimeCallRequest.of(Calls.OFFER)))
                .assertNext(response -> {
                    assertThat(response.status()).isEqualTo(201);
                    assertThat(response.header("location")).hasValue("/v1/realtime/calls/" + Calls.CALL_ID);
                    assertThat(response.requestId()).hasValue("req_call");
                    assertThat(response.attempts()).isEqualTo(1);
                    assertThat(response.value().callId()).isEqualTo(Calls.CALL_ID);
                    assertThat(response.value().sdp()).isEqualTo(Calls.ANSWER);
                    assertThat(response.value().toString()).as("the SDP stays out of toString")
                            .doesNotContain("ice-pwd").contains(Calls.CALL_ID);
                })
                .verifyComplete();
    }

    @ParameterizedTest
    @CsvSource({
        "/v1/realtime/calls/rtc_abc, rtc_abc",
        "https://api.openai.com/v1/realtime/calls/rtc_abc, rtc_abc",
        "/v1/realtime/calls/rtc_abc/, rtc_abc",
        "/v1/realtime/calls/rtc_abc?x=1#y, rtc_abc",
        "rtc_abc, rtc_abc"
    })
    void theCallIdIsTheLastSegmentOfTheLocationsPath(String location, String callId) {
        api.server.enqueue(Calls.created(location));
        assertThat(api.client.createCall(RealtimeCallRequest.of(Calls.OFFER)).block(WAIT).callId()).isEqualTo(callId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/realtime/calls/rtc%20abc", "/v1/realtime/calls/rtc.abc", "https://api.openai.com",
        "/"})
    void aLocationWithoutACallIdAtItsEndIsAnUndecodableAnswerAndIsNotRetried(String location) {
        api.server.enqueue(Calls.created(location));
        api.server.enqueue(Calls.created());
        Throwable error = Fixtures.failure(api.client.createCall(RealtimeCallRequest.of(Calls.OFFER)));
        assertThat(error).isInstanceOf(ResponseDecodingException.class).hasMessageContaining("POST /realtime/calls");
        assertThat(((ResponseDecodingException) error).status()).isEqualTo(201);
        assertThat(api.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anAnswerWithoutALocationOrWithoutABodyIsAnUndecodableAnswer() {
        api.server.enqueue(new MockResponse.Builder().code(201).addHeader("content-type", "application/sdp")
                .body(Calls.ANSWER).build());
        assertThat(Fixtures.failure(api.client.createCall(RealtimeCallRequest.of(Calls.OFFER))))
                .isInstanceOf(ResponseDecodingException.class).hasMessageContaining("Location");
        api.server.enqueue(new MockResponse.Builder().code(201).addHeader("location", "/v1/realtime/calls/rtc_1")
                .build());
        assertThat(Fixtures.failure(api.client.createCall(RealtimeCallRequest.of(Calls.OFFER))))
                .isInstanceOf(ResponseDecodingException.class).hasMessageContaining("no SDP answer");
    }

    @Test
    void anErrorAnswerToAnOfferIsTheStatusesException() {
        api.answer(400, "{\"error\":{\"message\":\"Invalid SDP offer\",\"type\":\"invalid_request_error\","
                + "\"param\":\"sdp\",\"code\":\"invalid_offer\"}}");
        Throwable error = Fixtures.failure(api.client.createCall(RealtimeCallRequest.of(Calls.OFFER)));
        assertThat(error).isInstanceOf(BadRequestException.class);
        assertThat(((BadRequestException) error).param()).hasValue("sdp");
    }

    @Test
    void acceptSendsTheSessionFlatAsClientSecretsSendsIt() throws Exception {
        RealtimeSessionConfig session = FullGaRequests.semanticVadSession();
        api.server.enqueue(Calls.controlled());
        StepVerifier.create(api.client.acceptCall(Calls.CALL_ID, session)).verifyComplete();
        RecordedRequest request = taken();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/realtime/calls/" + Calls.CALL_ID + "/accept");
        assertThat(request.getHeaders().get("content-type")).isEqualTo("application/json");
        assertThat(Fixtures.json(request.getBody().utf8())).isEqualTo(sessionAsClientSecretsSendsIt(session));
    }

    @Test
    void rejectWithoutAStatusSendsAnEmptyObjectForTheServersDefault() throws Exception {
        api.server.enqueue(Calls.controlled());
        StepVerifier.create(api.client.rejectCall(Calls.CALL_ID)).verifyComplete();
        RecordedRequest request = taken();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/realtime/calls/" + Calls.CALL_ID + "/reject");
        assertThat(request.getHeaders().get("content-type")).isEqualTo("application/json");
        assertThat(request.getBody().utf8()).isEqualTo("{}");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 486, 603, 699})
    void rejectWithAStatusSendsIt(int status) throws Exception {
        api.server.enqueue(Calls.controlled());
        StepVerifier.create(api.client.rejectCall(Calls.CALL_ID, status)).verifyComplete();
        assertThat(taken().getBody().utf8()).isEqualTo("{\"status_code\":" + status + "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tel:+14155550123", "sip:agent@example.com", "SIPS:agent@example.com:5061;transport=tls",
        "tel:7042;phone-context=example.com"})
    void referSendsTheTarget(String target) throws Exception {
        api.server.enqueue(Calls.controlled());
        StepVerifier.create(api.client.referCall(Calls.CALL_ID, target)).verifyComplete();
        RecordedRequest request = taken();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/realtime/calls/" + Calls.CALL_ID + "/refer");
        assertThat(Fixtures.json(request.getBody().utf8()).get("target_uri").asString()).isEqualTo(target);
        assertThat(Fixtures.json(request.getBody().utf8()).properties()).hasSize(1);
    }

    @Test
    void hangupSendsNoBody() throws Exception {
        api.server.enqueue(Calls.controlled());
        StepVerifier.create(api.client.hangupCall(Calls.CALL_ID)).verifyComplete();
        RecordedRequest request = taken();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/realtime/calls/" + Calls.CALL_ID + "/hangup");
        assertThat(request.getHeaders().get("content-type")).isNull();
        assertThat(request.getHeaders().get("content-length")).isEqualTo("0");
        assertThat(request.getBody().size()).isZero();
    }

    @Test
    void aControlOfACallThatIsGoneIsNotFound() {
        api.answer(404, "{\"error\":{\"message\":\"Call not found\",\"type\":\"invalid_request_error\","
                + "\"param\":null,\"code\":\"call_not_found\"}}");
        assertThat(Fixtures.failure(api.client.hangupCall(Calls.CALL_ID))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyCallTakesItsRequestOptions() throws Exception {
        RequestOptions tenant = RequestOptions.builder().apiKey("sk-tenant-0123456789").project("proj_tenant").build();
        RealtimeSessionConfig session = RealtimeSessionConfig.builder().model(RealtimeModel.GPT_REALTIME).build();
        for (int i = 0; i < 2; i++) {
            api.server.enqueue(Calls.created());
        }
        for (int i = 0; i < 5; i++) {
            api.server.enqueue(Calls.controlled());
        }
        api.client.createCall(RealtimeCallRequest.of(Calls.OFFER), tenant).block(WAIT);
        api.client.createCallWithResponse(RealtimeCallRequest.of(Calls.OFFER), tenant).block(WAIT);
        api.client.acceptCall(Calls.CALL_ID, session, tenant).block(WAIT);
        api.client.rejectCall(Calls.CALL_ID, tenant).block(WAIT);
        api.client.rejectCall(Calls.CALL_ID, 486, tenant).block(WAIT);
        api.client.referCall(Calls.CALL_ID, "tel:+14155550123", tenant).block(WAIT);
        api.client.hangupCall(Calls.CALL_ID, tenant).block(WAIT);
        for (String path : List.of("", "", "/accept", "/reject", "/reject", "/refer", "/hangup")) {
            RecordedRequest request = taken();
            assertThat(request.getUrl().encodedPath()).isEqualTo(path.isEmpty() ? "/v1/realtime/calls"
                    : "/v1/realtime/calls/" + Calls.CALL_ID + path);
            assertThat(request.getHeaders().get("authorization")).isEqualTo("Bearer sk-tenant-0123456789");
            assertThat(request.getHeaders().get("openai-project")).isEqualTo("proj_tenant");
        }
    }

    @Test
    void nothingIsSentUntilSubscribedAndEachSubscriptionIsACall() throws Exception {
        api.server.enqueue(Calls.controlled());
        api.server.enqueue(Calls.controlled());
        var hangup = api.client.hangupCall(Calls.CALL_ID);
        assertThat(api.server.getRequestCount()).isZero();
        hangup.block(WAIT);
        hangup.block(WAIT);
        assertThat(api.server.getRequestCount()).isEqualTo(2);
    }
}
