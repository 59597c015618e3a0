package dev.realtimesessions.redis.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.adapter.boot.RealtimeSessionsAutoConfiguration;
import dev.realtimesessions.adapter.webflux.RealtimeTokenAuthorizer;
import dev.realtimesessions.adapter.webflux.TokenGuardrails;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.testsupport.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two Spring Boot applications, configured by properties alone, share one Redis: the auto-configured
 * token endpoints grant a user the quota once between them.
 */
class TwoBootReplicasTest {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
            WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class, RealtimeSessionsAutoConfiguration.class,
            RealtimeRedisAutoConfiguration.class})
    static class App {
        @Bean
        RealtimeTokenAuthorizer realtimeTokenAuthorizer() {
            return RealtimeTokenAuthorizer.permitAll();
        }

        /** Each application its own event loops: closing one must not stop the other's. */
        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            resources.setShutdownQuietPeriod(Duration.ZERO);
            return resources;
        }
    }

    private static ConfigurableApplicationContext replica(LocalRealtimeEndpoint local, RedisServer redis) {
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.REACTIVE)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
                        "realtime.openai.api-key=" + LocalRealtimeEndpoint.API_KEY,
                        "realtime.openai.base-url=" + local.baseUrl(),
                        "realtime.openai.endpoint.enabled=true",
                        "realtime.openai.endpoint.guardrails.quota.requests=3",
                        // windows of a century: none ends during the test (real time, here)
                        "realtime.openai.endpoint.guardrails.quota.per=36500d",
                        "realtime.openai.redis.url=" + redis.url(),
                        // a busy machine must not turn a slow first answer into a local decision here
                        "realtime.openai.redis.timeout=5s")
                .run();
    }

    private static WebTestClient client(ConfigurableApplicationContext app) {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void theAutoConfiguredEndpointsOfTwoApplicationsShareTheQuota() throws Exception {
        try (RedisServer redis = RedisServer.start();
             LocalRealtimeEndpoint local = LocalRealtimeEndpoint.start();
             ConfigurableApplicationContext one = replica(local, redis);
             ConfigurableApplicationContext two = replica(local, redis)) {
            List<WebTestClient> clients = List.of(client(one), client(two));
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                // the body is read: an unread one would hold a pooled buffer
                statuses.add(clients.get(i % 2).post().uri("/realtime/session").exchange()
                        .expectBody().returnResult().getStatus().value());
            }
            assertThat(statuses).containsExactly(200, 200, 200, 429, 429, 429, 429, 429);
            clients.get(1).post().uri("/realtime/session").exchange()
                    .expectStatus().isEqualTo(429)
                    .expectHeader().exists("Retry-After")
                    .expectBody().jsonPath("$.error.rule").isEqualTo("quota");

            RedisClient inspector = RedisClient.create(redis.url());
            try (StatefulRedisConnection<String, String> connection = inspector.connect()) {
                String digest = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest
                        .getInstance("SHA-256").digest(TokenGuardrails.ANONYMOUS.getBytes(StandardCharsets.UTF_8)));
                List<String> keys = connection.sync().keys("*");
                assertThat(keys).singleElement().asString()
                        .startsWith("realtime-sessions:quota:3153600000000:").endsWith(":" + digest);
                assertThat(connection.sync().get(keys.get(0))).isEqualTo("3");
            } finally {
                inspector.shutdown();
            }
        }
    }
}
