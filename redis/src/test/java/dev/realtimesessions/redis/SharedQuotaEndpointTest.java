package dev.realtimesessions.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.adapter.webflux.RealtimeTokenAuthorizer;
import dev.realtimesessions.adapter.webflux.RealtimeTokenEndpoint;
import dev.realtimesessions.adapter.webflux.TokenGuardrails;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.testsupport.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.reactive.function.server.RouterFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Two replicas of a WebFlux application, each with its own token endpoint, client and Lettuce
 * connection, share one Redis: a burst of 1,000 concurrent requests for one user, spread over both,
 * mints exactly the quota. Nothing in Redis names the user, the API key or a minted secret.
 */
class SharedQuotaEndpointTest {

    private static final int LIMIT = 300;
    private static final int REQUESTS = 1000;
    private static final String USER = "alice@example.com";
    private static final Pattern SECRET = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"");

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T10:00:15Z"));
    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();

    private static RedisServer redis;
    private static LocalRealtimeEndpoint local;
    private static final List<Replica> REPLICAS = new ArrayList<>();
    private static ConnectionProvider connections;
    private static HttpClient http;

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
            WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class})
    static class App {
    }

    /** One replica: its own client to OpenAI (here the local endpoint), its own Redis client and quota, its own server. */
    record Replica(RealtimeSessions sessions, RedisClient redisClient, RedisTokenQuota quota,
            ConfigurableApplicationContext app) {

        static Replica start() {
            RealtimeSessions sessions = RealtimeSessions.builder().apiKey(LocalRealtimeEndpoint.API_KEY)
                    .baseUrl(local.baseUrl()).build();
            RedisClient redisClient = RedisClient.create();
            // generous: this test is about exact counting, and a busy machine must not turn a slow answer into a local decision
            RedisTokenQuota quota = RedisTokenQuota.builder(redisClient, RedisURI.create(redis.url()))
                    .limit(LIMIT, Duration.ofMinutes(1)).timeout(Duration.ofSeconds(10)).clock(CLOCK)
                    .meterRegistry(METERS).build();
            RouterFunction<?> routes = RealtimeTokenEndpoint.builder(sessions)
                    .authorizer(RealtimeTokenAuthorizer.permitAll())
                    .guardrails(TokenGuardrails.builder().quota(quota)
                            .user(request -> Mono.justOrEmpty(request.headers().firstHeader("X-User"))).build())
                    .build().routerFunction();
            ConfigurableApplicationContext app = new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
                    .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off")
                    .initializers(context -> {
                        GenericApplicationContext generic = (GenericApplicationContext) context;
                        generic.registerBean("tokenRoutes", RouterFunction.class, () -> routes);
                        generic.registerBean(ReactorResourceFactory.class, () -> {
                            ReactorResourceFactory resources = new ReactorResourceFactory();
                            resources.setUseGlobalResources(false);
                            resources.setShutdownQuietPeriod(Duration.ZERO);
                            return resources;
                        });
                    })
                    .run();
            return new Replica(sessions, redisClient, quota, app);
        }

        String url() {
            return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/realtime/session";
        }

        void stop() {
            app.close();
            quota.close();
            redisClient.shutdown();
            sessions.close();
        }
    }

    record Answer(int status, String body) {
    }

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.start();
        local = LocalRealtimeEndpoint.start();
        REPLICAS.add(Replica.start());
        REPLICAS.add(Replica.start());
        connections = ConnectionProvider.builder("shared-quota-test").maxConnections(REQUESTS)
                .pendingAcquireMaxCount(-1).build();
        http = HttpClient.create(connections).responseTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        connections.dispose();
        REPLICAS.forEach(Replica::stop);
        local.close();
        redis.close();
    }

    private static Mono<Answer> post(String url, String user) {
        return http.headers(headers -> headers.set("X-User", user)).post().uri(url)
                .responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                        .map(text -> new Answer(response.status().code(), text)));
    }

    @Test
    void aThousandConcurrentRequestsOverTwoReplicasMintExactlyTheQuotaAndLeaveNoSecretInRedis() throws Exception {
        // One mint on each replica first: the local endpoint (not under test) fills its Jackson caches
        // under a lock on the first request, which a burst would find held.
        for (Replica replica : REPLICAS) {
            assertThat(post(replica.url(), "warm-up").map(Answer::status).block(Duration.ofSeconds(30))).isEqualTo(200);
        }
        try (Keyspace keyspace = new Keyspace(redis.url())) {
            keyspace.flush();
        }

        List<Answer> answers = Flux.range(0, REQUESTS)
                .flatMap(i -> post(REPLICAS.get(i % 2).url(), USER), REQUESTS)
                .collectList().block(Duration.ofMinutes(2));

        Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
        assertThat(statuses).isEqualTo(Map.of(200, (long) LIMIT, 429, (long) (REQUESTS - LIMIT)));
        assertThat(METERS.find(MicrometerFallbackMeter.NAME).counters())
                .as("every decision came from Redis").allSatisfy(counter -> assertThat(counter.count()).isZero());
        Map<Integer, Long> grantedPerReplica = new HashMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            if (answers.get(i).status() == 200) {
                grantedPerReplica.merge(i % 2, 1L, Long::sum);
            }
        }
        assertThat(grantedPerReplica).as("both replicas minted; together, exactly the quota").hasSize(2);

        List<String> secrets = answers.stream().filter(answer -> answer.status() == 200).map(answer -> {
            Matcher matcher = SECRET.matcher(answer.body());
            assertThat(matcher.find()).as(answer.body()).isTrue();
            return matcher.group(1);
        }).toList();
        assertThat(secrets).hasSize(LIMIT).allSatisfy(secret -> assertThat(secret).startsWith("ek_"));
        try (Keyspace keyspace = new Keyspace(redis.url())) {
            Map<String, String> entries = keyspace.entries();
            assertThat(entries).containsExactly(Map.entry("realtime-sessions:quota:60000:"
                    + CLOCK.millis() / 60_000 + ":" + Keyspace.digest(USER), Integer.toString(LIMIT)));
            List<String> secretsAndNames = new ArrayList<>(secrets);
            secretsAndNames.addAll(List.of(USER, "alice", LocalRealtimeEndpoint.API_KEY));
            entries.forEach((key, value) -> {
                for (String secret : secretsAndNames) {
                    assertThat(key).doesNotContain(secret);
                    assertThat(value).doesNotContain(secret);
                }
            });
        }

        CLOCK.advance(Duration.ofMinutes(1));
        Function<Integer, Integer> statusOn = replica -> post(REPLICAS.get(replica).url(), USER)
                .map(Answer::status).block(Duration.ofSeconds(30));
        assertThat(statusOn.apply(0)).as("the next window starts afresh, on every replica").isEqualTo(200);
        assertThat(statusOn.apply(1)).isEqualTo(200);
    }
}
