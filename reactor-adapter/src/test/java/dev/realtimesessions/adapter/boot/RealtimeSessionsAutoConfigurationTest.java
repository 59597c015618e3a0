package dev.realtimesessions.adapter.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.CallListener;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.adapter.micrometer.MicrometerCallListener;
import dev.realtimesessions.adapter.testing.Upstream;
import dev.realtimesessions.adapter.webflux.MintMode;
import dev.realtimesessions.adapter.webflux.RealtimeTokenAuthorizer;
import dev.realtimesessions.adapter.webflux.RealtimeTokenEndpoint;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.reactive.function.server.RouterFunction;
import reactor.netty.resources.LoopResources;
import reactor.test.StepVerifier;

class RealtimeSessionsAutoConfigurationTest {

    private static LocalRealtimeEndpoint local;

    private final ApplicationContextRunner plain = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RealtimeSessionsAutoConfiguration.class));

    private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RealtimeSessionsAutoConfiguration.class));

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
    static class OwnClient {
        @Bean
        RealtimeSessions myRealtimeSessions() {
            return RealtimeSessions.builder().apiKey("sk-own-client").build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WithReactorResources {
        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory factory = new ReactorResourceFactory();
            factory.setUseGlobalResources(false);
            factory.setLoopResourcesSupplier(() -> LoopResources.create("app-loops"));
            return factory;
        }
    }

    @Test
    void propertiesBindAndTheClientMints() {
        plain.withPropertyValues("realtime.openai.api-key=" + LocalRealtimeEndpoint.API_KEY,
                        "realtime.openai.base-url=" + local.baseUrl(),
                        "realtime.openai.organization=org-123", "realtime.openai.project=proj_123",
                        "realtime.openai.connect-timeout=2s", "realtime.openai.attempt-timeout=3s",
                        "realtime.openai.timeout=7s", "realtime.openai.max-retries=1",
                        "realtime.openai.max-connections=50", "realtime.openai.max-pending-acquires=500")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(RealtimeSessions.class)
                            .doesNotHaveBean(RealtimeTokenEndpoint.class);
                    RealtimeSessionsProperties properties = context.getBean(RealtimeSessionsProperties.class);
                    assertThat(properties.project()).isEqualTo("proj_123");
                    assertThat(properties.organization()).isEqualTo("org-123");
                    assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(properties.maxRetries()).isEqualTo(1);
                    assertThat(properties.toString()).doesNotContain(LocalRealtimeEndpoint.API_KEY);
                    RealtimeSessions sessions = context.getBean(RealtimeSessions.class);
                    assertThat(sessions.toString()).contains("timeout=PT7S").contains("attemptTimeout=PT3S")
                            .contains("connectTimeout=PT2S").contains("maxConnections=50")
                            .contains("OpenAI-Project").doesNotContain(LocalRealtimeEndpoint.API_KEY);
                    StepVerifier.create(sessions.createClientSecret(Upstream.request()))
                            .assertNext(secret -> assertThat(secret.value()).startsWith("ek_local_"))
                            .verifyComplete();
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class WithMicrometer {
        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ObservationRegistry observationRegistry(SimpleMeterRegistry meters) {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
            return registry;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnCallListener {
        static final List<String> ENDPOINTS = new CopyOnWriteArrayList<>();

        @Bean
        CallListener.Factory myCallListener() {
            return (endpoint, context) -> {
                ENDPOINTS.add(endpoint);
                return CallListener.NONE;
            };
        }
    }

    @Test
    void withMicrometerTheClientRecordsItsCallsInTheApplicationsRegistries() {
        plain.withPropertyValues("realtime.openai.api-key=" + LocalRealtimeEndpoint.API_KEY,
                        "realtime.openai.base-url=" + local.baseUrl())
                .withUserConfiguration(WithMicrometer.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(MicrometerCallListener.class);
                    assertThat(context.getBean(RealtimeSessions.class).toString())
                            .contains("callListener=" + MicrometerCallListener.class.getName());
                    context.getBean(RealtimeSessions.class).createClientSecret(Upstream.request()).block(Duration.ofSeconds(20));
                    SimpleMeterRegistry meters = context.getBean(SimpleMeterRegistry.class);
                    assertThat(meters.get(MicrometerCallListener.CALL).tag("outcome", "SUCCESS").timer().count())
                            .isEqualTo(1);
                    assertThat(meters.get(MicrometerCallListener.IN_FLIGHT).gauge().value()).isZero();
                });
    }

    @Test
    void theApplicationsOwnCallListenerReplacesMicrometers() {
        plain.withPropertyValues("realtime.openai.api-key=" + LocalRealtimeEndpoint.API_KEY,
                        "realtime.openai.base-url=" + local.baseUrl())
                .withUserConfiguration(WithMicrometer.class, OwnCallListener.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerCallListener.class);
                    context.getBean(RealtimeSessions.class).createClientSecret(Upstream.request()).block(Duration.ofSeconds(20));
                    assertThat(OwnCallListener.ENDPOINTS).contains("/realtime/client_secrets");
                });
    }

    @Test
    void withoutMicrometerTheClientIsBuiltWithoutAListener() {
        plain.withPropertyValues("realtime.openai.api-key=sk-test")
                .withClassLoader(new FilteredClassLoader("io.micrometer.core", "io.micrometer.observation"))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(RealtimeSessions.class)
                            .doesNotHaveBean(CallListener.Factory.class);
                    assertThat(context.getBean(RealtimeSessions.class).toString()).doesNotContain("callListener");
                });
    }

    @Test
    void theDefaultsAreTheLibrarys() {
        plain.withPropertyValues("realtime.openai.api-key=sk-test").run(context -> {
            RealtimeSessionsProperties properties = context.getBean(RealtimeSessionsProperties.class);
            assertThat(properties.baseUrl()).isEqualTo(RealtimeSessions.DEFAULT_BASE_URL);
            assertThat(properties.endpoint().path()).isEqualTo(RealtimeTokenEndpoint.DEFAULT_PATH);
            assertThat(properties.endpoint().mode()).isEqualTo(MintMode.CLIENT_SECRETS);
            assertThat(properties.endpoint().enabled()).isFalse();
            assertThat(properties.endpoint().guardrails().allowedModels()).isEmpty();
            assertThat(properties.endpoint().guardrails().quota().requests()).isNull();
            assertThat(properties.endpoint().guardrails().quota().per()).isEqualTo(Duration.ofMinutes(1));
            assertThat(context.getBean(RealtimeSessions.class).toString()).contains("timeout=PT45S")
                    .contains("attemptTimeout=PT15S").contains("connectTimeout=PT5S").contains("maxConnections=2000");
        });
    }

    @Test
    void aMissingApiKeyFailsStartupNamingTheProperty() {
        plain.run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().hasMessageContaining("realtime.openai.api-key"));
    }

    @Test
    void anUnusableBaseUrlFailsStartupNamingTheProperty() {
        plain.withPropertyValues("realtime.openai.api-key=sk-test", "realtime.openai.base-url=ftp://example.com")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("realtime.openai.base-url"));
    }

    @Test
    void theClientBacksOffForTheApplicationsOwnAndWhenDisabled() {
        plain.withUserConfiguration(OwnClient.class).run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(RealtimeSessions.class).hasBean("myRealtimeSessions"));
        plain.withPropertyValues("realtime.openai.enabled=false").run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(RealtimeSessions.class));
    }

    @Test
    @SuppressWarnings("deprecation") // the beta mode stays configurable
    void theEndpointIsRegisteredOnlyWhenEnabledInAReactiveWebApp() {
        reactive.withPropertyValues("realtime.openai.api-key=sk-test").withUserConfiguration(WithAuthorizer.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RealtimeTokenEndpoint.class)
                        .doesNotHaveBean(RouterFunction.class));
        reactive.withPropertyValues("realtime.openai.api-key=sk-test", "realtime.openai.endpoint.enabled=true",
                        "realtime.openai.endpoint.path=/api/realtime-token", "realtime.openai.endpoint.mode=beta-sessions",
                        "realtime.openai.endpoint.voice=marin", "realtime.openai.endpoint.secret-lifetime=5m")
                .withUserConfiguration(WithAuthorizer.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(RealtimeTokenEndpoint.class)
                            .hasSingleBean(RouterFunction.class);
                    RealtimeTokenEndpoint endpoint = context.getBean(RealtimeTokenEndpoint.class);
                    assertThat(endpoint.path()).isEqualTo("/api/realtime-token");
                    assertThat(endpoint.mode()).isEqualTo(MintMode.BETA_SESSIONS);
                });
        plain.withPropertyValues("realtime.openai.api-key=sk-test", "realtime.openai.endpoint.enabled=true")
                .withUserConfiguration(WithAuthorizer.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RealtimeTokenEndpoint.class));
    }

    @Test
    void withoutWebFluxOrSpringWebTheClientIsStillConfigured() {
        reactive.withClassLoader(new FilteredClassLoader("org.springframework.web.reactive.",
                        "org.springframework.http.client."))
                .withPropertyValues("realtime.openai.api-key=" + LocalRealtimeEndpoint.API_KEY,
                        "realtime.openai.base-url=" + local.baseUrl(), "realtime.openai.endpoint.enabled=true")
                .withUserConfiguration(WithAuthorizer.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(RealtimeSessions.class)
                            .doesNotHaveBean(RealtimeTokenEndpoint.class);
                    StepVerifier.create(context.getBean(RealtimeSessions.class).createClientSecret(Upstream.request()))
                            .expectNextCount(1).verifyComplete();
                });
    }

    @Test
    void anEnabledEndpointWithoutAnAuthorizerFailsStartupClearly() {
        reactive.withPropertyValues("realtime.openai.api-key=sk-test", "realtime.openai.endpoint.enabled=true")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("RealtimeTokenAuthorizer"));
    }

    @Test
    void theClientRunsOnTheApplicationsReactorNettyResources() {
        plain.withPropertyValues("realtime.openai.api-key=" + LocalRealtimeEndpoint.API_KEY,
                        "realtime.openai.base-url=" + local.baseUrl())
                .withUserConfiguration(WithReactorResources.class)
                .run(context -> {
                    RealtimeSessions sessions = context.getBean(RealtimeSessions.class);
                    assertThat(sessions.toString()).as("the library's own transport, on the application's loops")
                            .contains("runOn=caller's loops").contains("maxConnections=2000")
                            .doesNotContain("httpClient=caller's");
                    StepVerifier.create(sessions.createClientSecret(Upstream.request())
                                    .map(secret -> secret.value() + " on " + Thread.currentThread().getName()))
                            .assertNext(answer -> assertThat(answer).startsWith("ek_local_").contains(" on app-loops-"))
                            .verifyComplete();
                });
    }
}
