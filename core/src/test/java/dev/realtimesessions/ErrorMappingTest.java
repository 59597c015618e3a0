package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.client;
import static dev.realtimesessions.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.testing.Fixtures;
import java.time.Duration;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

@SuppressWarnings("deprecation") // also calls the beta endpoints, which stay supported and tested
class ErrorMappingTest {

    private final MockWebServer server = new MockWebServer();
    private RealtimeSessions sessions;

    @BeforeEach
    void start() throws Exception {
        server.start();
        sessions = client(server).retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        sessions.close();
        server.close();
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, BadRequestException.class),
                Arguments.of(401, AuthenticationException.class),
                Arguments.of(403, PermissionDeniedException.class),
                Arguments.of(404, NotFoundException.class),
                Arguments.of(409, ConflictException.class),
                Arguments.of(422, UnprocessableEntityException.class),
                Arguments.of(429, RateLimitException.class),
                Arguments.of(500, InternalServerException.class),
                Arguments.of(503, InternalServerException.class),
                Arguments.of(418, ApiException.class));
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void eachErrorStatusMapsToItsExceptionWithTheErrorBody(int status, Class<? extends ApiException> type) {
        server.enqueue(Fixtures.error(status, "invalid_request_error", "invalid_value", "voice",
                "Invalid value for voice."));

        StepVerifier.create(sessions.create(request()))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isExactlyInstanceOf(type);
                    ApiException api = (ApiException) error;
                    assertThat(api.status()).isEqualTo(status);
                    assertThat(api.errorType()).contains("invalid_request_error");
                    assertThat(api.errorCode()).contains("invalid_value");
                    assertThat(api.param()).contains("voice");
                    assertThat(api.serverMessage()).contains("Invalid value for voice.");
                    assertThat(api.requestId()).contains("req_" + status);
                    assertThat(api.getMessage()).contains("HTTP " + status).contains("Invalid value for voice.")
                            .contains("param voice").contains("req_" + status);
                })
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void rateLimitCarriesTheServersRetryAfter() {
        server.enqueue(new MockResponse.Builder(Fixtures.error(429, "requests", "rate_limit_exceeded", null,
                "Rate limit reached.")).addHeader("retry-after-ms", "1500").build());

        StepVerifier.create(sessions.create(request()))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(RateLimitException.class);
                    assertThat(((RateLimitException) error).retryAfter()).contains(Duration.ofMillis(1500));
                    assertThat(((RateLimitException) error).param()).isEmpty();
                })
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void anHtmlPageFromAProxyBecomesAnErrorThatQuotesIt() {
        server.enqueue(new MockResponse.Builder().code(502).addHeader("content-type", "text/html")
                .body("<html><body><h1>502 Bad Gateway</h1></body></html>").build());

        StepVerifier.create(sessions.create(request()))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(InternalServerException.class);
                    assertThat(error.getMessage()).contains("HTTP 502").contains("not OpenAI's error JSON")
                            .contains("text/html").contains("502 Bad Gateway");
                    assertThat(((ApiException) error).errorType()).isEmpty();
                })
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void anEmptyErrorBodyStillGivesAUsefulMessage() {
        server.enqueue(new MockResponse.Builder().code(401).build());

        StepVerifier.create(sessions.create(request()))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(AuthenticationException.class)
                        .hasMessageContaining("HTTP 401").hasMessageContaining("empty body"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void anErrorMessageThatEchoesSecretsIsMasked() {
        server.enqueue(Fixtures.error(401, "invalid_request_error", "invalid_api_key", null,
                "Incorrect API key provided: " + Fixtures.API_KEY + ". Secret " + Fixtures.SECRET + " is unknown."));

        StepVerifier.create(sessions.create(request()))
                .expectErrorSatisfies(error -> {
                    assertThat(error.getMessage()).doesNotContain(Fixtures.API_KEY).doesNotContain(Fixtures.SECRET)
                            .contains("sk-***").contains("ek_***");
                    assertThat(((ApiException) error).serverMessage().orElseThrow())
                            .doesNotContain(Fixtures.API_KEY).doesNotContain(Fixtures.SECRET);
                    assertThat(error.toString()).doesNotContain(Fixtures.API_KEY).doesNotContain(Fixtures.SECRET);
                })
                .verify(Duration.ofSeconds(10));
    }
}
