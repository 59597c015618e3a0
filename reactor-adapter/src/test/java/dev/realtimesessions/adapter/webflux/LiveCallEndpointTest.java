package dev.realtimesessions.adapter.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.adapter.testing.CountingVirtualTimer;
import dev.realtimesessions.local.LocalCall;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.model.LiveDataChannelPermissions;
import dev.realtimesessions.model.LiveModel;
import dev.realtimesessions.model.LiveSessionConfig;
import dev.realtimesessions.model.LiveVoice;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The call endpoint in GPT-Live mode, in a real WebFlux app, exchanging a real Chromium offer
 * through the local endpoint's {@code POST /live/sessions}: the session the local endpoint was
 * given, what the browser got, the guardrails, and the time limit and revocation ending the Live
 * session there.
 */
class LiveCallEndpointTest {

    private static final String INSTRUCTIONS = "You are the Live assistant of the secret project Kestrel.";
    private static final Duration MAX = Duration.ofMinutes(3);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static LocalRealtimeEndpoint local;
    private static RealtimeSessions sessions;
    private static CountingVirtualTimer timer;
    private static RealtimeCallEndpoint live;
    private static RealtimeCallEndpoint realtimeOnly;
    private static ConfigurableApplicationContext app;
    private static WebTestClient client;
    private static String offer;

