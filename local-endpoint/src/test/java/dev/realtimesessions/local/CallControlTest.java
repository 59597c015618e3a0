package dev.realtimesessions.local;

import static dev.realtimesessions.local.TestHttp.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.realtimesessions.local.LocalCall.State;
import dev.realtimesessions.local.LocalControl.Operation;
import dev.realtimesessions.local.TestHttp.Part;
import dev.realtimesessions.local.TestHttp.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The Realtime call controls: state rules, bodies, 404 for unknown ids, and what tests read back. */
class CallControlTest {

    private static final String SESSION = "{\"type\":\"realtime\",\"model\":\"gpt-realtime\"}";

    private final LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
    private final WebhookReceiver application = new WebhookReceiver(200);

    @AfterEach
    void close() {
        application.close();
        endpoint.close();
    }

    private String control(String callId, String operation) {
        return endpoint.baseUrl() + "/realtime/calls/" + callId + "/" + operation;
    }

    private String ringing() {
        return endpoint.ringSip(application.url(), "whsec_c2VjcmV0", List.of(SipHeader.of("From", "<sip:alice@x>")))
                .block(Duration.ofSeconds(30)).callId();
    }

    private String webrtcCall() {
        Response created = request().key().postForm(endpoint.baseUrl() + "/realtime/calls",
                new Part("sdp", "application/sdp", TestHttp.chromiumOffer()));
        return created.headers().get("location").replaceFirst(".*/", "");
    }

    private static void assertEmpty200(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void anUnknownCallIdIs404WithOpenAisErrorBodyForEveryOperation() {
        for (String operation : List.of("accept", "reject", "refer", "hangup")) {
            Response response = request().key().postJson(control("rtc_unknown", operation), SESSION);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.error("type")).isEqualTo("invalid_request_error");
            assertThat(response.error("code")).isEqualTo("not_found");
            assertThat(response.error("param")).isEqualTo("call_id");
            assertThat(response.error("message")).contains("rtc_unknown");
        }
        assertThat(request().key().postEmpty(endpoint.baseUrl() + "/realtime/calls/rtc_1/fork").status())
                .as("there is no Realtime fork").isEqualTo(404);
    }

    @Test
    void acceptsARingingSipCallWithAFlatSessionAndRecordsIt() {
        String callId = ringing();
        assertThat(endpoint.call(callId).orElseThrow().state()).isEqualTo(State.RINGING);

        Response refused = request().key().postJson(control(callId, "accept"), "{\"session\":" + SESSION + "}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error("code")).as("the Realtime accept body is flat").isEqualTo("missing_required_parameter");
        assertThat(refused.error("param")).isEqualTo("type");
        assertThat(endpoint.call(callId).orElseThrow().state()).as("a refused accept changes nothing")
                .isEqualTo(State.RINGING);

        assertEmpty200(request().key().postJson(control(callId, "accept"), SESSION));
        LocalCall call = endpoint.call(callId).orElseThrow();
        assertThat(call.state()).isEqualTo(State.ACCEPTED);
        assertThat(TestHttp.JSON.readTree(call.acceptedSession())).isEqualTo(TestHttp.JSON.readTree(SESSION));
        assertThat(call.controls()).extracting(LocalControl::operation, LocalControl::status)
                .containsExactly(tuple(Operation.ACCEPT, 400), tuple(Operation.ACCEPT, 200));
        assertThat(call.controls(Operation.ACCEPT).get(1).body()).isEqualTo(SESSION);
        assertThat(call.controls(Operation.ACCEPT).get(1).succeeded()).isTrue();

        Response again = request().key().postJson(control(callId, "accept"), SESSION);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error("code")).isEqualTo("invalid_call_state");
    }

    @Test
    void rejectsWith603UnlessTheBodyNamesAStatus() {
        String plain = ringing();
        assertEmpty200(request().key().postEmpty(control(plain, "reject")));
        assertThat(endpoint.call(plain).orElseThrow().rejectStatus()).isEqualTo(603);
        assertThat(endpoint.call(plain).orElseThrow().state()).isEqualTo(State.REJECTED);

        String busy = ringing();
        Response wrongType = request().key().postJson(control(busy, "reject"), "{\"status_code\":\"busy\"}");
        assertThat(wrongType.error("code")).isEqualTo("invalid_type");
        assertThat(wrongType.error("param")).isEqualTo("status_code");
        assertEmpty200(request().key().postJson(control(busy, "reject"), "{\"status_code\":486}"));
        assertThat(endpoint.call(busy).orElseThrow().rejectStatus()).isEqualTo(486);

        String empty = ringing();
        assertEmpty200(request().key().postJson(control(empty, "reject"), "{}"));
        assertThat(endpoint.call(empty).orElseThrow().rejectStatus()).isEqualTo(603);
    }

