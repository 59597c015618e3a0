package dev.realtimesessions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.testsupport.RedisServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TokenServer's quota, configured by properties alone: none, in memory, or shared by two servers through Redis. */
class TokenServerQuotaTest {

    private static final String QUOTA = "--realtime.openai.endpoint.guardrails.quota.requests=3";
    /** Windows of a century: none ends during the test (real time, here). */
    private static final String PER = "--realtime.openai.endpoint.guardrails.quota.per=36500d";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** What a browser does: fetch the page for the demo cookie, then ask for a session as {@code user}. */
    private final class Browser {
        private final TokenServer server;
        private final String cookie;

        Browser(TokenServer server) throws Exception {
            this.server = server;
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.url()))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            this.cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        }

        int mint(String user) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(server.url() + "realtime/session"))
                    .timeout(Duration.ofSeconds(30)).header("Cookie", cookie)
                    .header(TokenServer.DEMO_USER_HEADER, user)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        }
    }

    @Test
    void twoServersOnOneRedisGrantAUserTheQuotaOnce() throws Exception {
        try (RedisServer redis = RedisServer.start();
             TokenServer one = TokenServer.startLocal(0, false, QUOTA, PER, "--realtime.openai.redis.url=" + redis.url(),
                     "--realtime.openai.redis.timeout=5s");
             TokenServer two = TokenServer.startLocal(0, false, QUOTA, PER, "--realtime.openai.redis.url=" + redis.url(),
                     "--realtime.openai.redis.timeout=5s")) {
            assertThat(one.quota()).startsWith("RedisTokenQuota(3 per PT876000H, keyPrefix=realtime-sessions:");
            List<Browser> browsers = List.of(new Browser(one), new Browser(two));
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(browsers.get(i % 2).mint("alice"));
            }
            assertThat(statuses).containsExactly(200, 200, 200, 429, 429, 429);
            assertThat(browsers.get(1).mint("bob")).as("another user has a quota of their own").isEqualTo(200);
        }
    }

    @Test
    void withoutRedisTheQuotaIsKeptInMemoryPerServer() throws Exception {
        try (TokenServer one = TokenServer.startLocal(0, false, QUOTA, PER);
             TokenServer two = TokenServer.startLocal(0, false, QUOTA, PER)) {
            assertThat(one.quota()).isEqualTo("RealtimeTokenQuota.inMemory(3 per PT876000H)");
            List<Browser> browsers = List.of(new Browser(one), new Browser(two));
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                statuses.add(browsers.get(i % 2).mint("alice"));
            }
            assertThat(statuses).as("each server grants the quota: twice in all")
                    .containsExactly(200, 200, 200, 200, 200, 200, 429, 429);
        }
    }

    @Test
    void withoutAQuotaPropertyThereIsNone() {
        try (TokenServer server = TokenServer.startLocal(0, false)) {
            assertThat(server.quota()).isEqualTo("none");
        }
    }
}
