package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.local.LocalCall;
import dev.realtimesessions.local.LocalCall.State;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.local.SipHeader;
import dev.realtimesessions.model.LiveForkRequest;
import dev.realtimesessions.model.LiveSession;
import dev.realtimesessions.model.LiveSessionCreateRequest;
import dev.realtimesessions.model.NoiseReduction;
import dev.realtimesessions.model.TranscriptionModel;
import dev.realtimesessions.model.TranslationClientSecretCreateRequest;
import dev.realtimesessions.model.TranslationClientSecretCreateResponse;
import dev.realtimesessions.model.TranslationModel;
import dev.realtimesessions.model.TranslationSessionConfig;
import dev.realtimesessions.model.Tristate;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.webhooks.LiveTransportIncoming;
import dev.realtimesessions.webhooks.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * GPT-Live and translation secrets against the local endpoint, which plays OpenAI's side and refuses
 * what the published Live schemas (with its own fill-ins for their placeholders) refuse: a browser's
 * real offer (Chromium 156's, copied from the local endpoint's tests) exchanged for an answer, a
 * stored session forked, and a SIP call rung through a signed {@code live.transport.incoming}
 * webhook that an application verifies and answers, refers and hangs up, or rejects.
 */
class LiveLocalEndpointTest {

    private static final String WEBHOOK_SECRET = "whsec_c2VjcmV0IGZvciB0aGUgbGl2ZSBzaXAgdGVzdA==";

    private final LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
    private final RealtimeSessions sessions = RealtimeSessions.builder().apiKey(LocalRealtimeEndpoint.API_KEY)
            .baseUrl(endpoint.baseUrl()).build();
    private final ConcurrentLinkedQueue<LiveTransportIncoming> incoming = new ConcurrentLinkedQueue<>();
    private DisposableServer application;

    @AfterEach
    void stop() {
        if (application != null) {
            application.disposeNow();
        }
        sessions.close();
        endpoint.close();
    }

