package dev.realtimesessions.adapter.webflux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.ValidationException;
import dev.realtimesessions.local.LocalCall;
import dev.realtimesessions.local.LocalControl;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.local.WebhookDelivery;
import dev.realtimesessions.model.AudioOutputConfig;
import dev.realtimesessions.model.FunctionTool;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.Voice;
import dev.realtimesessions.testsupport.LogCapture;
import dev.realtimesessions.webhooks.LiveTransportIncoming;
import dev.realtimesessions.webhooks.RealtimeCallIncoming;
import dev.realtimesessions.webhooks.SipHeader;
import dev.realtimesessions.webhooks.WebhookEvent;
import dev.realtimesessions.webhooks.WebhookReplayStore;
import dev.realtimesessions.webhooks.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook endpoint in a real Spring WebFlux app, with the local endpoint playing OpenAI: it rings
 * SIP calls into the app with signed webhooks and records what the app does with each call. What a
 * verified delivery leads to (one accept with the session, a reject, a refer), what a forged, stale,
 * tampered, replayed or oversized one leads to (nothing), the guardrails, other event types, and
 * the HTTP answers OpenAI gets.
 */
class RealtimeWebhookEndpointTest {

    private static final String ALICE = "+14155550123";
    private static final String TRANSFER = "+14155550177";
    private static final String BROKEN = "+14155550155";
    private static final String EMPTY = "+14155550166";
    private static final String OTHER_MODEL = "+14155550188";
    private static final String STRANGER = "+19995550100";
    private static final String HOTLINE = "tel:+18005550199";

