package dev.realtimesessions.adapter.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.realtimesessions.BearerTokenSource;
import dev.realtimesessions.CredentialException;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.ValidationException;
import dev.realtimesessions.adapter.testing.Upstream;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Azure Identity's {@code TokenCredential} behind a client: the scope it is asked for, the thread it
 * is asked on, the token on the wire, and its failures. The credential is a hand-written one, as an
 * application's managed identity would be in production.
 */
class AzureIdentityTokensTest {

    private static final String TOKEN = "eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJodHRwczovL2NvZ25pdGl2ZXNlcnZpY2VzIn0.c2ln";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final MockWebServer server = new MockWebServer();
    private final List<List<String>> scopesAsked = new CopyOnWriteArrayList<>();
    private final List<String> threadsAsked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A credential that blocks when asked, as a managed identity's first request does, and records the asking. */
    private final TokenCredential blockingCredential = request -> {
        scopesAsked.add(List.copyOf(request.getScopes()));
        threadsAsked.add(Thread.currentThread().getName());
        return Mono.fromCallable(() -> {
            Thread.sleep(1);
            return new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1));
        });
    };

    private RealtimeSessions client(BearerTokenSource tokens) {
        return RealtimeSessions.builder().azure("http://" + server.getHostName() + ":" + server.getPort())
                .azureTokenSource(tokens).retryPolicy(RetryPolicy.none()).build();
    }

    private void answerOk() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                .body("{\"value\":\"ek_test_azure\",\"expires_at\":1756310470,\"session\":{\"type\":\"realtime\"}}")
                .build());
    }

    @Test
    void theCredentialIsAskedForAzureOpenAisScopeOffTheEventLoopAndItsTokenGoesAsBearer() throws Exception {
        answerOk();
        answerOk();
        try (RealtimeSessions sessions = client(AzureIdentityTokens.of(blockingCredential))) {
            // Subscribed on a non-blocking thread: a credential asked there would trip BlockHound.
            StepVerifier.create(Mono.delay(Duration.ofMillis(1)).then(sessions.createClientSecret(Upstream.request())))
                    .assertNext(secret -> assertThat(secret.value()).isEqualTo("ek_test_azure"))
                    .verifyComplete();
            StepVerifier.create(sessions.createClientSecret(Upstream.request())).expectNextCount(1).verifyComplete();
        }

        assertThat(scopesAsked).as("asked once, the token kept").containsExactly(
                List.of("https://cognitiveservices.azure.com/.default"));
        assertThat(threadsAsked).singleElement().asString().startsWith("boundedElastic");
        for (int i = 0; i < 2; i++) {
            RecordedRequest request = server.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(request).isNotNull();
            assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/v1/realtime/client_secrets");
            assertThat(request.getHeaders().values("Authorization")).containsExactly("Bearer " + TOKEN);
            assertThat(request.getHeaders().get("api-key")).isNull();
        }
    }

    @Test
    void anotherScopeCanBeAskedFor() {
        StepVerifier.create(AzureIdentityTokens.of(blockingCredential, "https://ai.azure.com/.default").token())
                .assertNext(token -> assertThat(token.value()).isEqualTo(TOKEN))
                .verifyComplete();

        assertThat(scopesAsked).containsExactly(List.of("https://ai.azure.com/.default"));
    }

    @Test
    void theCredentialsFailureFailsTheCallWithACredentialExceptionAndTheNextCallAsksAgain() {
        List<Integer> asked = new CopyOnWriteArrayList<>();
        TokenCredential failing = request -> {
            asked.add(asked.size());
            return Mono.error(new IllegalStateException("ManagedIdentityCredential authentication unavailable"));
        };
        try (RealtimeSessions sessions = client(AzureIdentityTokens.of(failing))) {
            for (int i = 0; i < 2; i++) {
                StepVerifier.create(sessions.createClientSecret(Upstream.request()))
                        .expectErrorSatisfies(error -> assertThat(error).isExactlyInstanceOf(CredentialException.class)
                                .hasMessageContaining("ManagedIdentityCredential authentication unavailable"))
                        .verify(WAIT);
            }
        }

        assertThat(asked).hasSize(2);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anAccessTokenWithoutAnExpiryIsRefused() {
        TokenCredential noExpiry = request -> Mono.just(new AccessToken(TOKEN, null));

        StepVerifier.create(AzureIdentityTokens.of(noExpiry).token())
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ValidationException.class)
                        .hasMessageContaining("expiresAt").hasMessageNotContaining(TOKEN))
                .verify(WAIT);
    }

    @Test
    void argumentsAreCheckedAndToStringShowsNoToken() {
        assertThatThrownBy(() -> AzureIdentityTokens.of(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("credential");
        assertThatThrownBy(() -> AzureIdentityTokens.of(blockingCredential, " ")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("scope");

        assertThat(AzureIdentityTokens.of(blockingCredential).toString())
                .contains("https://cognitiveservices.azure.com/.default").doesNotContain("eyJ");
    }
}
