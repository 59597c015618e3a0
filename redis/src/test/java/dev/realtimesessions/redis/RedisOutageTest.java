package dev.realtimesessions.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.adapter.webflux.RealtimeTokenQuota.Decision;
import dev.realtimesessions.testsupport.LogCapture;
import dev.realtimesessions.testsupport.RedisServer;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Redis killed, frozen or never there: every decision still comes, within the timeout, as the
 * failure mode says, with a WARN and the fallback counter; sharing resumes once Redis is back.
 */
class RedisOutageTest {

    private static final String LOGGER = "dev.realtimesessions.redis";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:15Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private RedisServer redis;
    private RedisClient clientA;
    private RedisClient clientB;
    private LogCapture logs;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
        clientA = RedisClient.create();
        clientB = RedisClient.create();
        // as the quota's documentation recommends: commands fail at once while disconnected
        for (RedisClient client : List.of(clientA, clientB)) {
            client.setOptions(ClientOptions.builder()
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        }
        logs = LogCapture.debug(LOGGER);
    }

    @AfterEach
    void stop() {
        logs.close();
        clientA.shutdown();
        clientB.shutdown();
        redis.close();
    }

    private RedisTokenQuota.Builder quota(RedisClient client) {
        return RedisTokenQuota.builder(client, RedisURI.create(redis.url())).clock(clock)
                .limit(5, Duration.ofHours(1)).meterRegistry(meters);
    }

    private static Decision decide(RedisTokenQuota quota, String user) {
        Decision[] decision = new Decision[1];
        StepVerifier.create(quota.tryAcquire(user)).consumeNextWith(d -> decision[0] = d).verifyComplete();
        return decision[0];
    }

    private double fallbacks(String mode, String reason) {
        return meters.get(MicrometerFallbackMeter.NAME).tag("use", "quota").tag("mode", mode).tag("reason", reason)
                .counter().count();
    }