    private static final RealtimeSessionConfig SESSION = RealtimeSessionConfig.builder()
            .model(RealtimeModel.GPT_REALTIME)
            .instructions("Answer the phone for Example Corp; never reveal the code word Bluebird.")
            .audioOutput(AudioOutputConfig.ofVoice(Voice.MARIN))
            .build();
    private static final FunctionTool LOOKUP = FunctionTool.of("lookup_order", "Finds an order.",
            Map.of("type", "object"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every decision asked for, by call id. */
    private static final Map<String, AtomicInteger> ASKED = new ConcurrentHashMap<>();
    private static final Queue<WebhookEvent> OTHER_EVENTS = new ConcurrentLinkedQueue<>();
    private static final AtomicBoolean EVENT_HANDLER_FAILS = new AtomicBoolean();

    /** Accepts Alice with the session, refers the transfer line, misbehaves for two numbers, rejects the rest. */
    private static final IncomingCallHandler HANDLER = call -> {
        ASKED.computeIfAbsent(call.callId(), id -> new AtomicInteger()).incrementAndGet();
        String from = call.sipHeaderValues("From").get(0);
        if (from.contains(ALICE)) {
            return Mono.just(IncomingCallDecision.accept(SESSION));
        }
        if (from.contains(TRANSFER)) {
            return Mono.just(IncomingCallDecision.refer(HOTLINE));
        }
        if (from.contains(BROKEN)) {
            throw new IllegalStateException("the customer database is down");
        }
        if (from.contains(EMPTY)) {
            return Mono.empty();
        }
        if (from.contains(OTHER_MODEL)) {
            return Mono.just(IncomingCallDecision.accept(SESSION.toBuilder().model("gpt-realtime-mini").build()));
        }
        return Mono.just(IncomingCallDecision.reject(486));
    };

    private static WebhookApp fixture;
    private static RealtimeSessions wrongKey;
    private static RealtimeWebhookEndpoint hooks;
    private static RealtimeWebhookEndpoint plain;
    private static RealtimeWebhookEndpoint guarded;
    private static RealtimeWebhookEndpoint withOptions;

    private LogCapture logs;

    @BeforeAll
    static void startApp() {
        fixture = new WebhookApp(app -> {
            hooks = app.endpoint("/hooks", HANDLER)
                    .eventHandler(event -> Mono.defer(() -> {
                        if (EVENT_HANDLER_FAILS.getAndSet(false)) {
                            return Mono.error(new IllegalStateException("the outbox is full"));
                        }
                        OTHER_EVENTS.add(event);
                        return Mono.empty();
                    }))
                    .maxBodyBytes(8 * 1024)
                    .build();
            plain = app.endpoint("/plain", call -> Mono.just(IncomingCallDecision.accept()))
                    .session(SESSION)
                    .build();
            Queue<String> quotaUsed = new ConcurrentLinkedQueue<>();
            guarded = app.endpoint("/guarded", HANDLER)
                    .guardrails(TokenGuardrails.builder()
                            .allowedModels("gpt-realtime")
                            .allowedVoices("marin")
                            .fixedTools(List.of(LOOKUP))
                            .quota(caller -> Mono.just(quotaUsed.contains(caller)
                                    ? RealtimeTokenQuota.Decision.refuse(Duration.ofHours(1))
                                    : quotaGranted(quotaUsed, caller)))
                            .build())
                    .build();
            RealtimeWebhookEndpoint failingStore = RealtimeWebhookEndpoint.builder(app.sessions)
                    .path("/failing-store")
                    .verifier(WebhookVerifier.builder().secrets(WebhookApp.SECRET).replayStore(new FailingStore())
                            .build())
                    .callHandler(HANDLER)
                    .build();
            wrongKey = RealtimeSessions.builder().apiKey("sk-not-the-local-key").baseUrl(app.openai.baseUrl()).build();
            withOptions = RealtimeWebhookEndpoint.builder(wrongKey).path("/options")
                    .verifier(WebhookVerifier.of(WebhookApp.SECRET))
                    .callHandler(call -> Mono.just(IncomingCallDecision.accept(SESSION)))
                    .requestOptions(RequestOptions.builder().apiKey(LocalRealtimeEndpoint.API_KEY).build())
                    .timer(app.timer)
                    .build();
            return hooks.routerFunction().and(plain.routerFunction()).and(guarded.routerFunction())
                    .and(failingStore.routerFunction()).and(withOptions.routerFunction());
        });
    }

    private static RealtimeTokenQuota.Decision quotaGranted(Queue<String> used, String caller) {
        used.add(caller);
        return RealtimeTokenQuota.Decision.allow();
    }

    @AfterAll
    static void stopApp() {
        fixture.close();
        wrongKey.close();
    }

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.debug("dev.realtimesessions");
    }

    @AfterEach
    void hangUpEverything() {
        logs.close();
        for (LocalCall call : fixture.openai.calls()) {
            for (RealtimeWebhookEndpoint endpoint : List.of(hooks, plain, guarded, withOptions)) {
                endpoint.hangup(call.id()).block(WebhookApp.WAIT);
            }
        }
        assertThat(fixture.timer.waiting()).as("no timer left scheduled").isZero();
        OTHER_EVENTS.clear();
    }

    private static JsonNode acceptedSession(LocalCall call) {
        assertThat(call.acceptedSession()).as("accepted").isNotNull();
        return JSON.readTree(call.acceptedSession());
    }

    private static int asked(String callId) {
        AtomicInteger count = ASKED.get(callId);
        return count == null ? 0 : count.get();
    }

    @Test
    void aVerifiedCallFromTheKnownNumberIsAcceptedExactlyOnceWithTheConfiguredSession() {
        WebhookDelivery delivery = fixture.ring("/hooks", ALICE);

        assertThat(delivery.status()).as("acknowledged after the accept").isEqualTo(200);
        LocalCall call = fixture.call(delivery.callId());
        assertThat(call.state()).isEqualTo(LocalCall.State.ACCEPTED);
        assertThat(call.controls()).extracting(LocalControl::operation).containsExactly(LocalControl.Operation.ACCEPT);
        JsonNode session = acceptedSession(call);
        assertThat(session.get("type").asString()).isEqualTo("realtime");
        assertThat(session.get("model").asString()).isEqualTo("gpt-realtime");
        assertThat(session.get("instructions").asString()).isEqualTo(SESSION.instructions());
        assertThat(session.at("/audio/output/voice").asString()).isEqualTo("marin");
        assertThat(asked(delivery.callId())).isEqualTo(1);
        assertThat(hooks.openCalls()).isEqualTo(1);
        assertThat(logs.messages()).contains("realtime call started: user=sip:" + ALICE + "@carrier.example call="
                + delivery.callId() + " model=gpt-realtime max_duration=PT10M");
    }

    @Test
    void aReplayOfAHandledDeliveryIsAcknowledgedWithoutActingTwice() {
        WebhookDelivery delivery = fixture.ring("/hooks", ALICE);
        WebhookDelivery replay = fixture.openai.redeliver(delivery).block(WebhookApp.WAIT);

        assertThat(replay.status()).as("2xx, so that OpenAI stops retrying").isEqualTo(200);
        assertThat(fixture.call(delivery.callId()).controls()).hasSize(1);
        assertThat(asked(delivery.callId())).as("the handler is not asked again").isEqualTo(1);
    }

    @Test
    void anyOtherCallerIsRejectedWithTheHandlersSipStatus() {
        WebhookDelivery delivery = fixture.ring("/hooks", STRANGER);

        assertThat(delivery.status()).isEqualTo(200);
        LocalCall call = fixture.call(delivery.callId());
        assertThat(call.state()).isEqualTo(LocalCall.State.REJECTED);
        assertThat(call.rejectStatus()).isEqualTo(486);
        assertThat(call.controls()).extracting(LocalControl::operation).containsExactly(LocalControl.Operation.REJECT);
        assertThat(logs.messages()).contains("realtime call rejected: user=sip:" + STRANGER + "@carrier.example call="
                + delivery.callId() + " status=486 reason=decision");
    }

    @Test
    void aReferAcceptsTheCallWithTheEndpointsSessionThenTransfersIt() {
        WebhookDelivery delivery = fixture.ring("/hooks", TRANSFER);

        assertThat(delivery.status()).isEqualTo(200);
        LocalCall call = fixture.call(delivery.callId());
        assertThat(call.states()).containsExactly(LocalCall.State.RINGING, LocalCall.State.ACCEPTED,
                LocalCall.State.REFERRED);
        assertThat(call.referTarget()).isEqualTo(HOTLINE);
        assertThat(acceptedSession(call).get("model").asString()).as("the endpoint's default session")
                .isEqualTo("gpt-realtime");
        assertThat(logs.messages()).contains("realtime call referred: user=sip:" + TRANSFER + "@carrier.example call="
                + delivery.callId() + " target=" + HOTLINE);
    }

    @Test
    void acceptWithoutASessionAnswersWithTheEndpointsSession() {
        WebhookDelivery delivery = fixture.ring("/plain", STRANGER);

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(acceptedSession(fixture.call(delivery.callId())).get("instructions").asString())
                .isEqualTo(SESSION.instructions());
    }

    @Test
    void aDeliverySignedWithAnotherSecretIsRefusedWith400AndTheCallIsLeftAlone() {
        String otherSecret = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
        WebhookDelivery delivery = fixture.openai.ringSip(fixture.url("/hooks"), otherSecret, fixture.from(ALICE))
                .block(WebhookApp.WAIT);

        assertThat(delivery.status()).isEqualTo(400);
        assertThat(fixture.call(delivery.callId()).state()).isEqualTo(LocalCall.State.RINGING);
        assertThat(fixture.call(delivery.callId()).controls()).isEmpty();
        assertThat(asked(delivery.callId())).isZero();
        assertThat(logs.messages()).anyMatch(m -> m.startsWith("realtime webhook endpoint: refused a delivery"
                + " (NO_MATCHING_SIGNATURE)"));
    }

    @Test
    void aTamperedBodyIsRefusedWith400AndNothingIsDone() {
        String otherSecret = "a secret that is not the endpoint's";
        WebhookDelivery unverified = fixture.openai.ringSip(fixture.url("/hooks"), otherSecret,
                fixture.from(STRANGER)).block(WebhookApp.WAIT);
        WebhookDelivery signed = fixture.ring("/hooks", STRANGER);
        // The signed event, pointed at the other (still ringing) call and at Alice, under its original signature.
        String tampered = signed.body().replace(signed.callId(), unverified.callId()).replace(STRANGER, ALICE);

        WebhookDelivery answer = fixture.openai.redeliver(signed.withBody(tampered)).block(WebhookApp.WAIT);

        assertThat(answer.status()).as("refused by its signature, though its webhook-id was seen").isEqualTo(400);
        assertThat(fixture.call(unverified.callId()).controls()).isEmpty();
        assertThat(asked(unverified.callId())).isZero();
    }

    @Test
    void staleAndFutureTimestampsAreRefusedWith400() {
        for (Duration skew : List.of(Duration.ofMinutes(-6), Duration.ofMinutes(6))) {
            try (LocalRealtimeEndpoint skewed = LocalRealtimeEndpoint.start(0,
                    Clock.offset(Clock.systemUTC(), skew))) {
                WebhookDelivery delivery = skewed.ringSip(fixture.url("/hooks"), WebhookApp.SECRET,
                        fixture.from(ALICE)).block(WebhookApp.WAIT);

                assertThat(delivery.status()).as("skew %s", skew).isEqualTo(400);
                assertThat(asked(delivery.callId())).isZero();
            }
        }
        assertThat(logs.messages()).anyMatch(m -> m.contains("(TIMESTAMP_TOO_OLD)"))
                .anyMatch(m -> m.contains("(TIMESTAMP_TOO_NEW)"));
    }

    @Test
    void aPostWithoutTheWebhookHeadersIsRefusedWith400() {
        fixture.client.post().uri("/hooks").header("Content-Type", "application/json")
                .bodyValue("{\"type\":\"realtime.call.incoming\",\"data\":{\"call_id\":\"rtc_forged\"}}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody()
                .jsonPath("$.error.type").isEqualTo("invalid_webhook")
                .jsonPath("$.error.message").isEqualTo("The delivery failed verification: MISSING_HEADER.");
        assertThat(asked("rtc_forged")).isZero();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsVerified() {
        byte[] large = ("{\"pad\":\"" + "x".repeat(8 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        fixture.client.post().uri("/hooks").header("webhook-id", "wh_1").header("webhook-timestamp", "1")
                .header("webhook-signature", "v1,AAAA").bodyValue(large).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.error.type").isEqualTo("body_too_large");
        Flux<DataBuffer> chunks = Flux.range(0, 4).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[4096]));
        fixture.client.post().uri("/hooks").header("webhook-id", "wh_2").header("webhook-timestamp", "1")
                .header("webhook-signature", "v1,AAAA")
                .body(BodyInserters.fromDataBuffers(chunks)) // in chunks, without a Content-Length
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().returnResult();
    }

    @Test
    void aHandlerThatFailsOrGivesNoDecisionHasTheCallRejectedWithTheEndpointsStatus() {
        for (String number : List.of(BROKEN, EMPTY)) {
            WebhookDelivery delivery = fixture.ring("/hooks", number);

            assertThat(delivery.status()).isEqualTo(200);
            LocalCall call = fixture.call(delivery.callId());
            assertThat(call.state()).isEqualTo(LocalCall.State.REJECTED);
            assertThat(call.rejectStatus()).isEqualTo(RealtimeWebhookEndpoint.DEFAULT_REJECT_STATUS);
            assertThat(logs.messages()).contains("realtime call rejected: user=sip:" + number + "@carrier.example call="
                    + delivery.callId() + " status=480 reason=handler-failed");
        }
    }

    @Test
    void aSessionTheGuardrailsRefuseHasTheCallRejected() {
        WebhookDelivery delivery = fixture.ring("/guarded", OTHER_MODEL);

        assertThat(delivery.status()).isEqualTo(200);
        LocalCall call = fixture.call(delivery.callId());
        assertThat(call.controls()).extracting(LocalControl::operation).containsExactly(LocalControl.Operation.REJECT);
        assertThat(call.rejectStatus()).isEqualTo(480);
        assertThat(logs.messages()).anyMatch(m -> m.endsWith("status=480 reason=guardrail-allowed-models"));
    }

    @Test
    void anAcceptedSessionCarriesExactlyTheFixedToolsAndEachCallerHasTheirOwnQuota() {
        WebhookDelivery first = fixture.ring("/guarded", ALICE);
        WebhookDelivery again = fixture.ring("/guarded", ALICE);
        WebhookDelivery other = fixture.ring("/guarded", TRANSFER);

        JsonNode tools = acceptedSession(fixture.call(first.callId())).get("tools");
        assertThat(tools).hasSize(1);
        assertThat(tools.get(0).get("name").asString()).isEqualTo("lookup_order");
        assertThat(again.status()).isEqualTo(200);
        assertThat(fixture.call(again.callId()).state()).as("the same caller, over quota")
                .isEqualTo(LocalCall.State.REJECTED);
        assertThat(logs.messages()).contains("realtime call rejected: user=sip:" + ALICE + "@carrier.example call="
                + again.callId() + " status=480 reason=guardrail-quota");
        assertThat(fixture.call(other.callId()).state()).as("another caller").isEqualTo(LocalCall.State.REFERRED);
    }

    @Test
    void otherEventTypesGoToTheEventHandlerAndAreAcknowledged() {
        WebhookDelivery delivery = fixture.openai.ringLiveSip(fixture.url("/hooks"), WebhookApp.SECRET,
                fixture.from(ALICE)).block(WebhookApp.WAIT);

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(OTHER_EVENTS).singleElement().isInstanceOfSatisfying(LiveTransportIncoming.class,
                event -> assertThat(event.sessionId()).isEqualTo(delivery.callId()));
        assertThat(fixture.call(delivery.callId()).controls()).as("a Live call is not answered for now").isEmpty();
        assertThat(asked(delivery.callId())).isZero();
    }

    @Test
    void anEventHandlerThatFailsHasTheEventDeliveredAgainAndTheRetryIsAccepted() {
        EVENT_HANDLER_FAILS.set(true);
        WebhookDelivery delivery = fixture.openai.ringLiveSip(fixture.url("/hooks"), WebhookApp.SECRET,
                fixture.from(ALICE)).block(WebhookApp.WAIT);
        assertThat(delivery.status()).isEqualTo(500);
        assertThat(OTHER_EVENTS).isEmpty();

        WebhookDelivery retry = fixture.openai.redeliver(delivery).block(WebhookApp.WAIT);

        assertThat(retry.status()).as("its webhook-id was forgotten, so the retry is not a replay").isEqualTo(200);
        assertThat(OTHER_EVENTS).hasSize(1);
    }

    @Test
    void withoutAnEventHandlerOtherEventsAreAcknowledged() {
        WebhookDelivery delivery = fixture.openai.ringLiveSip(fixture.url("/plain"), WebhookApp.SECRET,
                fixture.from(ALICE)).block(WebhookApp.WAIT);

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(fixture.call(delivery.callId()).controls()).isEmpty();
    }

    @Test
    void aReplayStoreThatFailsAsksForTheDeliveryAgainAndNothingIsDone() {
        WebhookDelivery delivery = fixture.ring("/failing-store", ALICE);

        assertThat(delivery.status()).isEqualTo(503);
        assertThat(fixture.call(delivery.callId()).controls()).isEmpty();
        assertThat(asked(delivery.callId())).isZero();
    }

    @Test
    void theControlCallsCarryTheEndpointsRequestOptions() {
        WebhookDelivery delivery = fixture.ring("/options", ALICE);

        assertThat(fixture.call(delivery.callId()).state()).isEqualTo(LocalCall.State.ACCEPTED);
        assertThat(withOptions.hangup(delivery.callId()).block(WebhookApp.WAIT)).isTrue();
        assertThat(fixture.call(delivery.callId()).state()).as("hung up with the options' key too")
                .isEqualTo(LocalCall.State.HUNG_UP);
    }

    @Test
    void noSecretOrSignatureReachesALogLineOrTheEndpointsDescription() {
        WebhookDelivery accepted = fixture.ring("/hooks", ALICE);
        WebhookDelivery forged = fixture.openai.ringSip(fixture.url("/hooks"), "whsec_" + Base64.getEncoder()
                .encodeToString("another key".getBytes(StandardCharsets.UTF_8)), fixture.from(ALICE))
                .block(WebhookApp.WAIT);
        fixture.openai.redeliver(accepted.withBody(accepted.body() + " ")).block(WebhookApp.WAIT);
        fixture.ring("/hooks", BROKEN);

        String keyText = new String(Base64.getDecoder().decode(WebhookApp.SECRET.substring("whsec_".length())),
                StandardCharsets.UTF_8);
        assertThat(logs.messages()).isNotEmpty().allSatisfy(message -> assertThat(message)
                .doesNotContain(WebhookApp.SECRET.substring("whsec_".length()))
                .doesNotContain(keyText)
                .doesNotContain(accepted.webhookSignature().substring(3))
                .doesNotContain(forged.webhookSignature().substring(3)));
        assertThat(hooks.toString()).doesNotContain(WebhookApp.SECRET.substring(6)).contains("secrets=1 (not shown)");
    }

    @Test
    void theBuilderAndTheDecisionsRefuseWhatCouldNotBeCarriedOut() {
        RealtimeWebhookEndpoint.Builder builder = RealtimeWebhookEndpoint.builder(fixture.sessions);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("verifier");
        builder.verifier(WebhookVerifier.of(WebhookApp.SECRET));
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("callHandler");
        assertThatThrownBy(() -> builder.rejectStatus(302)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("rejectStatus");
        assertThatThrownBy(() -> builder.handlerTimeout(Duration.ZERO)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> builder.maxBodyBytes(0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> builder.path("hooks")).isInstanceOf(ValidationException.class);

        assertThatThrownBy(() -> IncomingCallDecision.reject(302)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("status_code"));
        for (String target : new String[] {"https://example.com", "tel:", "tel:zed", "sip:agent @example.com",
                "sip:<agent@example.com>", "agent@example.com"}) {
            assertThatThrownBy(() -> IncomingCallDecision.refer(target)).as(target)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("target_uri"));
        }
        assertThat(IncomingCallDecision.refer("SIPS:agent@example.com;transport=tls"))
                .isEqualTo(new IncomingCallDecision.Refer("SIPS:agent@example.com;transport=tls"));
        assertThat(IncomingCallDecision.reject()).isEqualTo(new IncomingCallDecision.Reject(603));
        assertThatThrownBy(() -> IncomingCallDecision.accept(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void theCallerIsTheAddressOfTheFromHeader() {
        IncomingCallHandler byDefault = call -> Mono.empty();
        RealtimeCallIncoming call = new RealtimeCallIncoming(null, null, null, "rtc_1", List.of(
                new SipHeader("Via", "SIP/2.0/TLS x"),
                new SipHeader("from", "\"A, B\" <sip:+1415@x.example;user=phone>;tag=1")),
                null, Map.of(), Map.of());
        assertThat(byDefault.caller(call)).isEqualTo("sip:+1415@x.example;user=phone");
        assertThat(byDefault.caller(new RealtimeCallIncoming(null, null, null, "rtc_2", List.of(
                new SipHeader("From", "sip:bob@x.example;tag=2")), null, Map.of(),
                Map.of()))).isEqualTo("sip:bob@x.example");
        assertThat(byDefault.caller(new RealtimeCallIncoming(null, null, null, "rtc_3", List.of(), null, Map.of(),
                Map.of()))).isEqualTo(TokenGuardrails.ANONYMOUS);
    }

    /** A replay store whose backend is down. */
    private static final class FailingStore implements WebhookReplayStore {
        @Override
        public Mono<Boolean> markSeen(String webhookId, Instant now, Duration retention) {
            return Mono.error(new IllegalStateException("the store is down"));
        }

        @Override
        public Mono<Void> forget(String webhookId) {
            return Mono.error(new IllegalStateException("the store is down"));
        }
    }
}
