package dev.realtimesessions.adapter.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.adapter.testing.Upstream;
import dev.realtimesessions.local.LocalCall;
import dev.realtimesessions.local.LocalControl;
import dev.realtimesessions.local.WebhookDelivery;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.testsupport.LogCapture;
import dev.realtimesessions.webhooks.WebhookVerifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * How incoming calls end and what happens when answering them goes wrong: the time limit and the
 * handler timeout in virtual time, a hangup by the app, a caller who hangs up while the handler
 * decides, control calls that fail (played by a loopback stand-in for OpenAI's call controls), and
 * closing the endpoint. Every test ends with no call open and no timer left scheduled.
 */
class WebhookCallLifetimeTest {

    private static final String ALICE = "+14155550123";
    private static final String SLOW = "+14155550199";
    private static final String WAITS = "+14155550144";
    private static final String TRANSFER = "+14155550177";
    private static final Duration MAX = Duration.ofMinutes(5);
    private static final RealtimeSessionConfig SESSION = RealtimeSessionConfig.builder()
            .model(RealtimeModel.GPT_REALTIME).build();

    /** The decisions a test makes itself, by call id, for calls from {@link #WAITS}. */
    private static final Map<String, Sinks.One<IncomingCallDecision>> PENDING = new ConcurrentHashMap<>();

    private static final IncomingCallHandler HANDLER = call -> {
        String from = call.sipHeaderValues("From").get(0);
        if (from.contains(ALICE)) {
            return Mono.just(IncomingCallDecision.accept(SESSION));
        }
        if (from.contains(TRANSFER)) {
            return Mono.just(IncomingCallDecision.refer("sip:desk@example.com"));
        }
        if (from.contains(SLOW)) {
            return Mono.never();
        }
        if (from.contains(WAITS)) {
            Sinks.One<IncomingCallDecision> decision = Sinks.one();
            PENDING.put(call.callId(), decision);
            return decision.asMono();
        }
        return Mono.just(IncomingCallDecision.reject(486));
    };

    private static WebhookApp fixture;
    private static ScriptedCallControl control;
    private static RealtimeSessions scriptedSessions;
    private static RealtimeWebhookEndpoint calls;
    private static RealtimeWebhookEndpoint scripted;
    private static RealtimeWebhookEndpoint closing;

    private LogCapture logs;

    @BeforeAll
    static void startApp() {
        control = new ScriptedCallControl();
        scriptedSessions = RealtimeSessions.builder().apiKey(Upstream.MOCK_API_KEY).baseUrl(control.baseUrl())
                .retryPolicy(RetryPolicy.none()).build();
        fixture = new WebhookApp(app -> {
            calls = app.endpoint("/calls", HANDLER).maxDuration(MAX).build();
            scripted = RealtimeWebhookEndpoint.builder(scriptedSessions).path("/scripted")
                    .verifier(WebhookVerifier.of(WebhookApp.SECRET))
                    .callHandler(HANDLER).timer(app.timer).build();
            closing = app.endpoint("/closing", HANDLER).build();
            return calls.routerFunction().and(scripted.routerFunction()).and(closing.routerFunction());
        });
    }

    @AfterAll
    static void stopApp() {
        fixture.close();
        scriptedSessions.close();
        control.close();
    }

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.debug("dev.realtimesessions");
    }

    @AfterEach
    void nothingLeftOpenOrScheduled() throws Exception {
        logs.close();
        for (String callId : control.received().stream().map(request -> request.split(" ")[1]).toList()) {
            scripted.hangup(callId).block(WebhookApp.WAIT);
        }
        assertThat(calls.openCalls() + scripted.openCalls() + closing.openCalls()).as("no call left open").isZero();
        fixture.awaitScheduled(0);
        control.reset();
        PENDING.clear();
    }

    @Test
    void theTimeLimitHangsUpAnAcceptedCallWhateverTheCallerDoes() {
        WebhookDelivery delivery = fixture.ring("/calls", ALICE);
        assertThat(fixture.call(delivery.callId()).state()).isEqualTo(LocalCall.State.ACCEPTED);
        assertThat(fixture.timer.waiting()).as("the time limit").isEqualTo(1);

        fixture.timer.advanceTimeBy(MAX.minusMillis(1));
        assertThat(calls.openCalls()).as("not yet").isEqualTo(1);
        fixture.timer.advanceTimeBy(Duration.ofMillis(1));

        LocalCall call = fixture.await(delivery.callId(), LocalCall.State.HUNG_UP);
        assertThat(call.controls()).extracting(LocalControl::operation)
                .containsExactly(LocalControl.Operation.ACCEPT, LocalControl.Operation.HANGUP);
        assertThat(calls.openCalls()).isZero();
        assertThat(logs.messages()).contains("realtime call ended: user=sip:" + ALICE + "@carrier.example call="
                + delivery.callId() + " reason=time-limit after=PT5M");
    }

    @Test
    void aHandlerThatDoesNotDecideInTimeHasTheCallRejectedWithTheEndpointsStatus() throws Exception {
        CompletableFuture<WebhookDelivery> ringing = fixture.ringLater("/calls", SLOW);
        fixture.awaitScheduled(1);

        fixture.timer.advanceTimeBy(RealtimeWebhookEndpoint.DEFAULT_HANDLER_TIMEOUT.minusMillis(1));
        assertThat(fixture.timer.waiting()).as("the handler timeout has not fired yet").isEqualTo(1);
        fixture.timer.advanceTimeBy(Duration.ofMillis(1));

        WebhookDelivery delivery = ringing.get(WebhookApp.WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(delivery.status()).isEqualTo(200);
        LocalCall call = fixture.call(delivery.callId());
        assertThat(call.state()).isEqualTo(LocalCall.State.REJECTED);
        assertThat(call.rejectStatus()).isEqualTo(480);
        assertThat(logs.messages()).contains("realtime call rejected: user=sip:" + SLOW + "@carrier.example call="
                + delivery.callId() + " status=480 reason=handler-timeout");
    }

    @Test
    void theAppCanHangUpAnAcceptedCallBeforeItsTimeLimit() {
        WebhookDelivery delivery = fixture.ring("/calls", ALICE);

        assertThat(calls.hangup(delivery.callId()).block(WebhookApp.WAIT)).isTrue();
        assertThat(fixture.call(delivery.callId()).state()).isEqualTo(LocalCall.State.HUNG_UP);
        assertThat(fixture.timer.waiting()).as("its time limit is cancelled").isZero();
        assertThat(calls.hangup(delivery.callId()).block(WebhookApp.WAIT)).as("once").isFalse();
        assertThat(calls.hangup("rtc_unknown").block(WebhookApp.WAIT)).isFalse();
        assertThat(logs.messages()).anyMatch(m -> m.startsWith("realtime call ended: user=sip:" + ALICE
                + "@carrier.example call=" + delivery.callId() + " reason=hung-up"));
    }

    @Test
    void aCallerWhoHangsUpWhileTheHandlerDecidesEndsTheMatterWithoutARetry() throws Exception {
        CompletableFuture<WebhookDelivery> ringing = fixture.ringLater("/calls", WAITS);
        String callId = awaitPendingCall();
        fixture.sessions.hangupCall(callId).block(WebhookApp.WAIT);

        PENDING.get(callId).tryEmitValue(IncomingCallDecision.accept(SESSION));

        assertThat(ringing.get(WebhookApp.WAIT.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(200);
        LocalCall call = fixture.call(callId);
        assertThat(call.controls()).extracting(control -> control.operation() + " " + control.status())
                .containsExactly("HANGUP 200", "ACCEPT 409", "REJECT 409");
        assertThat(call.state()).isEqualTo(LocalCall.State.HUNG_UP);
        assertThat(logs.messages()).anyMatch(m -> m.equals("realtime webhook endpoint: call " + callId
                + " is no longer ringing (answered elsewhere, or ended); nothing to reject"));
    }

    private static String awaitPendingCall() throws InterruptedException {
        for (long end = System.nanoTime() + WebhookApp.WAIT.toNanos(); PENDING.isEmpty(); Thread.sleep(5)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the handler was not asked");
            }
        }
        return PENDING.keySet().iterator().next();
    }

    @Test
    void whenNeitherTheAcceptNorTheRejectReachesOpenAiTheEventIsAskedForAgainAndTheRetryIsAnswered() {
        control.answerNext("accept", Upstream.error(503, "server_error", null, "overloaded"));
        control.answerNext("reject", Upstream.error(503, "server_error", null, "overloaded"));

        WebhookDelivery delivery = fixture.ring("/scripted", ALICE);
        assertThat(delivery.status()).isEqualTo(502);
        assertThat(control.received()).containsExactly("accept " + delivery.callId(), "reject " + delivery.callId());

        WebhookDelivery retry = fixture.openai.redeliver(delivery).block(WebhookApp.WAIT);
        assertThat(retry.status()).as("its webhook-id was forgotten: handled again").isEqualTo(200);
        assertThat(control.received()).containsExactly("accept " + delivery.callId(), "reject " + delivery.callId(),
                "accept " + delivery.callId());
        assertThat(scripted.openCalls()).isEqualTo(1);
    }

    @Test
    void anAcceptThatOpenAiRefusesHasTheCallRejectedWithTheEndpointsStatus() {
        control.answerNext("accept", Upstream.error(400, "invalid_request_error", "invalid_value", "no"));

        WebhookDelivery delivery = fixture.ring("/scripted", ALICE);

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(control.received()).containsExactly("accept " + delivery.callId(), "reject " + delivery.callId());
        assertThat(control.bodies().get(1)).isEqualTo("{\"status_code\":480}");
        assertThat(logs.messages()).contains("realtime call rejected: user=sip:" + ALICE + "@carrier.example call="
                + delivery.callId() + " status=480 reason=accept-failed");
    }

    @Test
    void anAcceptWhoseAnswerIsLostIsHungUpWhenTheCallNoLongerRings() {
        control.answerNext("accept", new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        control.answerNext("reject", Upstream.error(409, "invalid_request_error", "invalid_call_state", "accepted"));

        WebhookDelivery delivery = fixture.ring("/scripted", ALICE);

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(control.received()).containsExactly("accept " + delivery.callId(), "reject " + delivery.callId(),
                "hangup " + delivery.callId());
    }

    @Test
    void aReferThatFailsHangsUpTheCallItAccepted() {
        control.answerNext("refer", Upstream.error(500, "server_error", null, "no"));

        WebhookDelivery delivery = fixture.ring("/scripted", TRANSFER);

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(control.received()).containsExactly("accept " + delivery.callId(), "refer " + delivery.callId(),
                "hangup " + delivery.callId());
        assertThat(control.bodies().get(1)).isEqualTo("{\"target_uri\":\"sip:desk@example.com\"}");
        assertThat(scripted.openCalls()).isZero();
        assertThat(logs.messages()).anyMatch(m -> m.startsWith("realtime call ended: user=sip:" + TRANSFER
                + "@carrier.example call=" + delivery.callId() + " reason=refer-failed"));
    }

    @Test
    void closingHangsUpTheOpenCallsThenAnswers503WithNothingDone() {
        WebhookDelivery accepted = fixture.ring("/closing", ALICE);
        assertThat(closing.openCalls()).isEqualTo(1);

        closing.close();

        assertThat(fixture.call(accepted.callId()).state()).isEqualTo(LocalCall.State.HUNG_UP);
        WebhookDelivery refused = fixture.ring("/closing", ALICE);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(fixture.call(refused.callId()).controls()).isEmpty();
        assertThat(logs.messages()).anyMatch(m -> m.startsWith("realtime call ended: user=sip:" + ALICE
                + "@carrier.example call=" + accepted.callId() + " reason=closed"));
    }

    @Test
    void eachAcceptedCallIsKeptUnderItsOwnTimeLimit() {
        List<WebhookDelivery> deliveries = List.of(fixture.ring("/calls", ALICE), fixture.ring("/calls", TRANSFER));
        assertThat(calls.openCalls()).isEqualTo(2);
        assertThat(fixture.timer.waiting()).isEqualTo(2);

        fixture.timer.advanceTimeBy(MAX);

        for (WebhookDelivery delivery : deliveries) {
            assertThat(fixture.await(delivery.callId(), LocalCall.State.HUNG_UP).reached(LocalCall.State.ACCEPTED))
                    .isTrue();
        }
    }
}
