package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testing.RecordedWaits;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The rate gate on Azure OpenAI, in virtual time: it holds the resource, whichever key or Entra ID
 * token a call carries (so a token refresh or a second key does not reset it), and keeps Azure
 * credentials apart from OpenAI ones.
 */
class AzureRateGateTest {

    private static final String KEY = "shared-key-text-0123456789";

    private final MockWebServer server = new MockWebServer();
    private final RecordedWaits waits = new RecordedWaits();
    private VirtualTimeScheduler clock;

    @BeforeEach
    void start() throws IOException {
        server.start();
        clock = VirtualTimeScheduler.getOrSet();
    }

    @AfterEach
    void stop() {
        VirtualTimeScheduler.reset();
        server.close();
    }

    private RealtimeSessions.Builder azure() {
        return RealtimeSessions.builder().azure("http://" + server.getHostName() + ":" + server.getPort())
                .retryPolicy(RetryPolicy.none()).callListener(waits);
    }

    private void answer429For20Seconds() {
        server.enqueue(Fixtures.status(429).addHeader("retry-after", "20").build());
    }

    private void answerOk() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                .body(Fixtures.MINIMAL_CLIENT_SECRET).build());
    }

    private static Mono<?> mint(RealtimeSessions sessions, RequestOptions options) {
        return sessions.createClientSecret(ClientSecretCreateRequest.builder().build(), options);
    }

    /** Sends the call, which the gate holds for {@code hold}, then lets the clock run out the hold. */
    private void heldThenSent(RealtimeSessions sessions, RequestOptions options, Duration hold) {
        StepVerifier.create(mint(sessions, options))
                .then(() -> assertThat(waits.nextGateHold()).isEqualTo(hold))
                .then(() -> assertThat(server.getRequestCount()).as("held, not sent").isEqualTo(1))
                .then(() -> clock.advanceTimeBy(hold))
                .expectNextCount(1)
                .expectComplete()
                .verify(Fixtures.WAIT);
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(Fixtures.WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        return request;
    }

    @Test
    void aTokenRefreshedDuringAHoldIsStillHeld() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        BearerTokenSource shortLived = () -> Mono.fromSupplier(() -> new BearerToken("eyJtoken." + fetches.incrementAndGet(),
                Instant.ofEpochMilli(clock.now(TimeUnit.MILLISECONDS)).plusSeconds(30)));
        answer429For20Seconds();
        answerOk();
        try (RealtimeSessions sessions = azure().azureTokenSource(shortLived).build()) {
            assertThat(Fixtures.failure(mint(sessions, RequestOptions.none()))).isInstanceOf(RateLimitException.class);
            clock.advanceTimeBy(Duration.ofSeconds(16));

            heldThenSent(sessions, RequestOptions.none(), Duration.ofSeconds(4));
        }

        assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer eyJtoken.1");
        assertThat(take().getHeaders().get("Authorization")).as("a new token, held all the same")
                .isEqualTo("Bearer eyJtoken.2");
    }

    @Test
    void anotherKeyOfTheSameResourceIsHeldToo() throws Exception {
        answer429For20Seconds();
        answerOk();
        try (RealtimeSessions sessions = azure().azureApiKey(KEY).build()) {
            assertThat(Fixtures.failure(mint(sessions, RequestOptions.none()))).isInstanceOf(RateLimitException.class);

            heldThenSent(sessions, RequestOptions.builder().apiKey("second-key-of-the-resource").build(),
                    Duration.ofSeconds(20));
        }

        assertThat(take().getHeaders().get("api-key")).isEqualTo(KEY);
        assertThat(take().getHeaders().get("api-key")).isEqualTo("second-key-of-the-resource");
    }

    @Test
    void anAzureHoldDoesNotHoldAnOpenAiKeyOfTheSameText() {
        answer429For20Seconds();
        answerOk();
        try (RealtimeSessions azure = azure().azureApiKey(KEY).build();
                RealtimeSessions openAi = RealtimeSessions.builder().apiKey(KEY)
                        .baseUrl(server.url("/v1").toString()).callListener(waits).build()) {
            assertThat(Fixtures.failure(mint(azure, RequestOptions.none()))).isInstanceOf(RateLimitException.class);

            StepVerifier.create(mint(openAi, RequestOptions.none())).expectNextCount(1).expectComplete()
                    .verify(Fixtures.WAIT);
        }

        assertThat(waits.gateHolds()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
