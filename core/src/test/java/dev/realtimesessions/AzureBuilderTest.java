package dev.realtimesessions;

import static dev.realtimesessions.RequestValidationTest.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

/**
 * What {@code azure(...)} accepts and every combination of options the builder refuses for it: a
 * {@link ValidationException} naming the option and saying what to do, at the setter or at
 * {@code build()}, never a client that would send the wrong credential.
 */
class AzureBuilderTest {

    private static final String RESOURCE = "https://my-resource.openai.azure.com";
    private static final String AZURE_KEY = "0123456789abcdef0123456789abcdef";
    private static final BearerTokenSource TOKENS =
            () -> Mono.just(new BearerToken("eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.c2ln", Instant.now().plusSeconds(3600)));

    private static void builds(RealtimeSessions.Builder builder, String expectedBrowserUrl) {
        try (RealtimeSessions sessions = builder.build()) {
            assertThat(sessions.browserCallsUrl()).isEqualTo(expectedBrowserUrl);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "https://my-resource.openai.azure.com, https://my-resource.openai.azure.com/openai/v1",
        "https://my-resource.openai.azure.com/, https://my-resource.openai.azure.com/openai/v1",
        "  HTTPS://my-resource.openai.azure.com//  , https://my-resource.openai.azure.com/openai/v1",
        "https://my-resource.services.ai.azure.com, https://my-resource.services.ai.azure.com/openai/v1",
        "https://my-resource.openai.azure.com/openai/v1, https://my-resource.openai.azure.com/openai/v1",
        "https://my-resource.openai.azure.com/openai/v1/, https://my-resource.openai.azure.com/openai/v1",
        "https://gateway.example.com/aoai, https://gateway.example.com/aoai/openai/v1",
        "http://127.0.0.1:8080, http://127.0.0.1:8080/openai/v1",
        "http://localhost:8080, http://localhost:8080/openai/v1"})
    void azureAppendsTheV1ApiPathToTheResourceUrl(String resourceUrl, String baseUrl) {
        builds(RealtimeSessions.builder().azure(resourceUrl).azureApiKey(AZURE_KEY),
                baseUrl + "/realtime/calls?webrtcfilter=on");
    }

