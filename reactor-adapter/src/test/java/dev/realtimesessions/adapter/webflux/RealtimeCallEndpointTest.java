package dev.realtimesessions.adapter.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.adapter.testing.FakeCallsApi;
import dev.realtimesessions.adapter.testing.Upstream;
import dev.realtimesessions.model.AudioOutputConfig;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.FunctionTool;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.TranscriptionSessionConfig;
import dev.realtimesessions.model.Voice;
import dev.realtimesessions.testsupport.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The call endpoint in a real Spring WebFlux app against a loopback stand-in for OpenAI's calls API:
 * what the browser sends and gets, what goes upstream, the per-user limit, the guardrails, and every
 * refusal, each with nothing sent upstream when the refusal says so.
 */
class RealtimeCallEndpointTest {

    private static final String INSTRUCTIONS = "You are the assistant of the secret project Bluebird.";
    private static final FunctionTool LOOKUP = FunctionTool.of("lookup_order", "Finds an order",
            Map.of("type", "object"));

    /** One offer per user, ever: a quota whose refusals do not depend on the clock. */
    private static final Set<String> QUOTA_USED = ConcurrentHashMap.newKeySet();
    private static final RealtimeTokenQuota ONE_CALL_EACH = user -> Mono.just(QUOTA_USED.add(user)
            ? RealtimeTokenQuota.Decision.allow() : RealtimeTokenQuota.Decision.refuse(Duration.ofSeconds(30)));

    private static CallEndpointApp fixture;
    private static RealtimeCallEndpoint calls;
    private static RealtimeCallEndpoint guarded;

    private LogCapture logs;

    @BeforeAll
    static void startApp() {
        fixture = new CallEndpointApp(app -> {
            calls = app.endpoint("/realtime/call")
                    .session(RealtimeSessionConfig.builder().model(RealtimeModel.GPT_REALTIME)
                            .instructions(INSTRUCTIONS).audioOutput(AudioOutputConfig.ofVoice(Voice.MARIN)).build())
                    .build();
            guarded = app.endpoint("/guarded/call")
                    .customizer(new RealtimeTokenCustomizer() {
                        @Override
                        public Mono<ClientSecretCreateRequest> clientSecretRequest(ServerRequest request,
                                ClientSecretCreateRequest defaults) {
                            if (request.queryParam("transcription").isPresent()) {
                                return Mono.just(ClientSecretCreateRequest.of(
                                        TranscriptionSessionConfig.builder().build()));
                            }
                            RealtimeSessionConfig.Builder session = RealtimeSessionConfig.builder()
                                    .model(request.queryParam("model").orElse("gpt-realtime"));
                            request.queryParam("voice").ifPresent(voice -> session.audioOutput(
                                    AudioOutputConfig.ofVoice(Voice.of(voice))));
                            if (request.queryParam("tool").isPresent()) {
                                session.addTool(FunctionTool.of("delete_everything", "Deletes", Map.of()));
                            }
                            return Mono.just(ClientSecretCreateRequest.of(session.build()));
                        }
                    })
                    .guardrails(CallEndpointApp.usersByHeader().allowedModels("gpt-realtime").allowedVoices("marin")
                            .fixedTools(List.of(LOOKUP)).quota(ONE_CALL_EACH)
                            .build())
                    .build();
            return calls.routerFunction().and(guarded.routerFunction());
        });
    }

    @AfterAll
    static void stopApp() {
        fixture.close();
    }

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.debug(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @AfterEach
    void endEveryCall() throws Exception {
        calls.hangupAll().block(Duration.ofSeconds(20));
        guarded.hangupAll().block(Duration.ofSeconds(20));
        assertThat(fixture.timer.waiting()).as("no time limit left scheduled").isZero();
        fixture.api.reset();
        logs.close();
        assertThat(logs.messages()).as("no API key in any log line").noneMatch(m -> m.contains(Upstream.MOCK_API_KEY))
                .noneMatch(m -> m.contains(CallEndpointApp.TENANT_KEY));
        assertThat(logs.messagesAtInfoOrAbove()).as("no SDP and no instructions above DEBUG")
                .noneMatch(m -> m.contains("a=ice-")).noneMatch(m -> m.contains("v=0"))
                .noneMatch(m -> m.contains(INSTRUCTIONS));
    }

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }

    /** The JSON of the {@code session} part of a recorded offer. */
    private static JsonNode sessionPart(RecordedRequest offer) {
        String body = offer.getBody().utf8();
        int part = body.indexOf("name=\"session\"");
        assertThat(part).as("the offer has a session part").isPositive();
        int start = body.indexOf("\r\n\r\n", part) + 4;
        return json(body.substring(start, body.indexOf("\r\n--", start)));
    }

