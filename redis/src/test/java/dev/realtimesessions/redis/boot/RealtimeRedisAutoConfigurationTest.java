package dev.realtimesessions.redis.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.adapter.boot.RealtimeSessionsAutoConfiguration;
import dev.realtimesessions.adapter.webflux.RealtimeTokenQuota;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.redis.RedisFailureMode;
import dev.realtimesessions.redis.RedisSharedRateGate;
import dev.realtimesessions.redis.RedisTokenQuota;
import dev.realtimesessions.testsupport.RedisServer;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** When the auto-configuration makes a Redis quota and shares the rate gate, from what, and when it stays out of the way. */
class RealtimeRedisAutoConfigurationTest {

    private static RedisServer redis;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RealtimeRedisAutoConfiguration.class,
                    RealtimeSessionsAutoConfiguration.class))
            .withPropertyValues("realtime.openai.api-key=sk-test-key");

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnQuota {
        @Bean
        RealtimeTokenQuota myQuota() {
            return user -> Mono.just(RealtimeTokenQuota.Decision.allow());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Meters {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Test
    void theUrlAndAQuotaMakeARedisQuotaFromBothSetsOfProperties() {
        runner.withUserConfiguration(Meters.class).withPropertyValues("realtime.openai.redis.url=" + redis.url(),
                "realtime.openai.redis.key-prefix=my-app:",
                "realtime.openai.redis.timeout=5s",
                "realtime.openai.redis.failure-mode=fail-closed",
                "realtime.openai.endpoint.guardrails.quota.requests=10",
                "realtime.openai.endpoint.guardrails.quota.per=1h").run(context -> {
                    assertThat(context).hasSingleBean(RealtimeTokenQuota.class);
                    RedisTokenQuota quota = context.getBean(RedisTokenQuota.class);
                    assertThat(quota).hasToString("RedisTokenQuota(10 per PT1H, keyPrefix=my-app:, timeout=PT5S,"
                            + " failureMode=FAIL_CLOSED)");
                    StepVerifier.create(quota.tryAcquire("alice")).as("failing closed, only Redis can allow")
                            .expectNext(RealtimeTokenQuota.Decision.allow()).verifyComplete();
                    assertThat(context.getBean(MeterRegistry.class).find("realtime.sessions.redis.fallbacks")
                            .tag("mode", "fail-closed").counters()).as("counted in the application's registry")
                            .hasSize(3);
                    assertThat(context).doesNotHaveBean(RedisClient.class);
                });
    }

    @Test
    void theDefaultsAreTheQuotasOwn() {
        runner.withPropertyValues("realtime.openai.redis.url=" + redis.url(),
                "realtime.openai.endpoint.guardrails.quota.requests=5").run(context -> {
                    RealtimeRedisProperties properties = context.getBean(RealtimeRedisProperties.class);
                    assertThat(properties.keyPrefix()).isEqualTo(RedisTokenQuota.DEFAULT_KEY_PREFIX);
                    assertThat(properties.timeout()).isEqualTo(Duration.ofMillis(RedisTokenQuota.DEFAULT_TIMEOUT_MILLIS));
                    assertThat(properties.failureMode()).isEqualTo(RedisFailureMode.LOCAL);
                    assertThat(context.getBean(RedisTokenQuota.class)).hasToString("RedisTokenQuota(5 per PT1M,"
                            + " keyPrefix=realtime-sessions:, timeout=PT0.2S, failureMode=LOCAL)");
                });
    }

    @Test
    void theUrlAloneSharesTheRateGateOfTheClientButMakesNoQuota() {
        runner.withPropertyValues("realtime.openai.redis.url=" + redis.url(), "realtime.openai.redis.key-prefix=my-app:")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(RealtimeTokenQuota.class).hasSingleBean(OwnedRedisClient.class);
                    assertThat(context.getBean(RedisSharedRateGate.class))
                            .hasToString("RedisSharedRateGate(keyPrefix=my-app:, timeout=PT0.2S)");
                    assertThat(context.getBean(RealtimeSessions.class).toString())
                            .contains("sharedRateGate=" + RedisSharedRateGate.class.getName());
                });
        runner.withPropertyValues("realtime.openai.endpoint.guardrails.quota.requests=5")
                .run(context -> assertThat(context).doesNotHaveBean(RealtimeTokenQuota.class)
                        .doesNotHaveBean(RedisSharedRateGate.class).doesNotHaveBean(OwnedRedisClient.class));
    }

    @Test
    void shareRateGateFalseLeavesTheClientsGateItsOwn() {
        runner.withPropertyValues("realtime.openai.redis.url=" + redis.url(), "realtime.openai.redis.share-rate-gate=false",
                "realtime.openai.endpoint.guardrails.quota.requests=5").run(context -> {
                    assertThat(context).hasSingleBean(RedisTokenQuota.class).doesNotHaveBean(RedisSharedRateGate.class);
                    assertThat(context.getBean(RealtimeSessions.class).toString()).doesNotContain("sharedRateGate");
                });
    }

    @Test
    void anApplicationQuotaOrTurningTheLibraryOffOrNoLettuceMakesItBackOff() {
        String[] configured = {"realtime.openai.redis.url=" + redis.url(),
            "realtime.openai.endpoint.guardrails.quota.requests=5"};
        runner.withUserConfiguration(OwnQuota.class).withPropertyValues(configured).run(context -> {
            assertThat(context).hasSingleBean(RealtimeTokenQuota.class).doesNotHaveBean(RedisTokenQuota.class);
        });
        runner.withPropertyValues(configured).withPropertyValues("realtime.openai.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(RealtimeTokenQuota.class)
                        .doesNotHaveBean(RedisSharedRateGate.class));
        runner.withClassLoader(new FilteredClassLoader(RedisClient.class)).withPropertyValues(configured)
                .run(context -> assertThat(context).doesNotHaveBean(RealtimeTokenQuota.class)
                        .doesNotHaveBean(RedisSharedRateGate.class));
    }

    @Test
    void anUnusablePropertyFailsStartupNamingItButNeverShowingTheUrl() {
        String quota = "realtime.openai.endpoint.guardrails.quota.requests=5";
        runner.withPropertyValues("realtime.openai.redis.url=http://:s3cret@not-redis", quota).run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("realtime.openai.redis.url").hasMessageNotContaining("s3cret"));
        runner.withPropertyValues("realtime.openai.redis.url=" + redis.url(), quota, "realtime.openai.redis.timeout=0ms")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("realtime.openai.redis.timeout"));
        runner.withPropertyValues("realtime.openai.redis.url=" + redis.url(), quota, "realtime.openai.redis.key-prefix= ")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("realtime.openai.redis.key-prefix"));
        runner.withPropertyValues("realtime.openai.redis.url=" + redis.url(),
                        "realtime.openai.endpoint.guardrails.quota.requests=0")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("realtime.openai.endpoint.guardrails.quota.requests"));
        runner.withPropertyValues("realtime.openai.redis.url=" + redis.url(), quota,
                        "realtime.openai.endpoint.guardrails.quota.per=10ms")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("realtime.openai.endpoint.guardrails.quota.per"));
    }

    @Test
    void thePropertiesNeverShowAPassword() {
        runner.withPropertyValues("realtime.openai.redis.url=redis://default:s3cret@redis.internal:6380/2",
                "realtime.openai.endpoint.guardrails.quota.requests=5").run(context ->
                assertThat(context.getBean(RealtimeRedisProperties.class)).hasToString("RealtimeRedisProperties{"
                        + "url=redis://***@redis.internal:6380/2, keyPrefix=realtime-sessions:, timeout=PT0.2S,"
                        + " failureMode=LOCAL, shareRateGate=true}"));
    }
}