    private double fallbacks() {
        return meters.find(MicrometerFallbackMeter.NAME).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** The fallbacks of one mode, whatever their reason (a decision may time out or fail, as the machine's load has it). */
    private double fallbacksOf(String mode) {
        return meters.find(MicrometerFallbackMeter.NAME).tag("mode", mode).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private List<String> warnings() {
        return logs.messages().stream().filter(message -> message.startsWith("Redis is")).toList();
    }

    @Test
    void killedRedisDecidesLocallyWarnsOnceCountsAndSharingResumesAfterARestart() throws Exception {
        try (RedisTokenQuota a = quota(clientA).timeout(Duration.ofSeconds(5)).build();
             Keyspace keyspace = new Keyspace(redis.url())) {
            assertThat(decide(a, "alice").allowed()).isTrue();
            assertThat(decide(a, "alice").allowed()).isTrue();
            assertThat(keyspace.keys()).hasSize(1);
            assertThat(fallbacks()).isZero();

            redis.kill();
            // B is built while Redis is down: it has never had a connection
            try (RedisTokenQuota b = quota(clientB).timeout(Duration.ofSeconds(5)).build()) {
                for (int i = 0; i < 5; i++) {
                    assertThat(decide(a, "carol")).as("A decides locally").isEqualTo(Decision.allow());
                }
                assertThat(decide(a, "carol")).as("within its own local limit")
                        .isEqualTo(Decision.refuse(Duration.ofMinutes(59).plusSeconds(45)));
                for (int i = 0; i < 5; i++) {
                    assertThat(decide(b, "carol")).as("B decides locally, apart from A").isEqualTo(Decision.allow());
                }
                assertThat(decide(b, "carol").allowed()).isFalse();
                assertThat(fallbacks()).isEqualTo(12);
                assertThat(warnings()).as("one WARN per replica for the outage, not one per request").hasSize(2)
                        .allSatisfy(warning -> assertThat(warning)
                                .startsWith("Redis is unavailable (")
                                .contains("the token quota is decided locally, by this replica alone,"
                                        + " until Redis answers again"));

                redis.restart();
                awaitShared(a, keyspace, "probe-a");
                awaitShared(b, keyspace, "probe-b");
                for (int i = 0; i < 3; i++) {
                    assertThat(decide(a, "dave").allowed()).isTrue();
                }
                assertThat(decide(b, "dave").allowed()).isTrue();
                assertThat(decide(b, "dave").allowed()).isTrue();
                assertThat(decide(b, "dave").allowed()).as("A's three and B's two are the shared five").isFalse();
                assertThat(decide(a, "dave").allowed()).isFalse();
                assertThat(logs.messages()).filteredOn(message -> message.startsWith("Redis answers again"))
                        .hasSize(2);

                redis.kill();
                assertThat(decide(a, "erin").allowed()).as("down again: local again").isTrue();
                assertThat(warnings()).as("at most one WARN a minute, however often Redis comes and goes").hasSize(2);
            }
        }
    }

    /** Decides for fresh users until one's count shows up in Redis: this quota is using Redis again. */
    private static void awaitShared(RedisTokenQuota quota, Keyspace keyspace, String probe) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int i = 0; System.nanoTime() < end; i++) {
            String user = probe + i;
            decide(quota, user);
            if (keyspace.keys().stream().anyMatch(key -> key.endsWith(":" + digest(user)))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(quota + " did not use Redis again within 60 s");
    }

    private static String digest(String user) {
        try {
            return Keyspace.digest(user);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void redisKilledUnderABurstLosesNoDecision() throws Exception {
        try (RedisTokenQuota quota = quota(clientA).timeout(Duration.ofSeconds(5)).build();
             Keyspace keyspace = new Keyspace(redis.url())) {
            awaitShared(quota, keyspace, "warm-up");
            CompletableFuture<Void> killed = new CompletableFuture<>();
            AtomicInteger decided = new AtomicInteger();
            Mono<Void> afterTheKill = Mono.fromFuture(killed, true);
            // the first half races the kill (some are in flight when Redis dies), the second half comes after it
            List<Decision> decisions = Flux.range(0, 2000)
                    .flatMap(i -> (i < 1000 ? Mono.<Void>empty() : afterTheKill).then(quota.tryAcquire("burst-" + i))
                            .doOnNext(decision -> {
                                if (decided.incrementAndGet() == 100) {
                                    Thread killer = new Thread(() -> {
                                        redis.kill();
                                        killed.complete(null);
                                    }, "redis-killer");
                                    killer.start();
                                }
                            }), 256)
                    .collectList().block(Duration.ofMinutes(1));
            assertThat(decisions).hasSize(2000).allSatisfy(decision -> assertThat(decision.allowed())
                    .as("each user's first request: allowed, by Redis or locally").isTrue());
            assertThat(fallbacks()).as("at least every decision after the kill was taken locally")
                    .isGreaterThanOrEqualTo(1000);
            assertThat(warnings()).hasSize(1);
        }
    }

    @Test
    void aFrozenRedisHoldsNoDecisionPastTheTimeout() throws Exception {
        try (RedisTokenQuota quota = quota(clientA).timeout(Duration.ofMillis(100)).build();
             Keyspace keyspace = new Keyspace(redis.url())) {
            // the first connection may take longer than 100 ms on a busy machine: wait until Redis decides
            awaitShared(quota, keyspace, "warm-up");
            double timeoutsBefore = fallbacks("local", "timeout");
            double fallbacksBefore = fallbacks();
            redis.pause();
            try {
                assertThat(decide(quota, "alice").allowed()).as("decided while Redis is still frozen").isTrue();
                assertThat(fallbacks("local", "timeout") - timeoutsBefore).isEqualTo(1);
                assertThat(decide(quota, "alice").allowed()).isTrue();
                assertThat(fallbacks() - fallbacksBefore).isEqualTo(2);
                // one WARN: this one, or one the warm-up logged when it timed out (at most one a minute)
                assertThat(warnings()).singleElement().asString().startsWith("Redis is unavailable (");
            } finally {
                redis.resume();
            }
        }
    }

    @Test
    void failOpenAllowsAndFailClosedRefusesWhileRedisIsDown() {
        redis.kill();
        try (RedisTokenQuota open = quota(clientA).failureMode(RedisFailureMode.FAIL_OPEN).build();
             RedisTokenQuota closed = quota(clientB).failureMode(RedisFailureMode.FAIL_CLOSED).build()) {
            for (int i = 0; i < 7; i++) {
                assertThat(decide(open, "alice")).isEqualTo(Decision.allow());
            }
            assertThat(decide(closed, "alice")).as("retry once Redis may be back")
                    .isEqualTo(Decision.refuse(Duration.ofSeconds(1)));
            assertThat(fallbacksOf("fail-open")).isEqualTo(7);
            assertThat(fallbacksOf("fail-closed")).isEqualTo(1);
            assertThat(warnings()).anySatisfy(warning -> assertThat(warning)
                    .contains("decided by allowing everything (FAIL_OPEN)"));
            assertThat(warnings()).anySatisfy(warning -> assertThat(warning)
                    .contains("decided by refusing everything (FAIL_CLOSED)"));
        }
    }
}
