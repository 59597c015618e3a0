package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testing.HostileServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Bad input reaching a call ends in a clear error before any connection is opened: the cases
 * ClientValidationTest does not already cover (other endpoints, a key source that fails or never
 * answers).
 */
@SuppressWarnings("deprecation") // also calls the beta endpoints, which stay supported and tested
class BadInputBeforeAnyByteTest {

    private HostileServer server;

    @BeforeEach
    void start() {
        server = HostileServer.start();
    }

    @AfterEach
    void stop() {
        assertThat(server.connections()).as("no connection was opened").isZero();
        server.close();
    }

    private RealtimeSessions.Builder client() {
        return RealtimeSessions.builder().apiKey(Fixtures.API_KEY).baseUrl(server.baseUrl());
    }

    @Test
    void aNullRequestToEveryEndpointIsAValidationErrorNamingIt() {
        try (RealtimeSessions sessions = client().build()) {
            List<Mono<?>> calls = List.of(sessions.createClientSecret(null), sessions.createClientSecretWithResponse(null),
                    sessions.createTranscriptionSession(null), sessions.createTranscriptionSessionWithResponse(null),
                    sessions.createClientSecret(null, RequestOptions.none()),
                    sessions.createTranscriptionSession(null, RequestOptions.none()));
            for (Mono<?> call : calls) {
                StepVerifier.create(call)
                        .expectErrorSatisfies(error -> {
                            assertThat(error).isExactlyInstanceOf(ValidationException.class)
                                    .hasMessageContaining("request");
                            assertThat(((ValidationException) error).field()).isEqualTo("request");
                        })
                        .verify(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void aKeySourceThatFailsEndsTheCallWithItsCauseAndIsNotRetried() {
        IllegalStateException storeDown = new IllegalStateException("secret store unavailable");
        try (RealtimeSessions sessions = client().apiKey(Mono.error(storeDown)).build()) {
            StepVerifier.create(sessions.create(request()))
                    .expectErrorSatisfies(error -> assertThat(error).isExactlyInstanceOf(CredentialException.class)
                            .hasMessageContaining("could not resolve the API key")
                            .hasMessageContaining("secret store unavailable")
                            .hasCause(storeDown))
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void aKeySourceThatNeverAnswersIsBoundedByTheOverallDeadline() {
        try (RealtimeSessions sessions = client().apiKey(Mono.never()).timeout(Duration.ofMillis(300)).build()) {
            StepVerifier.create(sessions.create(request()))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ApiTimeoutException.class)
                            .hasMessageContaining("overall timeout of PT0.3S"))
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void anUnusablePerCallKeyIsRefusedWhenTheOptionsAreBuilt() {
        for (String key : new String[] {"", "  ", "sk-with space", "sk-line\nbreak"}) {
            try {
                RequestOptions.builder().apiKey(key);
                throw new AssertionError("accepted " + key);
            } catch (ValidationException e) {
                assertThat(e.field()).isEqualTo("apiKey");
                assertThat(e.getMessage()).doesNotContain("with space").doesNotContain("break");
            }
        }
    }
}
