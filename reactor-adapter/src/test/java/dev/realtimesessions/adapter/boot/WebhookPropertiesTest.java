package dev.realtimesessions.adapter.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.adapter.testing.FakeCallsApi;
import dev.realtimesessions.adapter.webflux.IncomingCallDecision;
import dev.realtimesessions.adapter.webflux.IncomingCallHandler;
import dev.realtimesessions.adapter.webflux.RealtimeCallEndpoint;
import dev.realtimesessions.adapter.webflux.RealtimeTokenEndpoint;
import dev.realtimesessions.adapter.webflux.RealtimeWebhookEndpoint;
import dev.realtimesessions.adapter.webflux.TokenGuardrails;
import dev.realtimesessions.testsupport.LogCapture;
import dev.realtimesessions.webhooks.WebhookReplayStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import reactor.core.publisher.Mono;

/**
 * {@code realtime.openai.webhook.*}: the webhook endpoint an application gets from properties and a
 * handler bean, and startup failures that name the property without showing a secret.
 */
class WebhookPropertiesTest {

    private static final String SECRET = "whsec_dGhlIHdlYmhvb2sgc2lnbmluZyBzZWNyZXQgb2YgYSB0ZXN0";

    private final FakeCallsApi api = new FakeCallsApi();

    private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RealtimeSessionsAutoConfiguration.class))
            .withPropertyValues("realtime.openai.api-key=sk-test-0123456789abcdef",
                    "realtime.openai.base-url=" + api.baseUrl(), "realtime.openai.max-retries=0");

    @Configuration(proxyBeanMethods = false)
    static class WithHandler {
        @Bean
        IncomingCallHandler incomingCallHandler() {
            return call -> Mono.just(IncomingCallDecision.accept());
        }
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private ReactiveWebApplicationContextRunner webhook(String... properties) {
        return reactive.withUserConfiguration(WithHandler.class)
                .withPropertyValues("realtime.openai.webhook.enabled=true", "realtime.openai.webhook.secrets=" + SECRET)
                .withPropertyValues(properties);
    }

    @Test
    void theWebhookEndpointIsRegisteredOnlyWhenEnabledWithItsDefaults() {
        reactive.withUserConfiguration(WithHandler.class).run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(RealtimeWebhookEndpoint.class).doesNotHaveBean(TokenGuardrails.class));
        webhook().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(RealtimeWebhookEndpoint.class)
                    .hasSingleBean(RouterFunction.class).hasSingleBean(TokenGuardrails.class)
                    .doesNotHaveBean(RealtimeTokenEndpoint.class).doesNotHaveBean(RealtimeCallEndpoint.class);
            RealtimeWebhookEndpoint endpoint = context.getBean(RealtimeWebhookEndpoint.class);
            assertThat(endpoint.path()).isEqualTo("/realtime/webhook");
            assertThat(endpoint.handlerTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(endpoint.rejectStatus()).isEqualTo(480);
            assertThat(endpoint.maxBodyBytes()).isEqualTo(64 * 1024);
            assertThat(endpoint.maxDuration()).isEqualTo(Duration.ofMinutes(10));
        });
    }

    @Test
    void everyPropertyReachesTheEndpoint() {
        webhook("realtime.openai.webhook.path=/openai/events", "realtime.openai.webhook.handler-timeout=2s",
                "realtime.openai.webhook.reject-status=503", "realtime.openai.webhook.max-body-size=16KB",
                "realtime.openai.webhook.max-duration=30m", "realtime.openai.webhook.tolerance=2m")
                .run(context -> {
                    RealtimeWebhookEndpoint endpoint = context.getBean(RealtimeWebhookEndpoint.class);
                    assertThat(endpoint.path()).isEqualTo("/openai/events");
                    assertThat(endpoint.handlerTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(endpoint.rejectStatus()).isEqualTo(503);
                    assertThat(endpoint.maxBodyBytes()).isEqualTo(16 * 1024);
                    assertThat(endpoint.maxDuration()).isEqualTo(Duration.ofMinutes(30));
                    assertThat(endpoint.toString()).contains("tolerance=PT2M");
                });
    }

    @Test
    void theSecretsAppearInNoDescriptionAndNoLogLine() {
        try (LogCapture logs = LogCapture.debug("dev.realtimesessions")) {
            webhook("realtime.openai.webhook.secrets=" + SECRET + ",whsec_b2xkIHNlY3JldA==").run(context -> {
                assertThat(context).hasNotFailed();
                String properties = context.getBean(RealtimeSessionsProperties.class).toString();
                assertThat(properties).contains("secrets=2 (not shown)").doesNotContain("whsec_");
                assertThat(context.getBean(RealtimeWebhookEndpoint.class).toString()).doesNotContain("whsec_")
                        .contains("secrets=2 (not shown)");
            });
            assertThat(logs.messages()).noneMatch(message -> message.contains("whsec_")
                    || message.contains(SECRET.substring(6)));
        }
    }

    @Test
    void anEnabledWebhookWithoutASecretOrWithAnUnusableOneFailsStartupNamingThePropertyButNotTheSecret() {
        reactive.withUserConfiguration(WithHandler.class).withPropertyValues("realtime.openai.webhook.enabled=true")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("realtime.openai.webhook.secrets")
                        .hasMessageContaining("${OPENAI_WEBHOOK_SECRET}"));
        webhook("realtime.openai.webhook.secrets=whsec_not*base64!").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("realtime.openai.webhook.secrets[0]")
                .hasMessageNotContaining("not*base64"));
    }

    @Test
    void unusableValuesFailStartupNamingTheProperty() {
        for (String property : new String[] {"handler-timeout=0s", "reject-status=302", "max-body-size=0B",
                "max-duration=-1m", "path=webhook", "tolerance=2d"}) {
            webhook("realtime.openai.webhook." + property).run(context -> assertThat(context).as(property).hasFailed()
                    .getFailure().rootCause().hasMessageContaining("realtime.openai.webhook."
                            + property.substring(0, property.indexOf('='))));
        }
    }

    @Test
    void anEnabledWebhookWithoutAHandlerFailsStartupClearly() {
        reactive.withPropertyValues("realtime.openai.webhook.enabled=true", "realtime.openai.webhook.secrets=" + SECRET)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("realtime.openai.webhook.enabled=true")
                        .hasMessageContaining("IncomingCallHandler"));
    }

    @Test
    void aReplayStoreBeanOfTheApplicationsIsTheOneTheVerifierUses() {
        webhook().withBean(WebhookReplayStore.class, () -> new WebhookReplayStore() {
                            @Override
                            public Mono<Boolean> markSeen(String webhookId, Instant now, Duration retention) {
                                return Mono.just(true);
                            }

                            @Override
                            public Mono<Void> forget(String webhookId) {
                                return Mono.empty();
                            }

                            @Override
                            public String toString() {
                                return "SharedReplayStore";
                            }
                        })
                .run(context -> assertThat(context.getBean(RealtimeWebhookEndpoint.class).toString())
                        .contains("replayStore=SharedReplayStore"));
    }
}
