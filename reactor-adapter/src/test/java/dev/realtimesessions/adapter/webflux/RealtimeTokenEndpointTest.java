package dev.realtimesessions.adapter.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.adapter.testing.Upstream;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.model.AudioOutputConfig;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.Voice;
import dev.realtimesessions.testsupport.LogCapture;
import dev.realtimesessions.testsupport.StallingServer;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
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
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The token endpoint in a real Spring WebFlux app on a random port, minting against loopback stand-ins. */
class RealtimeTokenEndpointTest {

    private static LocalRealtimeEndpoint local;
    private static StallingServer stalling;
    private static StallingServer hanging;
    private static RealtimeSessions hangingSessions;
    private static String baseUrl;
    private static MockWebServer mock;
    private static RealtimeSessions localSessions;
    private static RealtimeSessions mockSessions;
    private static RealtimeSessions stallingSessions;
    private static ConfigurableApplicationContext app;
    private static WebTestClient client;

    private LogCapture logs;

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
            WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class})
    static class App {
    }

    @BeforeAll
    @SuppressWarnings("deprecation") // also serves the beta mode, which stays supported
    static void startApp() throws Exception {
        local = LocalRealtimeEndpoint.start();
        stalling = new StallingServer();
        hanging = new StallingServer();
        hangingSessions = Upstream.client(hanging);
        mock = new MockWebServer();
        mock.start();
        localSessions = RealtimeSessions.builder().apiKey(LocalRealtimeEndpoint.API_KEY).baseUrl(local.baseUrl()).build();
        mockSessions = Upstream.client(mock);
        stallingSessions = RealtimeSessions.builder().apiKey(Upstream.MOCK_API_KEY).baseUrl(stalling.baseUrl())
                .retryPolicy(RetryPolicy.none()).attemptTimeout(Duration.ofMillis(300)).build();
        RealtimeTokenAuthorizer byHeader = request -> {
            String caller = request.headers().firstHeader("X-Caller");
            if ("boom".equals(caller)) {
                throw new IllegalStateException("the user directory is down");
            }
            if ("anonymous".equals(caller)) {
                return Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED));
            }
            return Mono.just("alice".equals(caller));
        };
        ClientSecretCreateRequest configured = ClientSecretCreateRequest.of(RealtimeSessionConfig.builder()
                .model(RealtimeModel.GPT_REALTIME).instructions("You are a friendly assistant.")
                .audioOutput(AudioOutputConfig.ofVoice(Voice.MARIN)).build());
        RouterFunction<ServerResponse> routes = RealtimeTokenEndpoint.builder(localSessions).authorizer(byHeader)
                .clientSecretRequest(configured).build().routerFunction()
                .and(RealtimeTokenEndpoint.builder(localSessions).authorizer(byHeader).path("/beta/session")
                        .mode(MintMode.BETA_SESSIONS).build().routerFunction())
                .and(RealtimeTokenEndpoint.builder(mockSessions).authorizer(byHeader).path("/mock/session")
                        .build().routerFunction())
                .and(RealtimeTokenEndpoint.builder(stallingSessions).authorizer(byHeader).path("/stalling/session")
                        .build().routerFunction())
                .and(RealtimeTokenEndpoint.builder(hangingSessions).authorizer(byHeader).path("/hanging/session")
                        .build().routerFunction())
                .and(RealtimeTokenEndpoint.builder(localSessions).authorizer(byHeader).path("/shaped/session")
                        .customizer(new RealtimeTokenCustomizer() {
                            @Override
                            public Mono<ClientSecretCreateRequest> clientSecretRequest(
                                    org.springframework.web.reactive.function.server.ServerRequest request,
                                    ClientSecretCreateRequest defaults) {
                                String voice = request.queryParam("voice").orElse("alloy");
                                if (voice.equals("none")) {
                                    return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown voice."));
                                }
                                return Mono.just(ClientSecretCreateRequest.of(RealtimeSessionConfig.builder()
                                        .model(RealtimeModel.GPT_REALTIME)
                                        .audioOutput(AudioOutputConfig.ofVoice(Voice.of(voice))).build()));
                            }
                        }).build().routerFunction());
        app = new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off")
                .initializers(context -> ((GenericApplicationContext) context).registerBean("realtimeTokenRoutes",
                        RouterFunction.class, () -> routes))
                .run();
        String port = app.getEnvironment().getProperty("local.server.port");
        baseUrl = "http://127.0.0.1:" + port;
        client = WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    @AfterAll
    static void stopApp() throws Exception {
        app.close();
        localSessions.close();
        mockSessions.close();
        stallingSessions.close();
        hangingSessions.close();
        hanging.close();
        mock.close();
        stalling.close();
        local.close();
    }

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.debug(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @AfterEach
    void noApiKeyInLogs() {
        logs.close();
        assertThat(logs.messages()).as("no API key in any log line")
                .noneMatch(message -> message.contains(LocalRealtimeEndpoint.API_KEY))
                .noneMatch(message -> message.contains(Upstream.MOCK_API_KEY));
    }

    private static void assertNoSecretsOrUpstreamLeaks(EntityExchangeResult<byte[]> result) {
        String body = new String(result.getResponseBodyContent());
        assertThat(body).doesNotContain(LocalRealtimeEndpoint.API_KEY).doesNotContain(Upstream.MOCK_API_KEY)
                .doesNotContain("sk-");
        assertThat(result.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(result.getResponseHeaders().headerNames()).as("no upstream headers forwarded")
                .noneMatch(name -> name.equalsIgnoreCase("x-request-id"))
                .noneMatch(name -> name.equalsIgnoreCase("x-upstream-secret-header"))
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("openai-"));
    }

    @Test
    void anAuthorizedCallerGetsTheClientSecretAndTheSession() {
        EntityExchangeResult<byte[]> result = client.post().uri("/realtime/session").header("X-Caller", "alice")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/json")
                .expectBody()
                .jsonPath("$.value").value(String.class, value -> assertThat(value).startsWith("ek_local_"))
                .jsonPath("$.expires_at").isNumber()
                .jsonPath("$.session.type").isEqualTo("realtime")
                .jsonPath("$.session.model").isEqualTo("gpt-realtime")
                .jsonPath("$.session.voice").isEqualTo("marin")
                .jsonPath("$.session.id").value(String.class, id -> assertThat(id).startsWith("sess_"))
                .jsonPath("$.session.instructions").doesNotExist()
                .returnResult();
        assertNoSecretsOrUpstreamLeaks(result);
    }

    @Test
    void theBetaModeAnswersWithTheSameShape() {
        EntityExchangeResult<byte[]> result = client.post().uri("/beta/session").header("X-Caller", "alice")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.value").value(String.class, value -> assertThat(value).startsWith("ek_local_"))
                .jsonPath("$.expires_at").isNumber()
                .jsonPath("$.session.type").isEqualTo("realtime")
                .jsonPath("$.session.model").isEqualTo("gpt-realtime")
                .returnResult();
        assertNoSecretsOrUpstreamLeaks(result);
    }

    @Test
    void theCustomizerShapesTheRequestPerCaller() {
        client.post().uri("/shaped/session?voice=cedar").header("X-Caller", "alice").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.session.voice").isEqualTo("cedar");
        client.post().uri("/shaped/session?voice=none").header("X-Caller", "alice").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.message").isEqualTo("Unknown voice.");
    }

    @Test
    void aRejectedCallerGets403AndNothingIsMinted() {
        int before = mock.getRequestCount();
        EntityExchangeResult<byte[]> result = client.post().uri("/mock/session").header("X-Caller", "mallory")
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.type").isEqualTo("forbidden")
                .returnResult();
        assertNoSecretsOrUpstreamLeaks(result);
        client.post().uri("/mock/session").exchange().expectStatus().isForbidden()
                .expectBody().returnResult(); // read the body: an unread one would hold a pooled buffer
        assertThat(mock.getRequestCount()).as("nothing was minted").isEqualTo(before);
    }

    @Test
    void anAuthorizerThatThrowsRejectsAndOneWithAStatusAnswersIt() {
        client.post().uri("/mock/session").header("X-Caller", "boom").exchange().expectStatus().isForbidden()
                .expectBody().returnResult(); // read the body: an unread one would hold a pooled buffer
        client.post().uri("/mock/session").header("X-Caller", "anonymous").exchange().expectStatus().isUnauthorized()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody().returnResult(); // read the body: an unread one would hold a pooled buffer
    }

    @Test
    void upstreamRateLimitBecomes503WithRetryAfter() {
        mock.enqueue(new MockResponse.Builder().code(429).addHeader("content-type", "application/json")
                .addHeader("retry-after", "7").addHeader("x-request-id", "req_429")
                .addHeader("x-upstream-secret-header", "upstream-only")
                .body("{\"error\":{\"message\":\"Rate limit reached for org-secret\",\"type\":\"requests\","
                        + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}").build());
        EntityExchangeResult<byte[]> result = client.post().uri("/mock/session").header("X-Caller", "alice").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals("Retry-After", "7")
                .expectBody().jsonPath("$.error.type").isEqualTo("upstream_rate_limited")
                .returnResult();
        assertNoSecretsOrUpstreamLeaks(result);
        assertThat(new String(result.getResponseBodyContent())).doesNotContain("org-secret");
        assertThat(logs.messages()).as("the failure is logged, redacted").anyMatch(m -> m.contains("answering 503"));
    }

    @Test
    void aRateLimitWithoutRetryAfterStillSaysWhenToRetry() {
        mock.enqueue(Upstream.error(429, "requests", "rate_limit_exceeded", "Slow down"));
        client.post().uri("/mock/session").header("X-Caller", "alice").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody().returnResult(); // read the body: an unread one would hold a pooled buffer
    }

    @Test
    void authAndConfigurationProblemsBecome502WithAGenericMessage() {
        List<MockResponse> answers = List.of(
                Upstream.error(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided: sk-test-***"),
                Upstream.error(403, "invalid_request_error", null, "Project proj_secret is not allowed"),
                Upstream.error(400, "invalid_request_error", "unknown_parameter", "Unknown parameter: 'session.foo'."),
                Upstream.error(404, "invalid_request_error", "model_not_found", "The model 'gpt-x' does not exist"),
                Upstream.error(500, "server_error", null, "The server had an error"));
        for (MockResponse answer : answers) {
            mock.enqueue(answer);
            EntityExchangeResult<byte[]> result = client.post().uri("/mock/session").header("X-Caller", "alice")
                    .exchange()
                    .expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY)
                    .expectBody()
                    .jsonPath("$.error.type").isEqualTo("upstream_error")
                    .jsonPath("$.error.message").isEqualTo("The realtime service could not issue a session.")
                    .returnResult();
            assertNoSecretsOrUpstreamLeaks(result);
            assertThat(new String(result.getResponseBodyContent())).doesNotContain("proj_secret")
                    .doesNotContain("Incorrect API key").doesNotContain("gpt-x");
        }
    }

    @Test
    void anUndecodableUpstreamAnswerBecomes502() {
        mock.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                .body("<html>gateway</html>").build());
        client.post().uri("/mock/session").header("X-Caller", "alice").exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectBody().jsonPath("$.error.type").isEqualTo("upstream_error");
    }

    @Test
    void anUpstreamTimeoutBecomes504() {
        EntityExchangeResult<byte[]> result = client.post().uri("/stalling/session").header("X-Caller", "alice")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectBody().jsonPath("$.error.type").isEqualTo("upstream_timeout")
                .returnResult();
        assertNoSecretsOrUpstreamLeaks(result);
    }

    @Test
    void aBrowserThatGoesAwayCancelsTheExchangeWithOpenAi() throws Exception {
        reactor.netty.http.client.HttpClient browser = reactor.netty.http.client.HttpClient.create()
                .responseTimeout(Duration.ofMillis(300));
        StepVerifier.create(browser.headers(headers -> headers.add("X-Caller", "alice")).post()
                        .uri(baseUrl + "/hanging/session").response())
                .expectError()
                .verify();
        assertThat(hanging.awaitFirstRequest(10)).as("the endpoint called upstream").isTrue();
        assertThat(hanging.awaitClientClose(10)).as("the upstream exchange was aborted").isTrue();
    }

    @Test
    void onlyPostIsServed() {
        client.get().uri("/realtime/session").header("X-Caller", "alice").exchange().expectStatus().is4xxClientError()
                .expectBody().returnResult(); // read the body: an unread one would hold a pooled buffer
    }
}
