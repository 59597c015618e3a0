package dev.realtimesessions.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimesessions.ValidationException;
import dev.realtimesessions.adapter.webflux.RealtimeTokenQuota.Decision;
import dev.realtimesessions.testsupport.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The quota against a real redis-server: its counting, its windows and the keys it leaves behind. */
class RedisTokenQuotaTest {

    /** 15 s into a one-minute window: a refusal says retry after 45 s. */
    private static final Instant START = Instant.parse("2026-03-01T10:00:15Z");
    private static final long WINDOW = START.toEpochMilli() / 60_000;

    private static RedisServer redis;
    private static RedisClient client;
    private static Keyspace keyspace;

    private MutableClock clock;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServer.start();
        client = RedisClient.create();
        keyspace = new Keyspace(redis.url());
    }

    @AfterAll
    static void stopRedis() {
        keyspace.close();
        client.shutdown();
        redis.close();
    }

    @BeforeEach
    void emptyRedis() {
        keyspace.flush();
        clock = new MutableClock(START);
    }

    private RedisTokenQuota.Builder quota() {
        return RedisTokenQuota.builder(client, RedisURI.create(redis.url())).clock(clock).timeout(Duration.ofSeconds(10));
    }

    private static Decision decide(RedisTokenQuota quota, String user) {
        Decision[] decision = new Decision[1];
        StepVerifier.create(quota.tryAcquire(user)).consumeNextWith(d -> decision[0] = d).verifyComplete();
        return decision[0];
    }

    @Test
    void grantsEachUserTheLimitPerWindowAndTellsTheRestOfTheWindow() {
        try (RedisTokenQuota quota = quota().limit(3, Duration.ofMinutes(1)).build()) {
            for (int i = 0; i < 3; i++) {
                assertThat(decide(quota, "alice")).isEqualTo(Decision.allow());
            }
            assertThat(decide(quota, "alice")).isEqualTo(Decision.refuse(Duration.ofSeconds(45)));
            assertThat(decide(quota, "bob")).as("users are counted apart").isEqualTo(Decision.allow());

            clock.advance(Duration.ofSeconds(44));
            assertThat(decide(quota, "alice")).isEqualTo(Decision.refuse(Duration.ofSeconds(1)));
            clock.advance(Duration.ofSeconds(1));
            assertThat(decide(quota, "alice")).as("a new window starts afresh").isEqualTo(Decision.allow());
            assertThat(decide(quota, "alice")).isEqualTo(Decision.allow());
            assertThat(decide(quota, "alice")).isEqualTo(Decision.allow());
            assertThat(decide(quota, "alice")).isEqualTo(Decision.refuse(Duration.ofMinutes(1)));
        }
    }

    @Test
    void twoQuotasOnOneRedisShareTheCount() {
        RedisClient other = RedisClient.create();
        try (RedisTokenQuota one = quota().limit(4, Duration.ofMinutes(1)).build();
             StatefulRedisConnection<String, String> connection = other.connect(RedisURI.create(redis.url()));
             RedisTokenQuota two = RedisTokenQuota.builder(connection).clock(clock).limit(4, Duration.ofMinutes(1))
                     .build()) {
            assertThat(decide(one, "alice").allowed()).isTrue();
            assertThat(decide(two, "alice").allowed()).isTrue();
            assertThat(decide(one, "alice").allowed()).isTrue();
            assertThat(decide(two, "alice").allowed()).isTrue();
            assertThat(decide(one, "alice").allowed()).isFalse();
            assertThat(decide(two, "alice").allowed()).isFalse();
        } finally {
            other.shutdown();
        }
    }

    @Test
    void keysAreNamespacedCarryOnlyADigestAndExpireWhenTheirWindowEnds() throws Exception {
        String user = "alice@example.com";
        try (RedisTokenQuota quota = quota().keyPrefix("my-app:rs:").limit(5, Duration.ofMinutes(1)).build()) {
            decide(quota, user);
            decide(quota, user);
            decide(quota, "bob");
        }
        Map<String, String> entries = keyspace.entries();
        assertThat(entries).containsOnly(
                Map.entry("my-app:rs:quota:60000:" + WINDOW + ":" + Keyspace.digest(user), "2"),
                Map.entry("my-app:rs:quota:60000:" + WINDOW + ":" + Keyspace.digest("bob"), "1"));
        entries.forEach((key, value) -> {
            assertThat(key).doesNotContain("alice", "bob", "example");
            long ttl = keyspace.commands().pttl(key);
            assertThat(ttl).as("expires when the window ends, 45 s after the clock's now").isPositive()
                    .isLessThanOrEqualTo(45_000);
        });
    }

    @Test
    void theDefaultPrefixAndADifferentWindowLengthNeverMeetAnotherQuotasKeys() throws Exception {
        try (RedisTokenQuota minute = quota().limit(1, Duration.ofMinutes(1)).build();
             RedisTokenQuota hour = quota().limit(1, Duration.ofHours(1)).build()) {
            assertThat(decide(minute, "alice").allowed()).isTrue();
            assertThat(decide(hour, "alice").allowed()).as("another window length is another count").isTrue();
        }
        assertThat(keyspace.keys()).containsExactlyInAnyOrder(
                "realtime-sessions:quota:60000:" + WINDOW + ":" + Keyspace.digest("alice"),
                "realtime-sessions:quota:3600000:" + START.toEpochMilli() / 3_600_000 + ":" + Keyspace.digest("alice"));
    }

    @Test
    void aServerWithoutTheScriptGetsItWholeAndKeepsCounting() {
        try (RedisTokenQuota quota = quota().limit(2, Duration.ofMinutes(1)).build()) {
            assertThat(decide(quota, "alice").allowed()).isTrue();
            keyspace.commands().scriptFlush();
            assertThat(keyspace.commands().scriptExists(QuotaScript.SHA1)).containsExactly(false);
            assertThat(decide(quota, "alice").allowed()).isTrue();
            assertThat(keyspace.commands().scriptExists(QuotaScript.SHA1)).as("EVAL cached it").containsExactly(true);
            assertThat(decide(quota, "alice").allowed()).isFalse();
        }
    }

    @Test
    void aHealthyRedisCountsNoFallback() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (RedisTokenQuota quota = quota().limit(1, Duration.ofMinutes(1)).meterRegistry(meters).build()) {
            decide(quota, "alice");
            decide(quota, "alice");
        }
        assertThat(meters.find(MicrometerFallbackMeter.NAME).counters()).hasSize(3)
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
    }

    @Test
    void closeClosesTheConnectionItOpenedAndLaterDecisionsFallBack() {
        RedisTokenQuota quota = quota().limit(1, Duration.ofMinutes(1)).failureMode(RedisFailureMode.FAIL_CLOSED).build();
        assertThat(decide(quota, "alice").allowed()).isTrue();
        quota.close();
        quota.close();
        assertThat(decide(quota, "bob").allowed()).as("closed: taken as FAIL_CLOSED says").isFalse();
    }

    @Test
    void closeLeavesAGivenConnectionOpen() {
        try (StatefulRedisConnection<String, String> connection = client.connect(RedisURI.create(redis.url()))) {
            RedisTokenQuota quota = RedisTokenQuota.builder(connection).limit(1, Duration.ofMinutes(1)).build();
            quota.close();
            assertThat(connection.isOpen()).isTrue();
            assertThat(connection.sync().ping()).isEqualTo("PONG");
        }
    }

    @Test
    void theBuilderNamesWhatIsWrong() {
        RedisURI uri = RedisURI.create(redis.url());
        assertThatThrownBy(() -> RedisTokenQuota.builder(null, uri)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("client");
        assertThatThrownBy(() -> RedisTokenQuota.builder(client, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("uri");
        assertThatThrownBy(() -> RedisTokenQuota.builder(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("connection");
        RedisTokenQuota.Builder builder = RedisTokenQuota.builder(client, uri);
        assertThatThrownBy(builder::build).isInstanceOf(ValidationException.class)
                .hasMessageContaining("limit(requests, per)");
        assertThatThrownBy(() -> builder.limit(0, Duration.ofMinutes(1))).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("requests");
        for (Duration per : new Duration[] {null, Duration.ofMillis(999), Duration.ofNanos(1_000_000_001)}) {
            assertThatThrownBy(() -> builder.limit(1, per)).isInstanceOf(ValidationException.class)
                    .extracting("field").isEqualTo("per");
        }
        assertThatThrownBy(() -> builder.keyPrefix(" ")).extracting("field").isEqualTo("keyPrefix");
        assertThatThrownBy(() -> builder.keyPrefix(null)).extracting("field").isEqualTo("keyPrefix");
        assertThatThrownBy(() -> builder.timeout(Duration.ZERO)).extracting("field").isEqualTo("timeout");
        assertThatThrownBy(() -> builder.timeout(null)).extracting("field").isEqualTo("timeout");
        assertThatThrownBy(() -> builder.failureMode(null)).extracting("field").isEqualTo("failureMode");
        assertThatThrownBy(() -> builder.meterRegistry(null)).extracting("field").isEqualTo("meterRegistry");
        assertThatThrownBy(() -> builder.clock(null)).extracting("field").isEqualTo("clock");
    }

    @Test
    void aNullUserIsAnErrorSignalNotAThrow() {
        try (RedisTokenQuota quota = quota().limit(1, Duration.ofMinutes(1)).build()) {
            StepVerifier.create(quota.tryAcquire(null)).expectError(ValidationException.class).verify();
        }
    }

    @Test
    void toStringShowsTheSettingsButNotTheRedisAddressOrPassword() {
        RedisURI withPassword = RedisURI.create("redis://:s3cret-redis-password@127.0.0.1:" + redis.port());
        try (RedisTokenQuota quota = RedisTokenQuota.builder(client, withPassword).limit(10, Duration.ofMinutes(1))
                .failureMode(RedisFailureMode.FAIL_OPEN).build()) {
            assertThat(quota.toString())
                    .isEqualTo("RedisTokenQuota(10 per PT1M, keyPrefix=realtime-sessions:, timeout=PT0.2S,"
                            + " failureMode=FAIL_OPEN)")
                    .doesNotContain("s3cret", "127.0.0.1");
        }
    }
}