    @BeforeAll
    static void start() {
        offer = resource("/live/chromium-156-offer.sdp");
        local = LocalRealtimeEndpoint.start();
        sessions = RealtimeSessions.builder().apiKey(LocalRealtimeEndpoint.API_KEY).baseUrl(local.baseUrl())
                .retryPolicy(RetryPolicy.none()).build();
        timer = new CountingVirtualTimer();
        live = RealtimeCallEndpoint.builder(sessions).path("/live/call").authorizer(CallEndpointApp.BY_HEADER)
                .guardrails(CallEndpointApp.usersByHeader().allowedVoices("marin", "cedar").build())
                .live(LiveSessionConfig.builder().model(LiveModel.GPT_LIVE_1).instructions(INSTRUCTIONS)
                        .voice(LiveVoice.MARIN)
                        .dataChannel(LiveDataChannelPermissions.builder().allowClientEvents("input_text")
                                .build())
                        .build())
                .liveCustomizer((request, defaults) -> Mono.just(request.queryParam("voice")
                        .map(voice -> defaults.toBuilder().voice(LiveVoice.of(voice)).build()).orElse(defaults)))
                .maxDuration(MAX).timer(timer).build();
        realtimeOnly = RealtimeCallEndpoint.builder(sessions).path("/guarded/live/call")
                .authorizer(CallEndpointApp.BY_HEADER)
                .guardrails(CallEndpointApp.usersByHeader().allowedModels("gpt-realtime").build())
                .live(LiveSessionConfig.of(LiveModel.GPT_LIVE_1)).timer(timer).build();
        RouterFunction<?> routes = live.routerFunction().and(realtimeOnly.routerFunction());
        app = new SpringApplicationBuilder(CallEndpointApp.App.class).web(WebApplicationType.REACTIVE)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off")
                .initializers(context -> ((GenericApplicationContext) context).registerBean("liveCallRoutes",
                        RouterFunction.class, () -> routes))
                .run();
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + app.getEnvironment()
                .getProperty("local.server.port")).responseTimeout(WAIT).build();
    }

    @AfterAll
    static void stop() {
        app.close();
        sessions.close();
        local.close();
        timer.dispose();
    }

    @AfterEach
    void endEveryCall() {
        live.hangupAll().block(WAIT);
        realtimeOnly.hangupAll().block(WAIT);
        assertThat(timer.waiting()).as("no time limit left scheduled").isZero();
    }

    private static String resource(String name) {
        try (InputStream in = LiveCallEndpointTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EntityExchangeResult<String> post(String path, String caller) {
        return client.post().uri(path).header("X-Caller", caller).header("Content-Type", "application/sdp")
                .bodyValue(offer).exchange().expectBody(String.class).returnResult();
    }

    /** The Live session the local endpoint holds for the SDP answer the browser got. */
    private static LocalCall sessionAnswering(String answer) {
        return local.calls().stream().filter(call -> answer.equals(call.answerSdp())).findFirst()
                .orElseThrow(() -> new AssertionError("no session at the local endpoint gave that answer"));
    }

    @Test
    void theOfferIsExchangedThroughGptLiveWithTheConfiguredSessionAndTheBrowserGetsTheAnswerAlone() {
        EntityExchangeResult<String> result = post("/live/call", "alice");

        assertThat(result.getStatus().value()).isEqualTo(201);
        String answer = result.getResponseBody();
        assertThat(answer).startsWith("v=0");
        LocalCall session = sessionAnswering(answer);
        assertThat(session.api()).isEqualTo(LocalCall.Api.LIVE);
        assertThat(session.offerSdp()).isEqualTo(offer);
        JsonNode config = JsonMapper.builder().build().readTree(session.session());
        assertThat(config.path("model").asString()).isEqualTo("gpt-live-1");
        assertThat(config.path("instructions").asString()).isEqualTo(INSTRUCTIONS);
        assertThat(config.at("/audio/output/voice").asString()).isEqualTo("marin");
        assertThat(config.at("/client/data_channel/allowed_client_events/0").asString()).isEqualTo("input_text");
        String location = result.getResponseHeaders().getLocation().toString();
        assertThat(location).startsWith("/live/call/");
        assertThat(answer + location + result.getResponseHeaders()).as("the browser gets no session id or instructions")
                .doesNotContain(session.id()).doesNotContain("live_").doesNotContain(INSTRUCTIONS);
        assertThat(live.openCalls("alice")).isEqualTo(1);
    }

    @Test
    void theBrowsersDeleteAndRevocationHangUpTheLiveSession() {
        String first = post("/live/call", "bob").getResponseBody();
        EntityExchangeResult<String> second = post("/live/call", "bob");
        assertThat(live.openCalls("bob")).isEqualTo(2);

        client.delete().uri(second.getResponseHeaders().getLocation().toString()).header("X-Caller", "bob").exchange()
                .expectStatus().isNoContent();
        assertThat(local.awaitCall(sessionAnswering(second.getResponseBody()).id(), LocalCall.State.HUNG_UP)
                .block(WAIT)).isNotNull();

        assertThat(live.revokeUser("bob").block(WAIT)).isEqualTo(1);
        assertThat(local.awaitCall(sessionAnswering(first).id(), LocalCall.State.HUNG_UP).block(WAIT)).isNotNull();
        assertThat(live.openCalls("bob")).isZero();
    }

    @Test
    void theTimeLimitHangsUpTheLiveSession() {
        String answer = post("/live/call", "carol").getResponseBody();
        String id = sessionAnswering(answer).id();

        timer.advanceTimeBy(MAX.minusSeconds(1));
        assertThat(local.call(id).orElseThrow().reached(LocalCall.State.HUNG_UP)).isFalse();
        timer.advanceTimeBy(Duration.ofSeconds(1));

        assertThat(local.awaitCall(id, LocalCall.State.HUNG_UP).block(WAIT)).isNotNull();
        assertThat(live.openCalls("carol")).isZero();
    }

    @Test
    void theGuardrailsModelsAndVoicesApplyToTheLiveSessionBeforeAnythingIsSent() {
        int before = local.calls().size();

        assertThat(post("/live/call?voice=ballad", "alice").getStatus().value()).as("a voice not allowed")
                .isEqualTo(403);
        assertThat(post("/guarded/live/call", "alice").getStatus().value()).as("a model not allowed")
                .isEqualTo(403);
        assertThat(post("/live/call?voice=cedar", "alice").getStatus().value()).as("an allowed voice")
                .isEqualTo(201);

        assertThat(local.calls()).hasSize(before + 1);
    }
}