    @Test
    void anOfferGetsTheSdpAnswerAndAHandleAndNothingElse() throws Exception {
        EntityExchangeResult<String> result = fixture.offer("/realtime/call", "alice", FakeCallsApi.OFFER)
                .expectStatus().isCreated()
                .expectHeader().contentType("application/sdp")
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(String.class).returnResult();
        assertThat(result.getResponseBody()).isEqualTo(FakeCallsApi.ANSWER);
        String location = result.getResponseHeaders().getLocation().toString();
        assertThat(location).matches("/realtime/call/[A-Za-z0-9_-]{22}");
        String everything = result.getResponseHeaders() + result.getResponseBody();
        assertThat(everything).as("no call id, key, instructions or upstream header reaches the browser")
                .doesNotContain(FakeCallsApi.CALL_ID_PREFIX).doesNotContain(Upstream.MOCK_API_KEY)
                .doesNotContain("sk-").doesNotContain(INSTRUCTIONS).doesNotContainIgnoringCase("x-request-id");

        RecordedRequest offer = fixture.api.takeOffer();
        assertThat(offer.getHeaders().get("authorization")).isEqualTo("Bearer " + Upstream.MOCK_API_KEY);
        assertThat(offer.getHeaders().get("content-type")).startsWith("multipart/form-data; boundary=");
        assertThat(offer.getBody().utf8())
                .contains("Content-Type: application/sdp\r\n\r\n" + FakeCallsApi.OFFER + "\r\n");
        JsonNode session = sessionPart(offer);
        assertThat(session.get("type").asString()).isEqualTo("realtime");
        assertThat(session.get("model").asString()).isEqualTo("gpt-realtime");
        assertThat(session.get("instructions").asString()).isEqualTo(INSTRUCTIONS);
        assertThat(session.at("/audio/output/voice").asString()).isEqualTo("marin");
        assertThat(calls.openCalls("alice")).isEqualTo(1);
        assertThat(calls.openCalls()).isEqualTo(1);
        assertThat(logs.messages()).as("the audit line").anyMatch(m -> m.startsWith(
                "realtime call started: user=alice call=" + FakeCallsApi.CALL_ID_PREFIX)
                && m.contains("model=gpt-realtime") && m.contains("max_duration=PT10M"));
    }

    @Test
    void theBrowserHangsUpItsOwnCallByItsLocationAndFreesItsSlot() throws Exception {
        String location = fixture.startCall("/realtime/call", "alice");
        String callId = FakeCallsApi.CALL_ID_PREFIX;
        fixture.client.delete().uri(location).header("X-Caller", "bob").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.error.type").isEqualTo("not_found");
        assertThat(calls.openCalls("alice")).as("another user cannot hang it up").isEqualTo(1);

        fixture.client.delete().uri(location).header("X-Caller", "alice").exchange()
                .expectStatus().isNoContent().expectBody().isEmpty();
        RecordedRequest hangup = fixture.api.takeHangup();
        assertThat(FakeCallsApi.callIdOf(hangup)).startsWith(callId);
        assertThat(hangup.getHeaders().get("authorization")).isEqualTo("Bearer " + Upstream.MOCK_API_KEY);
        assertThat(calls.openCalls("alice")).isZero();
        fixture.client.delete().uri(location).header("X-Caller", "alice").exchange()
                .expectStatus().isNotFound().expectBody().returnResult();
        assertThat(logs.messages())
                .anyMatch(m -> m.startsWith("realtime call ended: user=alice") && m.contains("reason=hung-up"));
    }

    @Test
    void theAppHangsUpACallByUserAndHandle() throws Exception {
        String location = fixture.startCall("/realtime/call", "alice");
        String handle = location.substring(location.lastIndexOf('/') + 1);
        assertThat(calls.hangup("bob", handle).block()).isFalse();
        assertThat(calls.hangup("alice", "no-such-handle").block()).isFalse();
        assertThat(calls.hangup("alice", handle).block()).isTrue();
        fixture.api.takeHangup();
        assertThat(calls.hangup("alice", handle).block()).as("once").isFalse();
        assertThat(calls.openCalls()).isZero();
    }

