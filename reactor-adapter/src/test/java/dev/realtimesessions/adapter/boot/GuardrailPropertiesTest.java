package dev.realtimesessions.adapter.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.adapter.webflux.RealtimeTokenAuthorizer;
import dev.realtimesessions.adapter.webflux.RealtimeTokenEndpoint;
import dev.realtimesessions.adapter.webflux.RealtimeTokenQuota;
import dev.realtimesessions.adapter.webflux.TokenGuardrails;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** {@code realtime.openai.endpoint.guardrails.*} bound, validated and wired into the auto-configured endpoint. */
class GuardrailPropertiesTest {

    private static LocalRealtimeEndpoint local;

    private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RealtimeSessionsAutoConfiguration.class))
            .withUserConfiguration(WithAuthorizer.class);

    @BeforeAll
    static void start() {
        local = LocalRealtimeEndpoint.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Configuration(proxyBeanMethods = false)
    static class WithAuthorizer {
        @Bean
        RealtimeTokenAuthorizer realtimeTokenAuthorizer() {
            return RealtimeTokenAuthorizer.permitAll();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WithQuota {
        @Bean
        RealtimeTokenQuota sharedQuota() {
            return user -> Mono.just(RealtimeTokenQuota.Decision.refuse(Duration.ofSeconds(7)));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WithGuardrails {
        @Bean
        TokenGuardrails tokenGuardrails() {
            return TokenGuardrails.builder().allowedModels("gpt-realtime-2").build();
        }
    }

    private ReactiveWebApplicationContextRunner endpoint(String... properties) {
        return reactive.withPropertyValues("realtime.openai.api-key=" + LocalRealtimeEndpoint.API_KEY,
                "realtime.openai.base-url=" + local.baseUrl(), "realtime.openai.endpoint.enabled=true")
                .withPropertyValues(properties);
    }

    @Test
    void thePropertiesBindAndReachTheEndpoint() {
        endpoint("realtime.openai.endpoint.guardrails.allowed-models=gpt-realtime,gpt-realtime-2",
                "realtime.openai.endpoint.guardrails.allowed-voices=marin",
                "realtime.openai.endpoint.guardrails.max-secret-lifetime=2m",
                "realtime.openai.endpoint.guardrails.quota.requests=10",
                "realtime.openai.endpoint.guardrails.quota.per=1h")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    RealtimeSessionsProperties.Guardrails guardrails = context.getBean(RealtimeSessionsProperties.class)
                            .endpoint().guardrails();
                    assertThat(guardrails.allowedModels()).containsExactly("gpt-realtime", "gpt-realtime-2");
                    assertThat(guardrails.allowedVoices()).containsExactly("marin");
                    assertThat(guardrails.maxSecretLifetime()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(guardrails.quota().requests()).isEqualTo(10);
                    assertThat(guardrails.quota().per()).isEqualTo(Duration.ofHours(1));
                    assertThat(context.getBean(RealtimeTokenEndpoint.class).toString())
                            .contains("allowedModels=[gpt-realtime, gpt-realtime-2]", "allowedVoices=[marin]",
                                    "maxSecretLifetime=PT2M", "RealtimeTokenQuota.inMemory(10 per PT1H)");
                });
    }

    @Test
    void withoutThePropertiesThereAreNoLimits() {
        endpoint().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(RealtimeSessionsProperties.class).endpoint().guardrails().quota().per())
                    .isEqualTo(Duration.ofMinutes(1));
            assertThat(context.getBean(RealtimeTokenEndpoint.class).toString())
                    .contains("allowedModels=null", "allowedVoices=null", "quota=null");
        });
    }

    @Test
    void theConfiguredRequestIsHeldToTheGuardrails() {
        endpoint("realtime.openai.endpoint.voice=ash", "realtime.openai.endpoint.guardrails.allowed-voices=marin")
                .run(context -> WebTestClient.bindToRouterFunction(context.getBean(RealtimeTokenEndpoint.class)
                                .routerFunction()).build()
                        .post().uri(RealtimeTokenEndpoint.DEFAULT_PATH).exchange()
                        .expectStatus().isForbidden()
                        .expectBody().jsonPath("$.error.rule").isEqualTo("allowed-voices").returnResult());
    }

    @Test
    void aQuotaBeanReplacesTheInMemoryQuota() {
        endpoint("realtime.openai.endpoint.guardrails.quota.requests=10").withUserConfiguration(WithQuota.class)
                .run(context -> WebTestClient.bindToRouterFunction(context.getBean(RealtimeTokenEndpoint.class)
                                .routerFunction()).build()
                        .post().uri(RealtimeTokenEndpoint.DEFAULT_PATH).exchange()
                        .expectStatus().isEqualTo(429)
                        .expectHeader().valueEquals("Retry-After", "7")
                        .expectBody().jsonPath("$.error.rule").isEqualTo("quota").returnResult());
    }

    @Test
    void aGuardrailsBeanReplacesTheProperties() {
        endpoint("realtime.openai.endpoint.guardrails.allowed-voices=marin").withUserConfiguration(WithGuardrails.class)
                .run(context -> assertThat(context.getBean(RealtimeTokenEndpoint.class).toString())
                        .contains("allowedModels=[gpt-realtime-2]", "allowedVoices=null"));
    }

    @Test
    void unusableValuesFailStartupNamingTheProperty() {
        endpoint("realtime.openai.endpoint.guardrails.quota.requests=0").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("realtime.openai.endpoint.guardrails.quota.requests"));
        endpoint("realtime.openai.endpoint.guardrails.max-secret-lifetime=5s").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause()
                .hasMessageContaining("realtime.openai.endpoint.guardrails.max-secret-lifetime"));
    }

    @Test
    void thePropertiesAreInTheConfigurationMetadata() throws Exception {
        try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(metadata).isNotNull();
            String json = new String(metadata.readAllBytes(), StandardCharsets.UTF_8);
            for (String name : List.of("allowed-models", "allowed-voices", "max-secret-lifetime", "quota.requests",
                    "quota.per")) {
                assertThat(json).contains("\"realtime.openai.endpoint.guardrails." + name + "\"");
            }
        }
    }
}