    @Test
    void theBrowsersCallsUrlIsOpenAisWithoutTheFilter() {
        builds(RealtimeSessions.builder().apiKey("sk-test-0123456789"), "https://api.openai.com/v1/realtime/calls");
        builds(RealtimeSessions.builder().azure(RESOURCE).azureTokenSource(TOKENS),
                "https://my-resource.openai.azure.com/openai/v1/realtime/calls?webrtcfilter=on");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "my-resource.openai.azure.com", "ftp://my-resource.openai.azure.com",
        "https://my-resource.openai.azure.com?api-version=2025-04-01-preview",
        "https://user:pass@my-resource.openai.azure.com", "https://my-resource.openai.azure.com#x",
        "https://my-resource.openai.azure.com/openai",
        "https://my-resource.openai.azure.com/openai/deployments/gpt-realtime",
        "https://my-resource.openai.azure.com/openai/v1/realtime/client_secrets",
        "https://api.openai.com", "https://API.openai.com/v1"})
    void azureRefusesWhatIsNotAResourceUrl(String resourceUrl) {
        ValidationException error = rejects(() -> RealtimeSessions.builder().azure(resourceUrl), "azure");

        assertThat(error.getMessage()).doesNotContain("pass@").doesNotContain("2025-04-01");
    }

    @Test
    void azureRefusesNull() {
        rejects(() -> RealtimeSessions.builder().azure(null), "azure");
    }

    @Test
    void plainHttpToAHostThatIsNotLoopbackIsRefusedUnlessAllowed() {
        ValidationException error = rejects(() -> RealtimeSessions.builder().azure("http://my-resource.openai.azure.com")
                .azureApiKey(AZURE_KEY).build(), "azure");

        assertThat(error.getMessage()).contains("plain http").contains("allowInsecureHttp");
        builds(RealtimeSessions.builder().azure("http://gateway.internal").azureApiKey(AZURE_KEY).allowInsecureHttp(true),
                "http://gateway.internal/openai/v1/realtime/calls?webrtcfilter=on");
    }

    @Test
    void openAisKeyWithAzureIsRefusedSayingWhichKeyToUse() {
        ValidationException error = rejects(() -> RealtimeSessions.builder().azure(RESOURCE)
                .apiKey("sk-test-0123456789").azureApiKey(AZURE_KEY).build(), "apiKey");

        assertThat(error.getMessage()).contains("azureApiKey(...)").contains("azureTokenSource(...)");
        rejects(() -> RealtimeSessions.builder().apiKey("sk-test-0123456789").azure(RESOURCE).build(), "apiKey");
        rejects(() -> RealtimeSessions.builder().apiKey(Mono.just("sk-test-0123456789")).azure(RESOURCE)
                .azureTokenSource(TOKENS).build(), "apiKey");
    }

    @Test
    void baseUrlWithAzureIsRefused() {
        ValidationException error = rejects(() -> RealtimeSessions.builder().azure(RESOURCE)
                .baseUrl("https://my-resource.openai.azure.com/openai/v1").azureApiKey(AZURE_KEY).build(), "baseUrl");

        assertThat(error.getMessage()).contains("drop baseUrl(...)");
    }

    @Test
    void azureWithoutAnAzureCredentialIsRefusedSayingWhatToSet() {
        ValidationException error = rejects(() -> RealtimeSessions.builder().azure(RESOURCE).build(), "azureApiKey");

        assertThat(error.getMessage()).contains("AZURE_OPENAI_API_KEY").contains("azureTokenSource(...)");
    }

    @Test
    void anAzureKeyAndATokenSourceTogetherAreRefused() {
        ValidationException error = rejects(() -> RealtimeSessions.builder().azure(RESOURCE).azureApiKey(AZURE_KEY)
                .azureTokenSource(TOKENS).build(), "azureTokenSource");

        assertThat(error.getMessage()).contains("not both");
    }

    @Test
    void anAzureCredentialWithoutAzureIsRefused() {
        assertThat(rejects(() -> RealtimeSessions.builder().azureApiKey(AZURE_KEY).build(), "azure").getMessage())
                .contains("azure(\"https://{resource}.openai.azure.com\")");
        rejects(() -> RealtimeSessions.builder().azureTokenSource(TOKENS).build(), "azure");
        rejects(() -> RealtimeSessions.builder().apiKey("sk-test-0123456789").azureApiKey(AZURE_KEY).build(), "azure");
    }

    @Test
    void openAisOrganizationAndProjectHeadersAreRefusedWithAzure() {
        assertThat(rejects(() -> RealtimeSessions.builder().azure(RESOURCE).azureApiKey(AZURE_KEY)
                .organization("org-abc").build(), "organization").getMessage()).contains("only OpenAI reads");
        rejects(() -> RealtimeSessions.builder().azure(RESOURCE).azureTokenSource(TOKENS).project("proj_1").build(),
                "project");
        rejects(() -> RealtimeSessions.builder().azure(RESOURCE).azureApiKey(AZURE_KEY)
                .header("openai-project", "proj_1").build(), "project");
        rejects(() -> RealtimeSessions.builder().azure(RESOURCE).azureTokenSource(TOKENS)
                .header("Api-Key", AZURE_KEY).build(), "header Api-Key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "0123456789abcdef\n", "0123 4567", "clé-0123456789"})
    void anAzureKeyThatWouldBreakTheHeaderIsRefusedWithoutEchoingIt(String key) {
        ValidationException error = rejects(() -> RealtimeSessions.builder().azureApiKey(key), "azureApiKey");

        assertThat(error.getMessage()).doesNotContain("0123456789").doesNotContain("4567");
    }

    @Test
    void nullArgumentsNameTheirOption() {
        rejects(() -> RealtimeSessions.builder().azureApiKey((String) null), "azureApiKey");
        rejects(() -> RealtimeSessions.builder().azureApiKey((Mono<String>) null), "azureApiKey");
        rejects(() -> RealtimeSessions.builder().azureTokenSource(null), "azureTokenSource");
        rejects(() -> RealtimeSessions.builder().azureTokenRefreshMargin(null), "azureTokenRefreshMargin");
        rejects(() -> RealtimeSessions.builder().azureTokenRefreshMargin(Duration.ofSeconds(-1)),
                "azureTokenRefreshMargin");
        rejects(() -> new BearerToken(null, Instant.EPOCH), "value");
        rejects(() -> new BearerToken("eyJ", null), "expiresAt");
    }
}
