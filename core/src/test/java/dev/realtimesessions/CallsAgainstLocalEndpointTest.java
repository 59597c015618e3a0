package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.local.LocalCall;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.local.SipHeader;
import dev.realtimesessions.local.WebhookDelivery;
import dev.realtimesessions.model.AudioOutputConfig;
import dev.realtimesessions.model.RealtimeCall;
import dev.realtimesessions.model.RealtimeCallRequest;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.Voice;
import dev.realtimesessions.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/**
 * The five call operations through the public API against the local endpoint, which plays OpenAI's
 * side as its published spec describes (multipart checked part by part, the session part against
 * the GA schema, an SDP answer derived from a real Chromium offer, a table of calls): a WebRTC call
 * created and hung up, SIP calls rung in and accepted, referred or rejected, and an unknown id.
 */
class CallsAgainstLocalEndpointTest {

    private static final String SECRET = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("calls-against-the-local-endpoint".getBytes(StandardCharsets.UTF_8));
    private static final RealtimeSessionConfig SESSION = RealtimeSessionConfig.builder()
            .model(RealtimeModel.GPT_REALTIME).instructions("Answer the phone politely.")
            .audioOutput(AudioOutputConfig.ofVoice(Voice.CEDAR)).build();

    private static LocalRealtimeEndpoint local;
    private static RealtimeSessions sessions;
    /** Acknowledges the local endpoint's webhooks: the tests drive the call controls themselves. */
    private static DisposableServer receiver;
    private static String offer;

    @BeforeAll
    static void start() {
        try (InputStream in = CallsAgainstLocalEndpointTest.class.getResourceAsStream("/live/chromium-156-offer.sdp")) {
            offer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        local = LocalRealtimeEndpoint.start();
        sessions = RealtimeSessions.builder().apiKey(LocalRealtimeEndpoint.API_KEY).baseUrl(local.baseUrl()).build();
        receiver = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> request.receive().then(response.status(200).send()))
                .bindNow();
    }

    @AfterAll
    static void stop() {
        receiver.disposeNow();
        sessions.close();
        local.close();
    }

    private static String ring() {
        WebhookDelivery delivery = local.ringSip("http://127.0.0.1:" + receiver.port() + "/webhook", SECRET,
                List.of(SipHeader.of("From", "<sip:+14155550123@sip.example.com>"))).block(Fixtures.WAIT);
        return delivery.callId();
    }

    private static LocalCall call(String id) {
        return local.call(id).orElseThrow(() -> new AssertionError("no call " + id + " at the local endpoint"));
    }

    @Test
    void aWebRtcCallIsCreatedWithTheSessionAndHungUp() {
        RealtimeCall created = sessions.createCall(RealtimeCallRequest.of(offer, SESSION)).block(Fixtures.WAIT);

        assertThat(created.callId()).startsWith("rtc_");
        assertThat(created.sdp()).startsWith("v=0").contains("a=setup:active");
        LocalCall atOpenAi = call(created.callId());
        assertThat(atOpenAi.state()).isEqualTo(LocalCall.State.CREATED);
        assertThat(atOpenAi.offerSdp()).isEqualTo(offer);
        assertThat(atOpenAi.answerSdp()).isEqualTo(created.sdp());
        JsonNode session = Fixtures.json(atOpenAi.session());
        assertThat(session.path("instructions").asString()).isEqualTo("Answer the phone politely.");
        assertThat(session.at("/audio/output/voice").asString()).isEqualTo("cedar");

        sessions.hangupCall(created.callId()).block(Fixtures.WAIT);

        assertThat(call(created.callId()).state()).isEqualTo(LocalCall.State.HUNG_UP);
    }

    @Test
    void aCallWithoutASessionStaysMultipartAndStarts() {
        RealtimeCall created = sessions.createCall(RealtimeCallRequest.of(offer)).block(Fixtures.WAIT);

        assertThat(call(created.callId()).state()).isEqualTo(LocalCall.State.CREATED);
        sessions.hangupCall(created.callId()).block(Fixtures.WAIT);
    }

    @Test
    void aSipCallIsAcceptedWithTheSessionThenReferred() {
        String id = ring();
        assertThat(call(id).state()).isEqualTo(LocalCall.State.RINGING);

        sessions.acceptCall(id, SESSION).block(Fixtures.WAIT);
        assertThat(call(id).state()).isEqualTo(LocalCall.State.ACCEPTED);
        assertThat(Fixtures.json(call(id).acceptedSession()).path("instructions").asString())
                .isEqualTo("Answer the phone politely.");

        sessions.referCall(id, "tel:+14155550199").block(Fixtures.WAIT);
        assertThat(call(id).state()).isEqualTo(LocalCall.State.REFERRED);
        assertThat(call(id).referTarget()).isEqualTo("tel:+14155550199");
    }

    @Test
    void aSipCallIsRejectedWithItsStatusOrTheServersDefault() {
        String busy = ring();
        sessions.rejectCall(busy, 486).block(Fixtures.WAIT);
        assertThat(call(busy).state()).isEqualTo(LocalCall.State.REJECTED);
        assertThat(call(busy).rejectStatus()).isEqualTo(486);

        String declined = ring();
        sessions.rejectCall(declined).block(Fixtures.WAIT);
        assertThat(call(declined).rejectStatus()).as("the server's default when none is sent").isEqualTo(603);
    }

    @Test
    void aControlOnAnUnknownCallIsNotFound() {
        StepVerifier.create(sessions.hangupCall("rtc_nobody_knows_this_one"))
                .expectError(NotFoundException.class)
                .verify(Fixtures.WAIT);
    }
}
