package dev.realtimesessions.adapter.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.adapter.testing.FakeCallsApi;
import dev.realtimesessions.adapter.testing.Upstream;
import dev.realtimesessions.testsupport.LogCapture;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import reactor.test.StepVerifier;

/**
 * How calls end without the browser: the time limit, in virtual time; revocation; a hangup that
 * fails and is tried again later; a caller who leaves while the offer is in flight; closing the
 * endpoint. The hangups are checked at the loopback stand-in for OpenAI, and every test ends with no
 * call open and no timer left scheduled.
 */
class CallLifetimeTest {

    private static final Duration MAX = Duration.ofMinutes(5);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static CallEndpointApp fixture;
    private static RealtimeCallEndpoint calls;
    private static RealtimeCallEndpoint closing;

    private LogCapture logs;

    @BeforeAll
    static void startApp() {
        fixture = new CallEndpointApp(app -> {
            calls = app.endpoint("/realtime/call").maxDuration(MAX).build();
            closing = app.endpoint("/closing/call").build();
            return calls.routerFunction().and(closing.routerFunction());
        });
    }

    @AfterAll
    static void stopApp() {
        fixture.close();
    }

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.debug("dev.realtimesessions.adapter");
    }

    @AfterEach
    void nothingLeftOpenOrScheduled() {
        logs.close();
        assertThat(calls.openCalls()).as("no call left open").isZero();
        assertThat(fixture.timer.waiting()).as("no timer left scheduled").isZero();
        fixture.api.reset();
    }

    /** Waits until the timer holds {@code count} tasks: a failed hangup schedules its next try once it is answered. */
    private static void awaitScheduled(int count) throws InterruptedException {
        for (long end = System.nanoTime() + WAIT.toNanos(); fixture.timer.waiting() != count; Thread.sleep(5)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("expected " + count + " scheduled task(s), found " + fixture.timer.waiting());
            }
        }
    }

    @Test
    void theTimeLimitHangsTheCallUpWithTheKeyItWasCreatedWith() throws Exception {
        fixture.client.post().uri("/realtime/call").header("X-Caller", "alice").header("X-Tenant", "acme")
                .header("Content-Type", "application/sdp").bodyValue(FakeCallsApi.OFFER).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult();
        String callId = fixture.api.lastCallId();
        assertThat(fixture.timer.waiting()).isEqualTo(1);

        fixture.timer.advanceTimeBy(MAX.minusMillis(1));
        assertThat(calls.openCalls("alice")).as("not yet").isEqualTo(1);
        fixture.timer.advanceTimeBy(Duration.ofMillis(1));
        assertThat(calls.openCalls("alice")).as("the slot is free at once").isZero();

        RecordedRequest hangup = fixture.api.takeHangup();
        assertThat(hangup.getUrl().encodedPath()).isEqualTo("/v1/realtime/calls/" + callId + "/hangup");
        assertThat(hangup.getHeaders().get("authorization")).isEqualTo("Bearer " + CallEndpointApp.TENANT_KEY);
        assertThat(hangup.getHeaders().get("openai-project")).isEqualTo("proj_acme");
        assertThat(logs.messages()).anyMatch(m -> m.equals("realtime call ended: user=alice call=" + callId
                + " reason=time-limit after=PT5M"));
    }

    @Test
    void eachCallHasItsOwnTimeLimitFromWhenItStarted() throws Exception {
        fixture.startCall("/realtime/call", "alice");
        String first = fixture.api.lastCallId();
        fixture.timer.advanceTimeBy(Duration.ofMinutes(2));
        fixture.startCall("/realtime/call", "bob");
        String second = fixture.api.lastCallId();

        fixture.timer.advanceTimeBy(Duration.ofMinutes(3));
        assertThat(FakeCallsApi.callIdOf(fixture.api.takeHangup())).isEqualTo(first);
        assertThat(calls.openCalls("bob")).isEqualTo(1);
        fixture.timer.advanceTimeBy(Duration.ofMinutes(2));
        assertThat(FakeCallsApi.callIdOf(fixture.api.takeHangup())).isEqualTo(second);
    }

    @Test
    void revocationEndsTheUsersCallsBeforeTheirTimeLimitAndCancelsIt() throws Exception {
        fixture.startCall("/realtime/call", "alice");
        fixture.startCall("/realtime/call", "alice");
        fixture.startCall("/realtime/call", "bob");
        String bobs = fixture.api.lastCallId();
        fixture.timer.advanceTimeBy(Duration.ofMinutes(1));

        assertThat(calls.revokeUser("alice").block(WAIT)).isEqualTo(2);
        fixture.api.takeHangup();
        fixture.api.takeHangup();
        assertThat(fixture.timer.waiting()).as("only bob's time limit is left").isEqualTo(1);

        fixture.timer.advanceTimeBy(MAX);
        assertThat(FakeCallsApi.callIdOf(fixture.api.takeHangup())).isEqualTo(bobs);
        assertThat(fixture.api.hangupsWaiting()).as("alice's calls are hung up once each").isZero();
        assertThat(logs.messages()).filteredOn(m -> m.startsWith("realtime call ended: user=alice"))
                .hasSize(2).allMatch(m -> m.endsWith("reason=revoked after=PT1M"));
    }

    @Test
    void aHangupThatFailsIsTriedAgainLaterUntilOpenAiAnswers() throws Exception {
        fixture.startCall("/realtime/call", "alice");
        String callId = fixture.api.lastCallId();
        fixture.api.answerNextHangup(Upstream.error(503, "server_error", null, "overloaded"));
        fixture.api.answerNextHangup(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

        assertThat(calls.revokeUser("alice").block(WAIT)).isEqualTo(1);
        assertThat(calls.openCalls("alice")).as("the slot is free although the hangup failed").isZero();
        assertThat(FakeCallsApi.callIdOf(fixture.api.takeHangup())).isEqualTo(callId);
        awaitScheduled(1);
        fixture.timer.advanceTimeBy(Duration.ofSeconds(30));
        assertThat(FakeCallsApi.callIdOf(fixture.api.takeHangup())).isEqualTo(callId);
        awaitScheduled(1);
        fixture.timer.advanceTimeBy(Duration.ofSeconds(30));
        assertThat(FakeCallsApi.callIdOf(fixture.api.takeHangup())).as("answered 200 this time").isEqualTo(callId);
        awaitScheduled(0);
        assertThat(logs.messages())
                .filteredOn(m -> m.startsWith("realtime call endpoint: could not hang up call " + callId))
                .hasSize(2).allMatch(m -> m.endsWith("trying again in 30 s"));
    }

    @Test
    void aHangupIsTriedThreeTimesMoreAtMostAndNotAgainForACallThatIsGone() throws Exception {
        fixture.startCall("/realtime/call", "alice");
        for (int i = 0; i < 4; i++) {
            fixture.api.answerNextHangup(Upstream.error(502, "server_error", null, "bad gateway"));
        }
        calls.revokeUser("alice").block(WAIT);
        for (int later = 0; later < 3; later++) {
            fixture.api.takeHangup();
            awaitScheduled(1);
            fixture.timer.advanceTimeBy(Duration.ofSeconds(30));
        }
        fixture.api.takeHangup();
        assertThat(logs.await(m -> m.endsWith("giving up: OpenAI ends the call at its own limit"), WAIT)).isNotNull();
        awaitScheduled(0);

        fixture.startCall("/realtime/call", "bob");
        fixture.api.answerNextHangup(Upstream.error(404, "invalid_request_error", "call_not_found", "gone"));
        calls.revokeUser("bob").block(WAIT);
        fixture.api.takeHangup();
        assertThat(fixture.timer.waiting()).as("a call that is gone is not hung up again").isZero();
    }

    @Test
    void aCallerWhoLeavesWhileTheOfferIsInFlightGetsTheSlotBack() throws Exception {
        fixture.api.answerNextOffer(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        StepVerifier.create(calls.handle(CallEndpointApp.offerRequest("/realtime/call", "carol")))
                .then(() -> {
                    try {
                        fixture.api.takeOffer();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .thenCancel()
                .verify(WAIT);
        fixture.startCall("/realtime/call", "carol");
        fixture.startCall("/realtime/call", "carol");
        assertThat(calls.openCalls("carol")).as("both slots were free").isEqualTo(2);
        calls.revokeUser("carol").block(WAIT);
    }

    @Test
    void closingHangsUpEveryOpenCallAndRefusesNewOffers() throws Exception {
        fixture.startCall("/closing/call", "alice");
        fixture.startCall("/closing/call", "bob");
        closing.close();
        fixture.api.takeHangup();
        fixture.api.takeHangup();
        assertThat(closing.openCalls()).isZero();
        fixture.offer("/closing/call", "alice", FakeCallsApi.OFFER)
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody().jsonPath("$.error.type").isEqualTo("unavailable");
        assertThat(logs.messages()).filteredOn(m -> m.contains("reason=closed")).hasSize(2);
    }
}
