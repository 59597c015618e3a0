package dev.realtimesessions.adapter.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.adapter.testing.Upstream;
import java.io.IOException;
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
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * {@code realtime.openai.azure.*}: the auto-configured client targets the Azure resource with its
 * key, or with Entra ID tokens from the application's {@code TokenCredential} bean, and startup
 * fails naming the property for every combination that cannot work.
 */
class AzureAutoConfigurationTest {

    private static final String AZURE_KEY = "5f1d2c3b4a59687766554433221100ff";
    private static final String TOKEN = "eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.c2lnbmF0dXJl";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RealtimeSessionsAutoConfiguration.class));
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String resourceUrl() {
        return "realtime.openai.azure.resource-url=http://" + server.getHostName() + ":" + server.getPort();
    }

    /** An application's Entra ID credential, recording the scopes it is asked for. */
    @Configuration(proxyBeanMethods = false)
    static class WithTokenCredential {
        static final List<List<String>> SCOPES = new CopyOnWriteArrayList<>();

        @Bean
        TokenCredential tokenCredential() {
            return request -> {
                SCOPES.add(List.copyOf(request.getScopes()));
                return Mono.just(new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1)));
            };
        }
    }

    private RecordedRequest mintThroughTheBean(RealtimeSessions sessions) throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                .body("{\"value\":\"ek_test_azure\",\"expires_at\":1756310470,\"session\":{\"type\":\"realtime\"}}")
                .build());
        StepVerifier.create(sessions.createClientSecret(Upstream.request())).expectNextCount(1).verifyComplete();
        RecordedRequest request = server.takeRequest(20, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/v1/realtime/client_secrets");
        return request;
    }

    @Test
    void theResourcesKeyGoesAsApiKey() {
        runner.withPropertyValues(resourceUrl(), "realtime.openai.azure.api-key=" + AZURE_KEY)
                .withUserConfiguration(WithTokenCredential.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    RealtimeSessions sessions = context.getBean(RealtimeSessions.class);
                    assertThat(sessions.toString()).contains("auth=api-key").doesNotContain(AZURE_KEY);
                    assertThat(context.getBean(RealtimeSessionsProperties.class).toString()).contains("azure=Azure{")
                            .doesNotContain(AZURE_KEY);
                    RecordedRequest request = mintThroughTheBean(sessions);
                    assertThat(request.getHeaders().values("api-key")).containsExactly(AZURE_KEY);
                    assertThat(request.getHeaders().get("Authorization")).isNull();
                });
    }

    @Test
    void withoutAKeyTheApplicationsTokenCredentialGivesEntraIdTokens() {
        WithTokenCredential.SCOPES.clear();
        runner.withPropertyValues(resourceUrl(), "realtime.openai.azure.token-refresh-margin=10m")
                .withUserConfiguration(WithTokenCredential.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    RealtimeSessions sessions = context.getBean(RealtimeSessions.class);
                    assertThat(sessions.toString()).contains("Entra ID token source").contains("PT10M");
                    RecordedRequest request = mintThroughTheBean(sessions);
                    assertThat(request.getHeaders().values("Authorization")).containsExactly("Bearer " + TOKEN);
                    assertThat(request.getHeaders().get("api-key")).isNull();
                });
        assertThat(WithTokenCredential.SCOPES).containsExactly(List.of("https://cognitiveservices.azure.com/.default"));
    }

    @Test
    void theTokenScopeIsAProperty() {
        WithTokenCredential.SCOPES.clear();
        runner.withPropertyValues(resourceUrl(), "realtime.openai.azure.token-scope=https://ai.azure.com/.default")
                .withUserConfiguration(WithTokenCredential.class)
                .run(context -> mintThroughTheBean(context.getBean(RealtimeSessions.class)));
        assertThat(WithTokenCredential.SCOPES).containsExactly(List.of("https://ai.azure.com/.default"));
    }

    @Test
    void neitherAKeyNorATokenCredentialFailsStartupSayingWhatToAdd() {
        runner.withPropertyValues(resourceUrl()).run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("realtime.openai.azure.api-key").hasMessageContaining("TokenCredential"));
        runner.withPropertyValues(resourceUrl()).withUserConfiguration(WithTokenCredential.class)
                .withClassLoader(new FilteredClassLoader("com.azure"))
                .run(context -> assertThat(context).as("without the Azure SDK").hasFailed().getFailure().rootCause()
                        .hasMessageContaining("realtime.openai.azure.api-key"));
    }

    @Test
    void withoutTheAzureSdkTheOpenAiClientIsConfiguredAsBefore() {
        runner.withPropertyValues("realtime.openai.api-key=sk-test-0123456789")
                .withClassLoader(new FilteredClassLoader("com.azure"))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(RealtimeSessions.class));
    }

    @Test
    void openAisPropertiesWithAzureFailStartupNamingEach() {
        for (String[] openAiOnly : new String[][] {{"realtime.openai.api-key=sk-test-0123456789", "realtime.openai.api-key"},
                {"realtime.openai.base-url=https://gateway.example.com/v1", "realtime.openai.base-url"},
                {"realtime.openai.organization=org-abc", "realtime.openai.organization"},
                {"realtime.openai.project=proj_1", "realtime.openai.project"}}) {
            runner.withPropertyValues(resourceUrl(), "realtime.openai.azure.api-key=" + AZURE_KEY, openAiOnly[0])
                    .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                            .hasMessageContaining("Property " + openAiOnly[1] + " ")
                            .hasMessageContaining("realtime.openai.azure.resource-url")
                            .hasMessageNotContaining("sk-test-0123456789").hasMessageNotContaining(AZURE_KEY));
        }
    }

    @Test
    void anAzureKeyWithoutAResourceAndAnUnusableResourceUrlFailStartupNamingTheProperty() {
        runner.withPropertyValues("realtime.openai.azure.api-key=" + AZURE_KEY)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("realtime.openai.azure.resource-url").hasMessageNotContaining(AZURE_KEY));
        for (String url : new String[] {"https://my-resource.openai.azure.com/openai/deployments/gpt-realtime",
                "http://my-resource.openai.azure.com"}) {
            runner.withPropertyValues("realtime.openai.azure.resource-url=" + url, "realtime.openai.azure.api-key=" + AZURE_KEY)
                    .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                            .hasMessageContaining("Property realtime.openai.azure.resource-url "));
        }
    }
}
