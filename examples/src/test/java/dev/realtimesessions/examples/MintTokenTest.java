package dev.realtimesessions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.local.LocalRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * MintToken in each of its modes, offline against the embedded local endpoint, which records
 * which authentication header each request carried: OpenAI's key as {@code Authorization} alone,
 * Azure's resource key as {@code api-key} alone, and an Entra ID token as {@code Authorization} alone
 * on Azure's layout; and what the program prints says which mode it used, never a credential.
 */
class MintTokenTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static LocalRequest onlyRequest(@Nullable LocalRealtimeEndpoint local) {
        assertThat(Objects.requireNonNull(local, "the test mints at the embedded endpoint").requests()).hasSize(1);
        return local.requests().get(0);
    }

    @Test
    void openAiModeSendsTheApiKeyAsAuthorizationAlone() {
        try (ExampleClients clients = ExampleClients.startLocal(builder -> { })) {
            MintToken.mintOnOpenAi(clients, false, false, out);

            LocalRequest request = onlyRequest(clients.local());
            assertThat(request.path()).isEqualTo("/v1/realtime/client_secrets");
            assertThat(request.layout()).isEqualTo(LocalRequest.Layout.OPENAI);
            assertThat(request.credential()).isEqualTo(LocalRequest.Credential.OPENAI_API_KEY);
            assertThat(request.authorizationHeader()).isTrue();
            assertThat(request.apiKeyHeader()).isFalse();
            assertThat(request.status()).isEqualTo(200);
        }
        assertThat(printed()).contains("mode        OpenAI, Authorization: Bearer header (the API key)")
                .contains("received    Authorization: yes, api-key: no (the embedded endpoint read OPENAI_API_KEY)")
                .doesNotContain(LocalRealtimeEndpoint.API_KEY);
    }

    @Test
    void azureModeSendsTheResourcesKeyAsApiKeyAlone() {
        try (AzureClients clients = AzureClients.startLocal(AzureClients.Credential.API_KEY)) {
            MintToken.mintOnAzure(clients, false, out);

            LocalRequest request = onlyRequest(clients.local());
            assertThat(request.path()).isEqualTo("/openai/v1/realtime/client_secrets");
            assertThat(request.layout()).isEqualTo(LocalRequest.Layout.AZURE);
            assertThat(request.credential()).isEqualTo(LocalRequest.Credential.AZURE_API_KEY);
            assertThat(request.apiKeyHeader()).isTrue();
            assertThat(request.authorizationHeader()).isFalse();
            assertThat(request.status()).isEqualTo(200);
        }
        assertThat(printed()).contains("mode        Azure OpenAI, api-key header (the resource's key)")
                .contains("deployment  " + AzureClients.DEFAULT_DEPLOYMENT)
                .contains("endpoint    POST /openai/v1/realtime/client_secrets (GA)")
                .contains("received    Authorization: no, api-key: yes (the embedded endpoint read AZURE_API_KEY)")
                .containsPattern("calls URL   http://127\\.0\\.0\\.1:\\d+/openai/v1/realtime/calls\\?webrtcfilter=on")
                .doesNotContain(LocalRealtimeEndpoint.AZURE_API_KEY)
                .doesNotContain("ek_local_");
    }

    @Test
    void entraModeSendsTheTokenAsAuthorizationAloneOnAzuresLayout() {
        try (AzureClients clients = AzureClients.startLocal(AzureClients.Credential.ENTRA_ID)) {
            MintToken.mintOnAzure(clients, false, out);

            LocalRequest request = onlyRequest(clients.local());
            assertThat(request.path()).isEqualTo("/openai/v1/realtime/client_secrets");
            assertThat(request.layout()).isEqualTo(LocalRequest.Layout.AZURE);
            assertThat(request.credential()).isEqualTo(LocalRequest.Credential.ENTRA_TOKEN);
            assertThat(request.authorizationHeader()).isTrue();
            assertThat(request.apiKeyHeader()).isFalse();
            assertThat(request.status()).isEqualTo(200);
        }
        assertThat(printed()).contains("mode        Azure OpenAI, Authorization: Bearer header (a Microsoft Entra ID token)")
                .contains("received    Authorization: yes, api-key: no (the embedded endpoint read ENTRA_TOKEN)")
                .doesNotContain(LocalRealtimeEndpoint.ENTRA_TOKEN);
    }

    @Test
    void showSecretPrintsTheSecretAndOnlyThen() {
        try (AzureClients clients = AzureClients.startLocal(AzureClients.Credential.API_KEY)) {
            MintToken.mintOnAzure(clients, true, out);
        }
        assertThat(printed()).contains("secret      ek_local_");
    }
}
