package dev.realtimesessions.adapter.webflux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.ValidationException;
import dev.realtimesessions.adapter.testing.Upstream;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.model.AudioOutputConfig;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.FunctionTool;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.Tool;
import dev.realtimesessions.testsupport.LogCapture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The token endpoint's guardrails in a real Spring WebFlux app on a random port: each rule refuses before minting. */
class TokenGuardrailsTest {

    private static final FunctionTool LOOKUP = FunctionTool.of("lookup_order", "Looks up an order.",
            Map.of("type", "object", "properties", Map.of()));
    private static final FunctionTool REFUND = FunctionTool.of("refund_order", "Refunds an order.",
            Map.of("type", "object", "properties", Map.of()));
    /** Fixed, half a minute into a one-minute window: a refusal says retry after 30 s, and no window ends mid-test. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:30Z"), ZoneOffset.UTC);

    private static MockWebServer mock;
    private static LocalRealtimeEndpoint local;
    private static RealtimeSessions mockSessions;
    private static RealtimeSessions localSessions;
    private static ConfigurableApplicationContext app;
    private static WebTestClient client;

    private LogCapture logs;
    private LogCapture audit;

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
            WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class})
    static class App {
    }

    /** Builds what the browser asked for from query parameters: the worst a customizer could pass on. */
    static final class FromQuery implements RealtimeTokenCustomizer {
        @Override
        public Mono<ClientSecretCreateRequest> clientSecretRequest(ServerRequest request, ClientSecretCreateRequest defaults) {
            RealtimeSessionConfig.Builder config = RealtimeSessionConfig.builder()
                    .model(request.queryParam("model").orElse("gpt-realtime"))
                    .audioOutput(AudioOutputConfig.ofVoice(dev.realtimesessions.model.Voice.of(
                            request.queryParam("voice").orElse("marin"))));
            tool(request).ifPresent(config::addTool);
            ClientSecretCreateRequest.Builder builder = ClientSecretCreateRequest.builder().session(config.build());
            request.queryParam("lifetime").ifPresent(seconds -> builder.expiresAfter(Duration.ofSeconds(Long.parseLong(seconds))));
            return Mono.just(builder.build());
        }

        @Override
        @SuppressWarnings("deprecation") // shapes the beta mode's request, which stays supported
        public Mono<RealtimeSessionCreateRequest> sessionRequest(ServerRequest request, RealtimeSessionCreateRequest defaults) {
            RealtimeSessionCreateRequest.Builder builder = defaults.toBuilder()
                    .model(request.queryParam("model").orElse("gpt-realtime"))
                    .voice(request.queryParam("voice").orElse("marin"));
            tool(request).ifPresent(builder::addTool);
            request.queryParam("lifetime").ifPresent(seconds ->
                    builder.clientSecretExpiresAfter(Duration.ofSeconds(Long.parseLong(seconds))));
            return Mono.just(builder.build());
        }

        private static Optional<Tool> tool(ServerRequest request) {
            return request.queryParam("tool").map(name -> name.equals(LOOKUP.name()) ? LOOKUP
                    : FunctionTool.of(name, "Added by the browser.", Map.of("type", "object")));
        }
    }

    @BeforeAll
    @SuppressWarnings("deprecation") // also serves the beta mode, which stays supported
    static void startApp() throws Exception {
        mock = new MockWebServer();
        mock.start();
        local = LocalRealtimeEndpoint.start();
        mockSessions = Upstream.client(mock);
        localSessions = RealtimeSessions.builder().apiKey(LocalRealtimeEndpoint.API_KEY).baseUrl(local.baseUrl()).build();
        TokenGuardrails.Builder rules = TokenGuardrails.builder()
                .allowedModels("gpt-realtime")
                .allowedVoices("marin", "cedar")
                .maxSecretLifetime(Duration.ofMinutes(2))
                .fixedTools(List.of(LOOKUP, REFUND))
                .user(request -> Mono.justOrEmpty(request.headers().firstHeader("X-User")));
        TokenGuardrails withQuota = rules.quota(new InMemoryTokenQuota(2, Duration.ofMinutes(1), 1000, CLOCK)).build();
        RouterFunction<ServerResponse> routes = RealtimeTokenEndpoint.builder(mockSessions)
                .authorizer(RealtimeTokenAuthorizer.permitAll()).path("/ga/session").customizer(new FromQuery())
                .guardrails(withQuota).build().routerFunction()
                .and(RealtimeTokenEndpoint.builder(localSessions).authorizer(RealtimeTokenAuthorizer.permitAll())
                        .path("/beta/session").mode(MintMode.BETA_SESSIONS).customizer(new FromQuery())
                        .guardrails(TokenGuardrails.builder().allowedModels("gpt-realtime").allowedVoices("marin")
                                .maxSecretLifetime(Duration.ofMinutes(1)).fixedTools(List.of(LOOKUP))
                                .user(request -> Mono.justOrEmpty(request.headers().firstHeader("X-User"))).build())
                        .build().routerFunction())
                .and(RealtimeTokenEndpoint.builder(localSessions).authorizer(RealtimeTokenAuthorizer.permitAll())
                        .path("/plain/session").build().routerFunction());
        app = new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off")
                .initializers(context -> ((GenericApplicationContext) context).registerBean("guardedRoutes",
                        RouterFunction.class, () -> routes))
                .run();
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    @AfterAll
    static void stopApp() throws Exception {
        app.close();
        mockSessions.close();
        localSessions.close();
        local.close();
        mock.close();
    }

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.debug(org.slf4j.Logger.ROOT_LOGGER_NAME);
        audit = LogCapture.debug(TokenAudit.LOGGER);
    }