    static String chromiumOffer() {
        try (InputStream in = LiveLocalEndpointTest.class.getResourceAsStream("/live/chromium-156-offer.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LocalCall call(String id) {
        return endpoint.call(id).orElseThrow();
    }

    @Test
    void aBrowsersOfferIsExchangedForAnAnswerAndAStoredSessionForks() {
        LiveSession session = sessions.createLiveSession(LiveSessionCreateRequest.of(LiveSessionsTest.fullSession(),
                chromiumOffer())).block(Fixtures.WAIT);

        LocalCall created = call(session.sessionId());
        assertThat(created.api()).isEqualTo(LocalCall.Api.LIVE);
        assertThat(created.state()).isEqualTo(State.CREATED);
        assertThat(session.sdpAnswer()).isEqualTo(created.answerSdp()).startsWith("v=0");
        assertThat(Fixtures.json(created.session())).isEqualTo(Fixtures.json(LiveSessionsTest.FULL_SESSION_JSON));

        LiveSession fork = sessions.forkLiveSession(session.sessionId(), LiveForkRequest.builder().sdp(chromiumOffer())
                .store(false).build()).block(Fixtures.WAIT);

        assertThat(fork.sessionId()).isNotEqualTo(session.sessionId());
        assertThat(call(fork.sessionId()).forkedFrom()).isEqualTo(session.sessionId());
        JsonNode forked = Fixtures.json(call(fork.sessionId()).session());
        assertThat(forked.get("store").asBoolean()).as("the override").isFalse();
        assertThat(forked.get("model").asString()).as("inherited").isEqualTo("gpt-live-1");

        sessions.hangupLiveSession(fork.sessionId()).block(Fixtures.WAIT);
        assertThat(call(fork.sessionId()).state()).isEqualTo(State.HUNG_UP);
    }

    @Test
    void aSipCallIsAnsweredFromItsWebhookThenReferredAndHungUp() {
        String url = application(event -> sessions.acceptLiveSession(event.sessionId(),
                LiveSessionsTest.sipSession()).thenReturn(200));

        endpoint.ringLiveSip(url, WEBHOOK_SECRET, List.of(new SipHeader("From", "<sip:+14155550100@example.com>")),
                "srtp").block(Fixtures.WAIT);

        LiveTransportIncoming event = incoming.poll();
        assertThat(event).isNotNull();
        assertThat(event.transportType()).isEqualTo("sip");
        assertThat(event.sipHeaderValues("from")).containsExactly("<sip:+14155550100@example.com>");
        assertThat(call(event.sessionId()).state()).isEqualTo(State.ACCEPTED);
        JsonNode accepted = Fixtures.json(call(event.sessionId()).acceptedSession());
        assertThat(accepted.get("type").asString()).isEqualTo("live");
        assertThat(accepted.has("client")).isFalse();

        sessions.referLiveSession(event.sessionId(), "tel:+14155550123").block(Fixtures.WAIT);
        assertThat(call(event.sessionId()).referTarget()).isEqualTo("tel:+14155550123");
        sessions.hangupLiveSession(event.sessionId()).block(Fixtures.WAIT);
        sessions.hangupLiveSession(event.sessionId()).block(Fixtures.WAIT);
        assertThat(call(event.sessionId()).state()).isEqualTo(State.HUNG_UP);
    }

    @Test
    void aSipCallIsRejectedWithItsStatus() {
        String url = application(event -> sessions.rejectLiveSession(event.sessionId(), 486).thenReturn(200));

        endpoint.ringLiveSip(url, WEBHOOK_SECRET, List.of()).block(Fixtures.WAIT);

        LiveTransportIncoming event = incoming.poll();
        assertThat(event).isNotNull();
        assertThat(call(event.sessionId()).state()).isEqualTo(State.REJECTED);
        assertThat(call(event.sessionId()).rejectStatus()).isEqualTo(486);
    }

    @Test
    void aTranslationSecretIsMintedForTheSessionAsked() {
        TranslationClientSecretCreateResponse secret = sessions.createTranslationClientSecret(
                TranslationClientSecretCreateRequest.builder().expiresAfter(Duration.ofMinutes(2))
                        .session(TranslationSessionConfig.builder().model(TranslationModel.GPT_REALTIME_TRANSLATE)
                                .outputLanguage("es").inputNoiseReduction(NoiseReduction.NEAR_FIELD)
                                .inputTranscription(TranscriptionModel.of("gpt-realtime-whisper")).build())
                        .build())
                .block(Fixtures.WAIT);

        assertThat(secret.value()).startsWith("ek_");
        assertThat(secret.session().type()).isEqualTo("translation");
        assertThat(secret.session().model()).isSameAs(TranslationModel.GPT_REALTIME_TRANSLATE);
        assertThat(secret.session().outputLanguage()).isEqualTo("es");
        assertThat(secret.session().inputNoiseReduction()).isEqualTo(Tristate.of(NoiseReduction.NEAR_FIELD));
        assertThat(secret.session().inputTranscription())
                .isEqualTo(Tristate.of(TranscriptionModel.of("gpt-realtime-whisper")));
    }

    /**
     * Starts an application that verifies each webhook, keeps its Live event, answers the call with
     * {@code answer} and then acknowledges the delivery with the status that gives.
     *
     * @return the application's webhook URL
     */
    private String application(Function<LiveTransportIncoming, Mono<Integer>> answer) {
        WebhookVerifier verifier = WebhookVerifier.of(WEBHOOK_SECRET);
        application = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> request.receive().aggregate().asByteArray()
                        .flatMap(body -> {
                            Map<String, String> headers = new HashMap<>();
                            request.requestHeaders().forEach(h -> headers.put(h.getKey(), h.getValue()));
                            return verifier.verifyNonBlocking(headers, body);
                        })
                        .cast(LiveTransportIncoming.class)
                        .doOnNext(incoming::add)
                        .flatMap(answer)
                        .flatMap(status -> response.status(status).send().then()))
                .bindNow(Fixtures.WAIT);
        return "http://127.0.0.1:" + application.port() + "/webhooks/openai";
    }
}
