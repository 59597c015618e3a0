package dev.realtimesessions.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimesessions.RateGateState;
import dev.realtimesessions.adapter.webflux.RealtimeTokenQuota.Decision;
import dev.realtimesessions.testsupport.RedisServer;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Runs in its own surefire execution whose class path has no Spring and no Micrometer (see the pom):
 * the quota and the shared rate gate work in a plain Java application, with Redis and without it.
 */
class WithoutOptionalDependenciesTest {

    @Test
    void springAndMicrometerAreReallyAbsent() {
        for (String name : new String[] {"org.springframework.boot.autoconfigure.AutoConfiguration",
                "org.springframework.web.reactive.function.server.RouterFunction",
                "io.micrometer.core.instrument.MeterRegistry"}) {
            assertThatThrownBy(() -> Class.forName(name)).as(name).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void theQuotaCountsInRedisAndFallsBackWithoutIt() throws Exception {
        RedisClient client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        try (RedisServer redis = RedisServer.start();
             RedisTokenQuota quota = RedisTokenQuota.builder(client, RedisURI.create(redis.url()))
                     // windows of a century: none ends during the test (real time, here)
                     .limit(1, Duration.ofDays(36500)).timeout(Duration.ofSeconds(10)).build()) {
            StepVerifier.create(quota.tryAcquire("alice")).expectNext(Decision.allow()).verifyComplete();
            StepVerifier.create(quota.tryAcquire("alice")).assertNext(decision -> assertThat(decision.allowed()).isFalse())
                    .verifyComplete();
            redis.kill();
            StepVerifier.create(quota.tryAcquire("bob")).expectNext(Decision.allow()).verifyComplete();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void theSharedGateCarriesAStateBetweenTwoGates() throws Exception {
        RedisClient client = RedisClient.create();
        try (RedisServer redis = RedisServer.start();
             RedisSharedRateGate one = RedisSharedRateGate.builder(client, RedisURI.create(redis.url()))
                     .timeout(Duration.ofSeconds(10)).build();
             RedisSharedRateGate two = RedisSharedRateGate.builder(client, RedisURI.create(redis.url()))
                     .timeout(Duration.ofSeconds(10)).build()) {
            RateGateState hold = new RateGateState("AAAAAAAAAAAAAAAAAAAAAA", "one", 0, Duration.ZERO,
                    Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MICROS), 0);
            one.publish(hold);
            // read from the key (or the channel): the state, whole, whenever two subscribes
            StepVerifier.create(two.news().filter(state -> state.origin().equals("one")).take(1))
                    .expectNext(hold).expectComplete().verify(Duration.ofSeconds(30));
            redis.kill();
            one.publish(hold);
        } finally {
            client.shutdown();
        }
    }
}
