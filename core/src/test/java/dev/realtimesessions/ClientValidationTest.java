package dev.realtimesessions;

import static dev.realtimesessions.RequestValidationTest.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.testing.Fixtures;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.net.ssl.TrustManagerFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;

/**
 * Validation of the client's builder, {@link RequestOptions} and {@link RetryPolicy}, and of a
 * call's arguments: a {@link ValidationException} naming the option, never a
 * {@link NullPointerException}, and nothing sent.
 */
@SuppressWarnings("deprecation") // also calls the beta endpoints, which stay supported and tested
class ClientValidationTest {

    private static final String KEY = Fixtures.API_KEY;

    private final MockWebServer server = new MockWebServer();

    @AfterEach
    void close() {
        server.close();
    }

    private static RealtimeSessions.Builder client() {
        return RealtimeSessions.builder().apiKey(KEY);
    }

    /** Builds, checks it worked, and closes. */
    private static void builds(RealtimeSessions.Builder builder) {
        try (RealtimeSessions sessions = builder.build()) {
            assertThat(sessions).isNotNull();
        }
    }

    @Test
    void clientWithoutApiKeyIsRejectedAtBuild() {
        ValidationException error = rejects(() -> RealtimeSessions.builder().build(), "apiKey");

        assertThat(error.getMessage()).contains("required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "\n"})
    void blankApiKeyIsRejected(String key) {
        rejects(() -> RealtimeSessions.builder().apiKey(key), "apiKey");
        rejects(() -> RequestOptions.builder().apiKey(key), "apiKey");
    }

    @ParameterizedTest
    @ValueSource(strings = {KEY + "\n", KEY + "\r\n", "sk-test 123456", " " + KEY, "sk-tést-123456", KEY + "\u0000"})
    void apiKeyThatWouldBreakTheHeaderIsRejectedWithoutEchoingIt(String key) {
        ValidationException error = rejects(() -> RealtimeSessions.builder().apiKey(key), "apiKey");
        rejects(() -> RequestOptions.builder().apiKey(key), "apiKey");

        assertThat(error.getMessage()).doesNotContain("123456");
    }

    @Test
    void apiKeyFromAMonoIsCheckedPerCallAndNothingIsSent() throws Exception {
        server.start();
        RealtimeSessionCreateRequest request = RealtimeSessionCreateRequest.builder().model("gpt-realtime").build();
        for (Mono<String> source : List.of(Mono.just(KEY + "\n"), Mono.just("  "), Mono.<String>empty())) {
            try (RealtimeSessions sessions = RealtimeSessions.builder().apiKey(source)
                    .baseUrl(server.url("/v1").toString()).build()) {
                Throwable error = Fixtures.failure(sessions.create(request));

                assertThat(error).isExactlyInstanceOf(ValidationException.class);
                assertThat(((ValidationException) error).field()).isEqualTo("apiKey");
                assertThat(error.getMessage()).doesNotContain("123456");
            }
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://exa mple.com/v1", "https://", "https:///v1", "://api.openai.com", "not a url",
            "api.openai.com/v1", "https://api.openai.com:port/v1", "https://[::1/v1"})
    void malformedBaseUrlIsRejected(String url) {
        rejects(() -> client().baseUrl(url), "baseUrl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://api.openai.com/v1", "file:///etc/passwd", "ws://api.openai.com/v1",
            "mailto:someone@example.com", "javascript:alert(1)"})
    void baseUrlWithAnotherSchemeIsRejected(String url) {
        ValidationException error = rejects(() -> client().baseUrl(url), "baseUrl");

        assertThat(error.getMessage()).contains("https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.openai.com/v1?api-version=1", "https://api.openai.com/v1?",
            "https://api.openai.com/v1#frag", "https://user:pass@api.openai.com/v1"})
    void baseUrlWithQueryFragmentOrUserInfoIsRejected(String url) {
        rejects(() -> client().baseUrl(url), "baseUrl");
    }

    @Test
    void nullOrBlankBaseUrlIsRejected() {
        rejects(() -> client().baseUrl(null), "baseUrl");
        rejects(() -> client().baseUrl("  "), "baseUrl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "http://example.com/v1", "HTTP://EXAMPLE.COM/v1",
            "http://10.0.0.5:8080/v1", "http://localhost.example.com/v1", "http://[2001:db8::1]/v1"})
    void plainHttpToAHostThatIsNotLoopbackIsRefusedUnlessAllowed(String url) {
        ValidationException error = rejects(() -> client().baseUrl(url).build(), "baseUrl");
        assertThat(error.getMessage()).contains("allowInsecureHttp");

        builds(client().baseUrl(url).allowInsecureHttp(true));
        builds(client().allowInsecureHttp(true).baseUrl(url));
        rejects(() -> client().allowInsecureHttp(true).allowInsecureHttp(false).baseUrl(url).build(), "baseUrl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost", "http://localhost:8080/v1", "http://LOCALHOST/v1",
            "http://127.0.0.1", "http://127.0.0.1:1234/v1", "http://127.10.20.30/v1", "http://[::1]",
            "http://[::1]:8080/v1", "http://gateway.localhost/v1"})
    void plainHttpToLoopbackIsAccepted(String url) {
        builds(client().baseUrl(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.openai.com/v1", "https://api.openai.com/v1/", "https://gateway.example.com",
            "HTTPS://API.OPENAI.COM/v1", " https://api.openai.com/v1 "})
    void httpsBaseUrlIsAccepted(String url) {
        builds(client().baseUrl(url));
    }

    static Stream<Arguments> durationOptions() {
        return Stream.of(
                Arguments.of("attemptTimeout", (Function<Duration, ThrowingCallable>) d -> () -> client().attemptTimeout(d)),
                Arguments.of("timeout", (Function<Duration, ThrowingCallable>) d -> () -> client().timeout(d)),
                Arguments.of("connectTimeout", (Function<Duration, ThrowingCallable>) d -> () -> client().connectTimeout(d)),
                Arguments.of("attemptTimeout",
                        (Function<Duration, ThrowingCallable>) d -> () -> RequestOptions.builder().attemptTimeout(d)),
                Arguments.of("timeout", (Function<Duration, ThrowingCallable>) d -> () -> RequestOptions.builder().timeout(d)),
                Arguments.of("connectTimeout",
                        (Function<Duration, ThrowingCallable>) d -> () -> RequestOptions.builder().connectTimeout(d)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("durationOptions")
    void zeroNegativeOrNullTimeoutIsRejected(String option, Function<Duration, ThrowingCallable> set) {
        rejects(set.apply(Duration.ZERO), option);
        rejects(set.apply(Duration.ofMillis(-1)), option);
        rejects(set.apply(null), option);
        assertThatCode(set.apply(Duration.ofNanos(1))).doesNotThrowAnyException();
    }

    @Test
    void nonPositiveSizesAreRejected() {
        rejects(() -> client().maxResponseBytes(0), "maxResponseBytes");
        rejects(() -> client().maxConnections(-1), "maxConnections");
        rejects(() -> client().maxPendingAcquires(0), "maxPendingAcquires");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "authorization", "AUTHORIZATION", "OpenAI-Beta", "openai-beta",
            "Content-Type", "Content-Length", "Host", "Transfer-Encoding"})
    void headersTheLibrarySetsItselfAreRefused(String name) {
        rejects(() -> client().header(name, "x"), "header " + name);
        rejects(() -> RequestOptions.builder().header(name, "x"), "header " + name);
    }

    @Test
    void authorizationAndBetaHeadersAreRefusedWithAHint() {
        assertThat(rejects(() -> client().header("Authorization", "Bearer " + KEY), "header Authorization").getMessage())
                .contains("apiKey(...)").doesNotContain(KEY);
        assertThat(rejects(() -> client().header("OpenAI-Beta", "realtime=v1"), "header OpenAI-Beta").getMessage())
                .contains("GA");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "X Gateway", "X:Gateway", "X-Gätew", "X-Gateway\n", "(X)"})
    void invalidHeaderNameIsRefused(String name) {
        rejects(() -> client().header(name, "v"), "header name");
        rejects(() -> RequestOptions.builder().header(name, "v"), "header name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nX-Injected: 1", "a\nb", "a\rb", "a\u0000b"})
    void headerValueThatWouldSplitTheHeaderIsRefused(String value) {
        rejects(() -> client().header("X-Gateway", value), "header X-Gateway");
        rejects(() -> client().organization(value), "header OpenAI-Organization");
        rejects(() -> client().project(value), "header OpenAI-Project");
        rejects(() -> RequestOptions.builder().header("X-Gateway", value), "header X-Gateway");
        rejects(() -> RequestOptions.builder().organization(value), "header OpenAI-Organization");
        rejects(() -> RequestOptions.builder().project(value), "header OpenAI-Project");
    }

    static Stream<Arguments> nullArguments() {
        return Stream.of(
                Arguments.of("apiKey(String)", (ThrowingCallable) () -> client().apiKey((String) null), "apiKey"),
                Arguments.of("apiKey(Mono)", (ThrowingCallable) () -> client().apiKey((Mono<String>) null), "apiKey"),
                Arguments.of("organization", (ThrowingCallable) () -> client().organization(null), "header OpenAI-Organization"),
                Arguments.of("project", (ThrowingCallable) () -> client().project(null), "header OpenAI-Project"),
                Arguments.of("header name", (ThrowingCallable) () -> client().header(null, "v"), "header name"),
                Arguments.of("header value", (ThrowingCallable) () -> client().header("X-Gateway", null), "header X-Gateway"),
                Arguments.of("retryPolicy", (ThrowingCallable) () -> client().retryPolicy(null), "retryPolicy"),
                Arguments.of("httpClient", (ThrowingCallable) () -> client().httpClient((HttpClient) null), "httpClient"),
                Arguments.of("runOn", (ThrowingCallable) () -> client().runOn(null), "runOn"),
                Arguments.of("trustManager", (ThrowingCallable) () -> client().trustManager(null), "trustManager"),
                Arguments.of("options apiKey", (ThrowingCallable) () -> RequestOptions.builder().apiKey(null), "apiKey"),
                Arguments.of("options organization",
                        (ThrowingCallable) () -> RequestOptions.builder().organization(null), "header OpenAI-Organization"),
                Arguments.of("options project",
                        (ThrowingCallable) () -> RequestOptions.builder().project(null), "header OpenAI-Project"),
                Arguments.of("options header name",
                        (ThrowingCallable) () -> RequestOptions.builder().header(null, "v"), "header name"),
                Arguments.of("options header value",
                        (ThrowingCallable) () -> RequestOptions.builder().header("X-Gateway", null), "header X-Gateway"),
                Arguments.of("options retryPolicy",
                        (ThrowingCallable) () -> RequestOptions.builder().retryPolicy(null), "retryPolicy"),
                Arguments.of("RetryPolicy initialBackoff", (ThrowingCallable) () -> new RetryPolicy(1, null,
                        Duration.ofSeconds(1), 0, Duration.ofSeconds(1)), "initialBackoff"),
                Arguments.of("RetryPolicy maxBackoff", (ThrowingCallable) () -> RetryPolicy.defaults()
                        .withBackoff(Duration.ofSeconds(1), null), "maxBackoff"),
                Arguments.of("RetryPolicy maxRetryAfter", (ThrowingCallable) () -> RetryPolicy.defaults()
                        .withMaxRetryAfter(null), "maxRetryAfter"));
    }

    @Test
    void aTrustManagerForTheLibrarysTransportCannotGoWithTheCallersClient() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init((KeyStore) null);
        ValidationException error = rejects(() -> client().trustManager(trust).httpClient(HttpClient.create()).build(),
                "trustManager");
        assertThat(error.getMessage()).contains("httpClient(...)");
    }

    @Test
    void runOnAndHttpClientChooseTheTransportAndTheLastOneWins() {
        LoopResources loops = LoopResources.create("test-loops");
        try (RealtimeSessions own = client().httpClient(HttpClient.create()).runOn(loops).build();
                RealtimeSessions callers = client().runOn(loops).httpClient(HttpClient.create()).build()) {
            assertThat(own.toString()).contains("runOn=caller's loops").doesNotContain("httpClient=");
            assertThat(callers.toString()).contains("httpClient=caller's").doesNotContain("runOn=");
        } finally {
            loops.dispose();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullArguments")
    void nullArgumentIsAValidationExceptionNamingTheOption(String what, ThrowingCallable call, String field) {
        rejects(call, field);
    }

    @Test
    void retryPolicyRejectsNegativeCountsAndDurations() {
        rejects(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO), "maxRetries");
        rejects(() -> RetryPolicy.defaults().withMaxRetries(-1), "maxRetries");
        rejects(() -> RetryPolicy.defaults().withBackoff(Duration.ofMillis(-1), Duration.ofSeconds(1)), "initialBackoff");
        rejects(() -> RetryPolicy.defaults().withBackoff(Duration.ofSeconds(1), Duration.ofNanos(-1)), "maxBackoff");
        rejects(() -> RetryPolicy.defaults().withMaxRetryAfter(Duration.ofSeconds(-1)), "maxRetryAfter");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, -1, 2, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void retryPolicyRejectsJitterOutsideZeroToOne(double jitter) {
        rejects(() -> RetryPolicy.defaults().withJitter(jitter), "jitter");
        rejects(() -> new RetryPolicy(2, Duration.ZERO, Duration.ZERO, jitter, Duration.ZERO), "jitter");
    }

    @Test
    void retryPolicyAcceptsItsBoundaries() {
        RetryPolicy policy = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO).withJitter(1);

        assertThat(policy.jitter()).isEqualTo(1);
        assertThat(policy.maxRetries()).isZero();
        assertThat(RetryPolicy.none().maxRetries()).isZero();
        assertThat(RetryPolicy.defaults()).isEqualTo(new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8),
                0.25, Duration.ofSeconds(60)));
    }

    @Test
    void nullRequestArrivesAsValidationErrorAndNothingIsSent() throws Exception {
        server.start();
        try (RealtimeSessions sessions = RealtimeSessions.builder().apiKey(KEY)
                .baseUrl(server.url("/v1").toString()).build()) {
            Mono<?>[] calls = {sessions.create(null), sessions.create(null, RequestOptions.none()),
                    sessions.create(null, null), sessions.createWithResponse(null),
                    sessions.createWithResponse(null, RequestOptions.builder().timeout(Duration.ofSeconds(3)).build())};

            for (Mono<?> call : calls) {
                Throwable error = Fixtures.failure(call);
                assertThat(error).isExactlyInstanceOf(ValidationException.class);
                assertThat(((ValidationException) error).field()).isEqualTo("request");
            }
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void nullRequestOptionsMeanNone() throws Exception {
        server.start();
        server.enqueue(new MockResponse.Builder().code(200).body(Fixtures.MINIMAL_SESSION).build());
        try (RealtimeSessions sessions = RealtimeSessions.builder().apiKey(KEY)
                .baseUrl(server.url("/v1").toString()).build()) {
            assertThat(sessions.create(RealtimeSessionCreateRequest.builder().model("gpt-realtime").build(), null)
                    .block(Duration.ofSeconds(20)).id()).isEqualTo("sess_1");
        }
    }
}