    @Test
    void aUserAtTheLimitIsRefusedUntilOneOfTheirCallsEnds() throws Exception {
        String first = fixture.startCall("/realtime/call", "alice");
        fixture.startCall("/realtime/call", "alice");
        EntityExchangeResult<byte[]> refused = fixture.offer("/realtime/call", "alice", FakeCallsApi.OFFER)
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().doesNotExist("Retry-After")
                .expectBody()
                .jsonPath("$.error.type").isEqualTo("guardrail")
                .jsonPath("$.error.rule").isEqualTo("max-calls-per-user")
                .returnResult();
        assertThat(new String(refused.getResponseBodyContent())).contains("at most 2");
        fixture.startCall("/realtime/call", "bob");
        assertThat(fixture.api.offersWaiting()).as("the refused offer was not sent").isEqualTo(3);

        fixture.client.delete().uri(first).header("X-Caller", "alice").exchange().expectStatus().isNoContent()
                .expectBody().isEmpty();
        fixture.startCall("/realtime/call", "alice");
        assertThat(calls.openCalls("alice")).isEqualTo(2);
        assertThat(calls.mostOpenCallsOfOneUser()).isEqualTo(2);
        assertThat(calls.usersWithOpenCalls()).isEqualTo(2);
    }

    @Test
    void concurrentOffersOfOneUserNeverOpenMoreCallsThanTheLimit() {
        WebClient web = WebClient.create(fixture.baseUrl);
        List<Integer> statuses = Flux.range(0, 12)
                .flatMap(i -> web.post().uri("/realtime/call").header("X-Caller", "carol")
                        .header("Content-Type", "application/sdp").bodyValue(FakeCallsApi.OFFER)
                        .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                                .thenReturn(response.statusCode().value())))
                .collectList()
                .block(Duration.ofSeconds(30));
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(2);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(10);
        assertThat(fixture.api.offersWaiting()).isEqualTo(2);
        assertThat(calls.openCalls("carol")).isEqualTo(2);
    }

    @Test
    void anOfferNotSentAsSdpIs415AndNothingIsSent() {
        fixture.client.post().uri("/realtime/call").header("X-Caller", "alice").header("Content-Type", "text/plain")
                .bodyValue(FakeCallsApi.OFFER).exchange()
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectBody().jsonPath("$.error.type").isEqualTo("unsupported_media_type");
        fixture.client.post().uri("/realtime/call").header("X-Caller", "alice")
                .header("Content-Type", "application/json")
                .bodyValue("{\"type\":\"offer\",\"sdp\":\"v=0\"}").exchange()
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE).expectBody().returnResult();
        fixture.client.post().uri("/realtime/call").header("X-Caller", "alice").exchange()
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE).expectBody().returnResult();
        assertThat(fixture.api.offersWaiting()).isZero();
    }

    @Test
    void aBodyThatIsNotAnOfferIs400AndNothingIsSent() {
        for (String body : List.of("o=- 1 1 IN IP4 0.0.0.0\r\n", "v=0\r\ns=\u0000\r\n", "   ")) {
            fixture.offer("/realtime/call", "alice", body)
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.error.type").isEqualTo("invalid_offer")
                    .jsonPath("$.error.message").value(String.class, message -> assertThat(message)
                            .startsWith("The body is not a usable SDP offer: sdp "));
        }
        fixture.client.post().uri("/realtime/call").header("X-Caller", "alice")
                .header("Content-Type", "application/sdp")
                .exchange().expectStatus().isBadRequest().expectBody().returnResult();
        assertThat(fixture.api.offersWaiting()).isZero();
        assertThat(calls.openCalls("alice")).isZero();
    }

    @Test
    void anOfferLargerThan64KiBIs413AndNothingIsSent() {
        String huge = FakeCallsApi.OFFER + "a=x-padding:" + "p".repeat(70_000) + "\r\n";
        fixture.offer("/realtime/call", "alice", huge)
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody().jsonPath("$.error.type").isEqualTo("offer_too_large");
        assertThat(fixture.api.offersWaiting()).isZero();
    }

    @Test
    void aRefusedCallerGets403AndNothingIsSent() {
        fixture.offer("/realtime/call", "mallory", FakeCallsApi.OFFER)
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.type").isEqualTo("forbidden");
        assertThat(fixture.api.offersWaiting()).isZero();
    }

    @Test
    void theGuardrailsRefuseModelsAndVoicesOutsideTheirListsBeforeAnythingIsSent() {
        fixture.offer("/guarded/call?model=gpt-4o-realtime-preview", "alice", FakeCallsApi.OFFER)
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.rule").isEqualTo("allowed-models");
        fixture.offer("/guarded/call?voice=alloy", "alice", FakeCallsApi.OFFER)
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.rule").isEqualTo("allowed-voices");
        fixture.offer("/guarded/call?tool", "alice", FakeCallsApi.OFFER)
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.rule").isEqualTo("fixed-tools");
        assertThat(fixture.api.offersWaiting()).isZero();
        assertThat(guarded.openCalls("alice")).isZero();
    }

    @Test
    void theCallCarriesTheFixedToolsAndTheQuotaCountsItsOffers() throws Exception {
        fixture.startCall("/guarded/call?voice=marin", "bob");
        JsonNode tools = sessionPart(fixture.api.takeOffer()).get("tools");
        assertThat(tools).hasSize(1);
        assertThat(tools.get(0).get("name").asString()).isEqualTo("lookup_order");

        fixture.offer("/guarded/call", "bob", FakeCallsApi.OFFER)
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.error.rule").isEqualTo("quota");
        assertThat(fixture.api.offersWaiting()).isZero();
        assertThat(guarded.openCalls("bob")).as("the refused offer holds no slot").isEqualTo(1);
    }

    @Test
    void aCustomizerGivingATranscriptionSessionIs500AndNothingIsSent() {
        fixture.offer("/guarded/call?transcription", "carol", FakeCallsApi.OFFER)
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectBody().jsonPath("$.error.type").isEqualTo("internal_error");
        assertThat(fixture.api.offersWaiting()).isZero();
    }

    @Test
    void upstreamFailuresAreAnsweredLikeTheTokenEndpointsAndFreeTheSlot() {
        fixture.api.answerNextOffer(Upstream.error(429, "requests", "rate_limit_exceeded", "Slow down"));
        fixture.offer("/realtime/call", "alice", FakeCallsApi.OFFER)
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody().jsonPath("$.error.type").isEqualTo("upstream_rate_limited");
        fixture.api.answerNextOffer(Upstream.error(500, "server_error", null, "boom"));
        fixture.offer("/realtime/call", "alice", FakeCallsApi.OFFER)
                .expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectBody().jsonPath("$.error.type").isEqualTo("upstream_error");
        fixture.api.answerNextOffer(new MockResponse.Builder().code(201).body(FakeCallsApi.ANSWER).build());
        fixture.offer("/realtime/call", "alice", FakeCallsApi.OFFER)
                .expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY).expectBody().returnResult();
        assertThat(fixture.api.offersWaiting()).as("one offer each, none retried").isEqualTo(3);
        fixture.startCall("/realtime/call", "alice");
        fixture.startCall("/realtime/call", "alice");
        assertThat(calls.openCalls("alice")).as("the failed offers gave their slots back").isEqualTo(2);
    }

    @Test
    void aTenantsCallIsCreatedAndHungUpWithTheTenantsKey() throws Exception {
        String location = fixture.client.post().uri("/realtime/call").header("X-Caller", "alice")
                .header("X-Tenant", "acme").header("Content-Type", "application/sdp").bodyValue(FakeCallsApi.OFFER)
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult()
                .getResponseHeaders().getLocation().toString();
        RecordedRequest offer = fixture.api.takeOffer();
        assertThat(offer.getHeaders().get("authorization")).isEqualTo("Bearer " + CallEndpointApp.TENANT_KEY);
        assertThat(offer.getHeaders().get("openai-project")).isEqualTo("proj_acme");
        fixture.client.delete().uri(location).header("X-Caller", "alice").exchange().expectStatus().isNoContent()
                .expectBody().isEmpty();
        RecordedRequest hangup = fixture.api.takeHangup();
        assertThat(hangup.getHeaders().get("authorization")).isEqualTo("Bearer " + CallEndpointApp.TENANT_KEY);
        assertThat(hangup.getHeaders().get("openai-project")).isEqualTo("proj_acme");
    }

    @Test
    void revokingAUserHangsUpEveryOpenCallOfTheirsAndNoOneElses() throws Exception {
        fixture.startCall("/realtime/call", "alice");
        fixture.startCall("/realtime/call", "alice");
        fixture.startCall("/realtime/call", "bob");
        List<String> offered = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fixture.api.takeOffer();
        }
        assertThat(calls.revokeUser("alice").block(Duration.ofSeconds(20))).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            offered.add(FakeCallsApi.callIdOf(fixture.api.takeHangup()));
        }
        assertThat(offered).hasSize(2).doesNotHaveDuplicates();
        assertThat(calls.openCalls("alice")).isZero();
        assertThat(calls.openCalls("bob")).isEqualTo(1);
        assertThat(fixture.timer.waiting()).as("alice's time limits are cancelled, bob's runs").isEqualTo(1);
        assertThat(calls.revokeUser("alice").block(Duration.ofSeconds(20))).isZero();
        assertThat(logs.messages()).filteredOn(m -> m.contains("reason=revoked")).hasSize(2)
                .allMatch(m -> m.contains("user=alice"));
    }
}