    @AfterEach
    void noSecretsInLogs() {
        audit.close();
        logs.close();
        assertThat(logs.messages()).as("no API key or client secret in any log line")
                .noneMatch(message -> message.contains(Upstream.MOCK_API_KEY))
                .noneMatch(message -> message.contains(LocalRealtimeEndpoint.API_KEY))
                .noneMatch(message -> message.contains("ek_"));
    }

    private static MockResponse minted(String id) {
        return new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                .body("{\"value\":\"ek_mock_" + id + "\",\"expires_at\":1767225720,\"session\":{\"type\":\"realtime\","
                        + "\"object\":\"realtime.session\",\"id\":\"sess_" + id + "\",\"model\":\"gpt-realtime\","
                        + "\"output_modalities\":[\"audio\"],\"audio\":{\"output\":{\"voice\":\"marin\"}}}}")
                .build();
    }

    /** The request OpenAI saw last: the ones other tests left are skipped. */
    private static RecordedRequest latestRequest() throws InterruptedException {
        RecordedRequest latest = mock.takeRequest();
        for (RecordedRequest next = mock.takeRequest(0, TimeUnit.SECONDS); next != null;
                next = mock.takeRequest(0, TimeUnit.SECONDS)) {
            latest = next;
        }
        return latest;
    }

    private static void refused(String uri, String user, int status, String rule) {
        int before = mock.getRequestCount();
        EntityExchangeResult<byte[]> result = client.post().uri(uri).header("X-User", user).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType("application/json")
                .expectBody()
                .jsonPath("$.error.type").isEqualTo("guardrail")
                .jsonPath("$.error.rule").isEqualTo(rule)
                .jsonPath("$.error.message").isNotEmpty()
                .jsonPath("$.value").doesNotExist()
                .returnResult();
        assertThat(result.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(mock.getRequestCount()).as("nothing was minted").isEqualTo(before);
    }

    @Test
    void anAllowedRequestIsMintedWithExactlyTheServersToolsAndTheMaxLifetime() throws Exception {
        mock.enqueue(minted("allowed"));
        client.post().uri("/ga/session?voice=cedar&tool=lookup_order").header("X-User", "allowed").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.value").isEqualTo("ek_mock_allowed")
                .jsonPath("$.session.id").isEqualTo("sess_allowed")
                .returnResult();
        String body = latestRequest().getBody().utf8();
        assertThat(body).contains("\"expires_after\":{\"anchor\":\"created_at\",\"seconds\":120}")
                .contains("\"name\":\"lookup_order\"").contains("\"name\":\"refund_order\"")
                .contains("\"voice\":\"cedar\"");
    }

    @Test
    void aRequestWithoutToolsStillCarriesTheServersTools() throws Exception {
        mock.enqueue(minted("notools"));
        client.post().uri("/ga/session?lifetime=60").header("X-User", "notools").exchange()
                .expectStatus().isOk().expectBody().returnResult();
        String body = latestRequest().getBody().utf8();
        assertThat(body).contains("\"name\":\"lookup_order\"").contains("\"name\":\"refund_order\"")
                .contains("\"seconds\":60");
    }

    @Test
    void aModelNotAllowedIsRefusedWith403() {
        refused("/ga/session?model=gpt-realtime-2", "models", 403, "allowed-models");
    }

    @Test
    void aVoiceNotAllowedIsRefusedWith403() {
        refused("/ga/session?voice=ash", "voices", 403, "allowed-voices");
    }

    @Test
    void aLifetimeOverTheMaximumIsRefusedWith403() {
        refused("/ga/session?lifetime=121", "lifetime", 403, "max-secret-lifetime");
    }

    @Test
    void aToolTheServerDoesNotOfferIsRefusedWith403() {
        refused("/ga/session?tool=delete_everything", "tools", 403, "fixed-tools");
        client.post().uri("/ga/session?tool=delete_everything").header("X-User", "tools").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.message").value(String.class,
                        message -> assertThat(message).contains("delete_everything"))
                .returnResult();
    }

