package dev.realtimesessions.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.CallListener;
import dev.realtimesessions.RateGateState;
import dev.realtimesessions.RateLimitException;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RealtimeSessionsException;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.SharedRateGate;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.testsupport.Eventually;
import dev.realtimesessions.testsupport.LogCapture;
import dev.realtimesessions.testsupport.RedisServer;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.util.context.ContextView;

/**
 * Replicas, each a {@link RealtimeSessions} client with its own {@link RedisSharedRateGate} and
 * Lettuce client, share one real {@code redis-server} against one loopback server that stands in
 * for OpenAI: what one learns from an answer holds or paces the others, through Redis. Outcomes
 * are counted (requests, 429s, holds), never timed; waits are bounds for what must happen.
 */
class RedisSharedRateGateTest {

    private static final String API_KEY = "sk-redis-gate-test-0123456789";
    private static final String PROJECT = "proj_never_in_redis";
    private static final String SECRET = "ek_test_minimal_secret";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private RedisServer redis;
    private OpenAiStandIn server;
    private LogCapture logs;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
        server = new OpenAiStandIn();
        logs = LogCapture.debug("dev.realtimesessions.redis");
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        logs.close();
        server.close();
        redis.close();
    }

    /** One replica: its own Lettuce client (commands fail at once while disconnected), gate and RealtimeSessions. */
    private Replica replica() {
        return replica(meters);
    }

    private Replica replica(SimpleMeterRegistry registry) {
        RedisClient client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        closing.add(client::shutdown);
        RedisSharedRateGate gate = RedisSharedRateGate.builder(client, RedisURI.create(redis.url()))
                .timeout(Duration.ofSeconds(5)).meterRegistry(registry).build();
        closing.add(gate);
        Replica replica = new Replica(gate);
        RealtimeSessions sessions = RealtimeSessions.builder().apiKey(API_KEY).project(PROJECT)
                .baseUrl(server.baseUrl()).retryPolicy(RetryPolicy.none())
                .sharedRateGate(replica).callListener(replica).build();
        closing.add(sessions);
        replica.sessions = sessions;
        return replica;
    }

    @Test
    void aHoldOneReplicaMeetsHoldsTheOtherWhichNeverMeetsA429() throws Exception {
        Replica a = replica();
        Replica b = replica();
        server.refuseNext(1, "2");
        assertThat(a.call()).as("A meets the 429").isInstanceOf(RateLimitException.class);
        b.awaitHeard(RateGateState::isHold);
        Map<String, String> keys = keyspace();
        assertThat(keys).as("the hold, kept until it ends").hasSize(1);
        assertNoSecretIn(keys);

        assertThat(b.call()).as("B's call, held until the hold ends, then answered").isNull();
        assertThat(b.holds).as("B was held").hasSize(1);
        assertThat(b.attempts.get()).isEqualTo(1);
        assertThat(server.refused.get()).as("429s: A's alone").isEqualTo(1);
        assertThat(server.requests.get()).isEqualTo(2);
        assertThat(keyspace()).as("expired with the hold").isEmpty();
    }

    @Test
    void aPaceOneReplicaLearnsPacesTheOther() throws Exception {
        // every answer: a bucket of ten, empty, whole again in ten seconds (one back every second)
        server.rateLimitHeaders(Map.of("x-ratelimit-limit-requests", "10", "x-ratelimit-remaining-requests", "0",
                "x-ratelimit-reset-requests", "10s"));
        Replica a = replica();
        Replica b = replica();
        assertThat(a.call()).isNull();
        b.awaitHeard(state -> state.interval().equals(Duration.ofSeconds(1)));

        List<Throwable> outcomes = Flux.merge(b.callMono(), b.callMono()).collectList().block(WAIT);
        assertThat(outcomes).as("both answered").isEmpty();
        assertThat(b.holds).as("B paced both calls at A's rate before any answer of its own").hasSize(2);
        assertThat(server.refused.get()).isZero();
        Map<String, String> keys = keyspace();
        assertThat(keys).as("one key per credential under pressure").hasSize(1);
        assertThat(keys.keySet()).singleElement().asString().matches("realtime-sessions:gate:[A-Za-z0-9_-]{22}");
        assertThat(keys.values()).singleElement().asString().startsWith("1;").contains(";10;1000000000;");
        assertNoSecretIn(keys);
    }

    @Test
    void redisKilledMidRunLeavesEachReplicaOnItsOwnGateWithAWarningAndSharingResumesAfterARestart()
            throws Exception {
        Replica a = replica();
        Replica b = replica();
        assertThat(a.call()).isNull();
        assertThat(b.call()).isNull();

        redis.kill();
        server.refuseNext(1, "1");
        assertThat(a.call()).isInstanceOf(RateLimitException.class);
        Eventually.await("a WARN that Redis is unavailable", () -> !warnings().isEmpty(), WAIT);
        Eventually.await("the dropped state counted", () -> fallbacks() >= 1, WAIT);
        assertThat(warnings()).first().asString().contains("the rate gate is decided locally");
        for (int i = 0; i < 3; i++) {
            assertThat(a.call()).as("A goes on, on its own gate").isNull();
            assertThat(b.call()).as("B goes on, on its own gate").isNull();
        }
        assertThat(a.holds).as("A's own 429 held A").isNotEmpty();

        redis.restart();
        int heardBefore = b.heard.size();
        Eventually.await("sharing resumed", () -> {
            // another 429 for A, until B hears of one through the restarted Redis
            server.refuseNext(1, "1");
            a.call();
            return Eventually.within(() -> b.heard.size() != heardBefore, Duration.ofSeconds(2));
        }, Duration.ofSeconds(90));
        assertThat(b.heard.get(b.heard.size() - 1).isHold()).isTrue();
        Eventually.await("an INFO that Redis answers again",
                () -> logs.messages().stream().anyMatch(message -> message.startsWith("Redis answers again")), WAIT);
        assertThat(warnings()).as("one WARN per replica for the outage, at most").hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aReplicaStartedMidHoldLearnsTheHoldAndSkipsWhatItCannotRead() throws Exception {
        Replica a = replica();
        server.refuseNext(1, "6");
        try (Keyspace keyspace = new Keyspace(redis.url())) {
            keyspace.commands().set("realtime-sessions:gate:AAAAAAAAAAAAAAAAAAAAAA", "not a state");
            assertThat(a.call()).isInstanceOf(RateLimitException.class);
            Eventually.await("A's hold kept in Redis", () -> keyspace.keys().size() == 2, WAIT);
        }

        SimpleMeterRegistry metersOfC = new SimpleMeterRegistry();
        Replica c = replica(metersOfC);
        c.awaitHeard(RateGateState::isHold);
        assertThat(metersOfC.get(MicrometerFallbackMeter.MALFORMED).tag("use", "rate-gate").counter().count())
                .as("the value that is not a state, skipped").isEqualTo(1);
        assertThat(c.call()).as("C's call, held until A's hold ends, then answered").isNull();
        assertThat(c.holds).hasSize(1);
        assertThat(server.refused.get()).isEqualTo(1);
    }

    private Map<String, String> keyspace() {
        try (Keyspace keyspace = new Keyspace(redis.url())) {
            return keyspace.entries();
        }
    }

    private static void assertNoSecretIn(Map<String, String> keys) {
        assertThat(keys).isNotEmpty();
        keys.forEach((key, value) -> {
            for (String secret : List.of(API_KEY, PROJECT, SECRET, "sk-", "proj_", "ek_")) {
                assertThat(key).doesNotContain(secret);
                assertThat(value).doesNotContain(secret);
            }
        });
    }

    private List<String> warnings() {
        return logs.messages().stream().filter(message -> message.startsWith("Redis is unavailable")).toList();
    }

    private double fallbacks() {
        return meters.find(MicrometerFallbackMeter.NAME).tag("use", "rate-gate").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    /**
     * One replica's shared gate, as its client sees it: the Redis gate, with every state delivered
     * to the client recorded once the client has taken it in (so that a call made afterwards finds
     * it merged); and its calls' events.
     */
    private static final class Replica implements SharedRateGate, CallListener.Factory {
        final List<RateGateState> heard = new CopyOnWriteArrayList<>();
        final List<Duration> holds = new CopyOnWriteArrayList<>();
        final AtomicInteger attempts = new AtomicInteger();
        private final RedisSharedRateGate gate;
        RealtimeSessions sessions;

        Replica(RedisSharedRateGate gate) {
            this.gate = gate;
        }

        @Override
        public void publish(RateGateState state) {
            gate.publish(state);
        }

        @Override
        public Flux<RateGateState> news() {
            return Flux.create(sink -> {
                Disposable subscription = gate.news().subscribe(state -> {
                    sink.next(state);
                    heard.add(state);
                }, sink::error, sink::complete);
                sink.onDispose(subscription);
            });
        }

        void awaitHeard(Predicate<RateGateState> what) throws Exception {
            Eventually.await("a state heard through Redis", () -> heard.stream().anyMatch(what), WAIT);
        }

        Mono<Throwable> callMono() {
            return sessions.createClientSecret(ClientSecretCreateRequest.builder().build())
                    .materialize().flatMap(signal -> signal.isOnError() ? Mono.just(signal.getThrowable())
                            : Mono.empty());
        }

        /** One call: null if it succeeded, else its error. */
        Throwable call() {
            Signal<?> signal = sessions.createClientSecret(ClientSecretCreateRequest.builder().build())
                    .materialize().block(WAIT);
            assertThat(signal).isNotNull();
            return signal.isOnError() ? signal.getThrowable() : null;
        }

        @Override
        public CallListener callStarted(String endpoint, ContextView context) {
            return new CallListener() {
                @Override
                public void attemptStarted(int attempt, BiConsumer<String, String> requestHeaders) {
                    attempts.incrementAndGet();
                }

                @Override
                public void rateGateHeld(Duration wait) {
                    holds.add(wait);
                }

                @Override
                public void attemptFailed(int attempt, RealtimeSessionsException error) {
                }
            };
        }
    }

    /** OpenAI's {@code POST /realtime/client_secrets} on loopback: 429s when told, else a secret with the headers set. */
    private static final class OpenAiStandIn implements AutoCloseable {
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        private final AtomicInteger refusals = new AtomicInteger();
        private volatile String retryAfter = "1";
        private volatile Map<String, String> headers = Map.of();
        private final DisposableServer server;

        OpenAiStandIn() {
            server = HttpServer.create().host("127.0.0.1").port(0)
                    .handle((request, response) -> request.receive().then(Mono.defer(() -> {
                        requests.incrementAndGet();
                        response.header("content-type", "application/json");
                        if (refusals.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                            refused.incrementAndGet();
                            return response.status(429).header("retry-after", retryAfter)
                                    .sendString(Mono.just("{\"error\":{\"message\":\"Rate limit reached\","
                                            + "\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}"))
                                    .then();
                        }
                        headers.forEach(response::header);
                        return response.status(200).sendString(Mono.just("{\"value\":\"" + SECRET
                                + "\",\"expires_at\":1756310470,\"session\":{\"type\":\"realtime\"}}")).then();
                    })))
                    .bindNow();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.port() + "/v1";
        }

        void refuseNext(int count, String retryAfterSeconds) {
            retryAfter = retryAfterSeconds;
            refusals.set(count);
        }

        void rateLimitHeaders(Map<String, String> headers) {
            this.headers = headers;
        }

        @Override
        public void close() {
            server.disposeNow();
        }
    }
}