    @Test
    void refersOnlyAnAcceptedCallToATelOrSipUri() {
        String callId = ringing();
        Response early = request().key().postJson(control(callId, "refer"), "{\"target_uri\":\"tel:+14155550123\"}");
        assertThat(early.status()).isEqualTo(409);

        assertEmpty200(request().key().postJson(control(callId, "accept"), SESSION));
        assertThat(request().key().postJson(control(callId, "refer"), "{}").error("code"))
                .isEqualTo("missing_required_parameter");
        Response https = request().key().postJson(control(callId, "refer"), "{\"target_uri\":\"https://x.example\"}");
        assertThat(https.error("param")).isEqualTo("target_uri");
        assertThat(https.error("code")).isEqualTo("invalid_value");
        assertEmpty200(request().key().postJson(control(callId, "refer"), "{\"target_uri\":\"sip:agent@example.com\"}"));

        LocalCall call = endpoint.call(callId).orElseThrow();
        assertThat(call.state()).isEqualTo(State.REFERRED);
        assertThat(call.referTarget()).isEqualTo("sip:agent@example.com");
        assertThat(call.states()).containsExactly(State.RINGING, State.ACCEPTED, State.REFERRED);
    }

    @Test
    void hangupEndsAWebRtcCallAndIsIdempotent() {
        String callId = webrtcCall();
        assertThat(request().key().postJson(control(callId, "accept"), SESSION).status())
                .as("a WebRTC call is not ringing").isEqualTo(409);

        assertEmpty200(request().key().postEmpty(control(callId, "hangup")));
        assertEmpty200(request().key().postEmpty(control(callId, "hangup")));
        LocalCall call = endpoint.call(callId).orElseThrow();
        assertThat(call.state()).isEqualTo(State.HUNG_UP);
        assertThat(call.states()).containsExactly(State.CREATED, State.HUNG_UP);
        assertThat(call.controls(Operation.HANGUP)).hasSize(2).allMatch(LocalControl::succeeded);
        assertThat(call.controls(Operation.HANGUP).get(0).body()).isNull();
    }

    @Test
    void awaitCallCompletesWhenTheStateIsReachedWithoutSleeping() {
        String callId = ringing();
        StepVerifier.create(endpoint.awaitCall(callId, State.ACCEPTED))
                .then(() -> assertEmpty200(request().key().postJson(control(callId, "accept"), SESSION)))
                .assertNext(call -> assertThat(call.acceptedSession()).contains("gpt-realtime"))
                .verifyComplete();

        assertEmpty200(request().key().postEmpty(control(callId, "hangup")));
        StepVerifier.create(endpoint.awaitCall(callId, State.ACCEPTED))
                .as("a state reached earlier completes at once, even after the call moved on")
                .assertNext(call -> assertThat(call.state()).isEqualTo(State.HUNG_UP))
                .verifyComplete();
    }

    @Test
    void awaitCallWaitsForACallThatDoesNotExistYetAndEndsEmptyOnClose() {
        LocalRealtimeEndpoint closing = LocalRealtimeEndpoint.start();
        StepVerifier.create(closing.awaitCall("rtc_not_yet", State.ACCEPTED))
                .then(closing::close)
                .verifyComplete();
        StepVerifier.create(endpoint.awaitCall(null, State.ACCEPTED))
                .expectErrorMessage("id is required")
                .verify();
    }

    @Test
    void controlsNeedTheKey() {
        String callId = webrtcCall();
        Response response = request().postEmpty(control(callId, "hangup"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.error("code")).isEqualTo("invalid_api_key");
        assertThat(endpoint.call(callId).orElseThrow().controls()).as("no credential, nothing recorded").isEmpty();
    }

    @Test
    void snapshotsAreImmutable() {
        webrtcCall();
        List<LocalCall> calls = endpoint.calls();
        assertThatThrownBy(() -> calls.clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> calls.get(0).states().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