    @Test
    void theQuotaCountsEachUserApartAndAnswers429WithRetryAfter() {
        mock.enqueue(minted("q1a"));
        mock.enqueue(minted("q1b"));
        mock.enqueue(minted("q2a"));
        for (int i = 0; i < 2; i++) {
            client.post().uri("/ga/session").header("X-User", "quota-one").exchange()
                    .expectStatus().isOk().expectBody().returnResult();
        }
        int before = mock.getRequestCount();
        client.post().uri("/ga/session").header("X-User", "quota-one").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "30")
                .expectBody()
                .jsonPath("$.error.type").isEqualTo("guardrail")
                .jsonPath("$.error.rule").isEqualTo("quota")
                .returnResult();
        assertThat(mock.getRequestCount()).as("nothing was minted").isEqualTo(before);
        client.post().uri("/ga/session").header("X-User", "quota-two").exchange()
                .expectStatus().isOk().expectBody().returnResult();
    }

    @Test
    void aRefusedRuleDoesNotSpendTheQuota() {
        for (int i = 0; i < 3; i++) {
            refused("/ga/session?voice=ash", "spender", 403, "allowed-voices");
        }
        mock.enqueue(minted("spender"));
        client.post().uri("/ga/session").header("X-User", "spender").exchange()
                .expectStatus().isOk().expectBody().returnResult();
    }

    @Test
    void eachMintedSessionLeavesOneAuditLineWithoutTheSecret() {
        mock.enqueue(minted("audited"));
        client.post().uri("/ga/session").header("X-User", "auditor").exchange()
                .expectStatus().isOk().expectBody().returnResult();
        assertThat(audit.messages()).hasSize(1).first().asString()
                .contains("user=auditor", "session=sess_audited", "model=gpt-realtime",
                        "expires_at=" + Instant.ofEpochSecond(1767225720))
                .doesNotContain("ek_mock").doesNotContain(Upstream.MOCK_API_KEY);
        refused("/ga/session?voice=ash", "auditor", 403, "allowed-voices");
        assertThat(audit.messages()).as("refusals mint nothing and audit nothing").hasSize(1);
    }

    @Test
    void withoutGuardrailsTheAuditNamesThePrincipalOrAnonymous() {
        client.post().uri("/plain/session").exchange().expectStatus().isOk().expectBody().returnResult();
        assertThat(audit.messages()).singleElement().asString().contains("user=anonymous", "session=sess_",
                "model=gpt-realtime").doesNotContain("ek_").doesNotContain(LocalRealtimeEndpoint.API_KEY);
    }

    @Test
    void theBetaModeIsHeldToTheSameRules() {
        client.post().uri("/beta/session?voice=cedar").header("X-User", "beta").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.rule").isEqualTo("allowed-voices").returnResult();
        client.post().uri("/beta/session?lifetime=61").header("X-User", "beta").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.rule").isEqualTo("max-secret-lifetime").returnResult();
        client.post().uri("/beta/session?tool=refund_order").header("X-User", "beta").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.rule").isEqualTo("fixed-tools").returnResult();
        assertThat(audit.messages()).isEmpty();
        client.post().uri("/beta/session?tool=lookup_order").header("X-User", "beta").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.value").isNotEmpty().returnResult();
        assertThat(audit.messages()).singleElement().asString().contains("user=beta", "model=gpt-realtime",
                "mode=BETA_SESSIONS");
    }

    @Test
    void theInMemoryQuotaStartsAfreshEachWindowAndBoundsItsUsers() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        InMemoryTokenQuota quota = new InMemoryTokenQuota(1, Duration.ofMinutes(1), 2, clock);
        assertThat(quota.tryAcquire("a").block().allowed()).isTrue();
        assertThat(quota.tryAcquire("a").block()).isEqualTo(RealtimeTokenQuota.Decision.refuse(Duration.ofMinutes(1)));
        assertThat(quota.tryAcquire("b").block().allowed()).isTrue();
        assertThat(quota.tryAcquire("c").block().allowed()).as("a third user is beyond the bound").isFalse();
        clock.now = Instant.parse("2026-01-01T00:01:00Z");
        assertThat(quota.tryAcquire("c").block().allowed()).as("a new window forgets the old one").isTrue();
        assertThat(quota.tryAcquire("a").block().allowed()).isTrue();
    }

    @Test
    void theBuilderRejectsUnusableLimits() {
        assertThatThrownBy(() -> TokenGuardrails.builder().allowedModels()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> TokenGuardrails.builder().allowedVoices("marin", " "))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> TokenGuardrails.builder().maxSecretLifetime(Duration.ofSeconds(5)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> TokenGuardrails.builder().maxSecretLifetime(Duration.ofMillis(10_500)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> RealtimeTokenQuota.inMemory(0, Duration.ofMinutes(1)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> RealtimeTokenQuota.inMemory(1, Duration.ofMillis(10)))
                .isInstanceOf(ValidationException.class);
        assertThat(TokenGuardrails.builder().allowedModels("gpt-realtime").build().toString())
                .contains("allowedModels=[gpt-realtime]");
    }

    @Test
    void auditValuesStayOnOneLine() {
        assertThat(TokenAudit.clean("eve\r\nforged line")).isEqualTo("eve__forged_line");
        assertThat(TokenAudit.clean("x".repeat(500))).hasSize(203);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
