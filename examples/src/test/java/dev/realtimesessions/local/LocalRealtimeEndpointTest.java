package dev.realtimesessions.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.AuthenticationException;
import dev.realtimesessions.BadRequestException;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.model.AudioOutputConfig;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.RealtimeSessionDetails;
import dev.realtimesessions.model.Voice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class LocalRealtimeEndpointTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void mintsASessionWithAFreshSecretAndTheRequestedLifetime() {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start(0, Clock.fixed(NOW, ZoneOffset.UTC));
                RealtimeSessions sessions = RealtimeSessions.builder().apiKey(LocalRealtimeEndpoint.API_KEY)
                        .baseUrl(endpoint.baseUrl()).build()) {
            RealtimeSessionCreateRequest request = RealtimeSessionCreateRequest.builder().model("gpt-realtime")
                    .voice(Voice.CEDAR).clientSecretExpiresAfter(Duration.ofMinutes(5)).build();
            StepVerifier.create(sessions.create(request).zipWith(sessions.create(request)))
                    .assertNext(two -> {
                        assertThat(two.getT1().voice()).isEqualTo(Voice.CEDAR);
                        assertThat(two.getT1().id()).startsWith("sess_local_");
                        assertThat(two.getT1().clientSecret().value()).startsWith("ek_local_")
                                .isNotEqualTo(two.getT2().clientSecret().value());
                        assertThat(two.getT1().clientSecret().expiresAt()).isEqualTo(NOW.plusSeconds(300));
                    })
                    .verifyComplete();
        }
    }

    @Test
    void mintsAGaClientSecretWithTheDefaultTenMinuteLifetime() {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start(0, Clock.fixed(NOW, ZoneOffset.UTC));
                RealtimeSessions sessions = RealtimeSessions.builder().apiKey(LocalRealtimeEndpoint.API_KEY)
                        .baseUrl(endpoint.baseUrl()).build()) {
            ClientSecretCreateRequest request = ClientSecretCreateRequest.of(RealtimeSessionConfig.builder()
                    .model(RealtimeModel.GPT_REALTIME).audioOutput(AudioOutputConfig.ofVoice(Voice.MARIN)).build());
            StepVerifier.create(sessions.createClientSecret(request))
                    .assertNext(secret -> {
                        assertThat(secret.value()).startsWith("ek_local_");
                        assertThat(secret.expiresAt()).isEqualTo(NOW.plusSeconds(600));
                        assertThat(secret.session()).isInstanceOfSatisfying(RealtimeSessionDetails.class, session -> {
                            assertThat(session.model()).isEqualTo(RealtimeModel.GPT_REALTIME);
                            assertThat(session.audio().output().voice()).isEqualTo(Voice.MARIN);
                        });
                    })
                    .verifyComplete();
        }
    }

    @Test
    void refusesAWrongKeyAndAnOutOfRangeLifetimeLikeTheRealApi() {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
                RealtimeSessions wrongKey = RealtimeSessions.builder().apiKey("sk-wrong").baseUrl(endpoint.baseUrl())
                        .retryPolicy(RetryPolicy.none()).build();
                RealtimeSessions sessions = RealtimeSessions.builder().apiKey(LocalRealtimeEndpoint.API_KEY)
                        .baseUrl(endpoint.baseUrl()).retryPolicy(RetryPolicy.none()).build()) {
            RealtimeSessionCreateRequest request = RealtimeSessionCreateRequest.builder().model("gpt-realtime").build();
            StepVerifier.create(wrongKey.create(request))
                    .expectError(AuthenticationException.class)
                    .verify(Duration.ofSeconds(10));
            StepVerifier.create(sessions.create(request.toBuilder().clientSecretExpiresAfter(Duration.ofHours(3)).build()))
                    .expectErrorSatisfies(error -> assertThat(((BadRequestException) error).param())
                            .contains("client_secret.expires_after.seconds"))
                    .verify(Duration.ofSeconds(10));
        }
    }
}
