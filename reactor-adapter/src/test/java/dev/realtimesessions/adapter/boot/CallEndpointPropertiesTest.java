package dev.realtimesessions.adapter.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.adapter.micrometer.RealtimeCallEndpointMetrics;
import dev.realtimesessions.adapter.testing.FakeCallsApi;
import dev.realtimesessions.adapter.webflux.RealtimeCallEndpoint;
import dev.realtimesessions.adapter.webflux.RealtimeTokenAuthorizer;
import dev.realtimesessions.adapter.webflux.RealtimeTokenEndpoint;
import dev.realtimesessions.adapter.webflux.TokenGuardrails;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;

/** {@code realtime.openai.call-endpoint.*}: the call endpoint an application gets from properties and an authorizer. */
class CallEndpointPropertiesTest {

    private final FakeCallsApi api = new FakeCallsApi();

    private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RealtimeSessionsAutoConfiguration.class))
            .withPropertyValues("realtime.openai.api-key=sk-test-0123456789abcdef",
                    "realtime.openai.base-url=" + api.baseUrl(), "realtime.openai.max-retries=0");

    @Configuration(proxyBeanMethods = false)
    static class WithAuthorizer {
        @Bean
        RealtimeTokenAuthorizer realtimeTokenAuthorizer() {
            return RealtimeTokenAuthorizer.permitAll();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WithMeters {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private ReactiveWebApplicationContextRunner calls(String... properties) {
        return reactive.withUserConfiguration(WithAuthorizer.class)
                .withPropertyValues("realtime.openai.call-endpoint.enabled=true").withPropertyValues(properties);
    }

    private static WebTestClient.ResponseSpec offer(RealtimeCallEndpoint endpoint) {
        return WebTestClient.bindToRouterFunction(endpoint.routerFunction()).build().post().uri(endpoint.path())
                .header("Content-Type", "application/sdp").bodyValue(FakeCallsApi.OFFER).exchange();
    }

    @Test
    void theCallEndpointIsRegisteredOnlyWhenEnabled() {
        reactive.withUserConfiguration(WithAuthorizer.class).run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(RealtimeCallEndpoint.class).doesNotHaveBean(TokenGuardrails.class));
        calls().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(RealtimeCallEndpoint.class)
                    .hasSingleBean(RouterFunction.class).hasSingleBean(TokenGuardrails.class)
                    .doesNotHaveBean(RealtimeTokenEndpoint.class);
            RealtimeCallEndpoint endpoint = context.getBean(RealtimeCallEndpoint.class);
            assertThat(endpoint.path()).isEqualTo("/realtime/call");
            assertThat(endpoint.maxDuration()).isEqualTo(Duration.ofMinutes(10));
            assertThat(endpoint.maxCallsPerUser()).isEqualTo(2);
        });
        calls("realtime.openai.call-endpoint.path=/api/call", "realtime.openai.call-endpoint.max-duration=90s",
                "realtime.openai.call-endpoint.max-calls-per-user=1").run(context -> {
                    RealtimeCallEndpoint endpoint = context.getBean(RealtimeCallEndpoint.class);
                    assertThat(endpoint.path()).isEqualTo("/api/call");
                    assertThat(endpoint.maxDuration()).isEqualTo(Duration.ofSeconds(90));
                    assertThat(endpoint.maxCallsPerUser()).isEqualTo(1);
                });
    }

    @Test
    void theLiveApiStartsGptLiveSessionsWithTheLiveModelAndTheTokenEndpointsInstructionsAndVoice() {
        calls().run(context -> assertThat(context.getBean(RealtimeCallEndpoint.class).liveSession())
                .as("Realtime calls by default").isEmpty());
        calls("realtime.openai.call-endpoint.api=live", "realtime.openai.endpoint.instructions=Be brief.",
                "realtime.openai.endpoint.voice=cedar")
                .run(context -> assertThat(context.getBean(RealtimeCallEndpoint.class).liveSession()).hasValueSatisfying(
                        session -> {
                            assertThat(session.model().value()).isEqualTo("gpt-live-1");
                            assertThat(session.instructions()).isEqualTo("Be brief.");
                            assertThat(session.voice().value()).isEqualTo("cedar");
                        }));
        calls("realtime.openai.call-endpoint.api=live", "realtime.openai.call-endpoint.live-model=gpt-live-2")
                .run(context -> assertThat(context.getBean(RealtimeCallEndpoint.class).liveSession().orElseThrow()
                        .model().value()).isEqualTo("gpt-live-2"));
    }

    @Test
    void callsStartTheTokenEndpointsSessionUnderItsGuardrailsAndTheUsersLimit() throws Exception {
        calls("realtime.openai.endpoint.instructions=Be brief.", "realtime.openai.endpoint.voice=marin",
                "realtime.openai.endpoint.guardrails.allowed-voices=marin",
                "realtime.openai.call-endpoint.max-calls-per-user=1")
                .run(context -> {
                    RealtimeCallEndpoint endpoint = context.getBean(RealtimeCallEndpoint.class);
                    offer(endpoint).expectStatus().isCreated().expectBody(String.class).isEqualTo(FakeCallsApi.ANSWER);
                    offer(endpoint).expectStatus().isEqualTo(429)
                            .expectBody().jsonPath("$.error.rule").isEqualTo("max-calls-per-user");
                });
        String offer = api.takeOffer().getBody().utf8();
        assertThat(offer).contains("\"model\":\"gpt-realtime\"").contains("\"instructions\":\"Be brief.\"")
                .contains("\"voice\":\"marin\"");
        assertThat(api.offersWaiting()).isZero();
    }

    @Test
    void bothEndpointsShareOneGuardrailsObjectAndSoOneQuota() {
        calls("realtime.openai.endpoint.enabled=true", "realtime.openai.endpoint.guardrails.quota.requests=1",
                "realtime.openai.endpoint.guardrails.quota.per=1d")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(TokenGuardrails.class);
                    WebTestClient.bindToRouterFunction(context.getBean(RealtimeTokenEndpoint.class).routerFunction())
                            .build().post().uri(RealtimeTokenEndpoint.DEFAULT_PATH).exchange()
                            .expectStatus().isEqualTo(502).expectBody().returnResult();
                    offer(context.getBean(RealtimeCallEndpoint.class)).expectStatus().isEqualTo(429)
                            .expectBody().jsonPath("$.error.rule").isEqualTo("quota");
                });
        assertThat(api.offersWaiting()).isZero();
    }

    @Test
    void closingTheApplicationHangsUpTheCallsStillOpen() throws Exception {
        calls().run(context -> offer(context.getBean(RealtimeCallEndpoint.class)).expectStatus().isCreated()
                .expectBody().returnResult());
        RecordedRequest hangup = api.takeHangup();
        assertThat(FakeCallsApi.callIdOf(hangup)).isEqualTo(api.lastCallId());
    }

    @Test
    void withAMeterRegistryTheOpenCallsAreGauged() {
        calls().withUserConfiguration(WithMeters.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(RealtimeCallEndpointMetrics.class);
            offer(context.getBean(RealtimeCallEndpoint.class)).expectStatus().isCreated().expectBody().returnResult();
            assertThat(context.getBean(MeterRegistry.class).get(RealtimeCallEndpointMetrics.OPEN)
                    .tag("endpoint", "/realtime/call").gauge().value()).isEqualTo(1);
        });
    }

    @Test
    void unusableValuesFailStartupNamingTheProperty() {
        for (String property : new String[] {"max-duration=0s", "max-calls-per-user=0", "path=realtime/call"}) {
            calls("realtime.openai.call-endpoint." + property).run(context -> assertThat(context).hasFailed()
                    .getFailure().rootCause().hasMessageContaining("realtime.openai.call-endpoint."
                            + property.substring(0, property.indexOf('='))));
        }
    }

    @Test
    void anEnabledCallEndpointWithoutAnAuthorizerFailsStartupClearly() {
        reactive.withPropertyValues("realtime.openai.call-endpoint.enabled=true")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("realtime.openai.call-endpoint.enabled=true")
                        .hasMessageContaining("RealtimeTokenAuthorizer"));
    }
}
