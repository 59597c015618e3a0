package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.local.LocalRequest;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Azure mode offline, against the local endpoint's Azure layout: it mints with the resource's key
 * and with an Entra ID token, and the endpoint, which reads both headers, sees only the mode's.
 */
class AzureLocalEndpointTest {

    @AutoClose
    private final LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();

    private static ClientSecretCreateRequest request() {
        return ClientSecretCreateRequest.of(RealtimeSessionConfig.builder().model("my-realtime-deployment").build());
    }

    private LocalRequest last() {
        List<LocalRequest> requests = endpoint.requests();
        return requests.get(requests.size() - 1);
    }

    @Test
    void theResourcesKeyMintsAsApiKeyAlone() {
        try (RealtimeSessions sessions = RealtimeSessions.builder().azure(endpoint.azureResourceUrl())
                .azureApiKey(LocalRealtimeEndpoint.AZURE_API_KEY).build()) {
            assertThat(sessions.createClientSecret(request()).block(Fixtures.WAIT).value()).startsWith("ek_");
        }

        LocalRequest request = last();
        assertThat(request.path()).isEqualTo("/openai/v1/realtime/client_secrets");
        assertThat(request.layout()).isEqualTo(LocalRequest.Layout.AZURE);
        assertThat(request.credential()).isEqualTo(LocalRequest.Credential.AZURE_API_KEY);
        assertThat(request.apiKeyHeader()).isTrue();
        assertThat(request.authorizationHeader()).isFalse();
    }

    @Test
    void anEntraIdTokenMintsAsBearerAlone() {
        BearerTokenSource tokens = () -> Mono.just(new BearerToken(LocalRealtimeEndpoint.ENTRA_TOKEN,
                Instant.now().plusSeconds(3600)));
        try (RealtimeSessions sessions = RealtimeSessions.builder().azure(endpoint.azureResourceUrl())
                .azureTokenSource(tokens).build()) {
            assertThat(sessions.createClientSecret(request()).block(Fixtures.WAIT).value()).startsWith("ek_");
            assertThat(sessions.browserCallsUrl()).isEqualTo(endpoint.azureBaseUrl() + "/realtime/calls?webrtcfilter=on");
        }

        LocalRequest request = last();
        assertThat(request.layout()).isEqualTo(LocalRequest.Layout.AZURE);
        assertThat(request.credential()).isEqualTo(LocalRequest.Credential.ENTRA_TOKEN);
        assertThat(request.authorizationHeader()).isTrue();
        assertThat(request.apiKeyHeader()).isFalse();
    }

    @Test
    void aWrongKeyIsTheEndpointsAuthenticationErrorWithTheKeyMasked() {
        try (RealtimeSessions sessions = RealtimeSessions.builder().azure(endpoint.azureResourceUrl())
                .azureApiKey("wrong-azure-key-0123456789").build()) {
            Throwable error = Fixtures.failure(sessions.createClientSecret(request()));

            assertThat(error).isInstanceOf(AuthenticationException.class);
            assertThat(error.getMessage()).doesNotContain("wrong-azure-key-0123456789");
        }
        assertThat(last().credential()).isEqualTo(LocalRequest.Credential.INVALID);
    }
}
