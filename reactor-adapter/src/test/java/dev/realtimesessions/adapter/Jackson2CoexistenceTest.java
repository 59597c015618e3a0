package dev.realtimesessions.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.adapter.testing.Upstream;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Spring Boot 3 application runs on Jackson 2 ({@code com.fasterxml.jackson}); the core keeps its
 * own Jackson 3 ({@code tools.jackson}) streaming codec, so both sit on one class path and the app's
 * Jackson 2 mapper, however configured, does not change what the core sends or reads.
 */
class Jackson2CoexistenceTest {

    /** What a Boot 3 app might hand its browser, serialized by its own Jackson 2 mapper. */
    public record TokenForBrowser(String value, long expiresAt) {
    }

    @Test
    void theCoreMintsNextToJackson2AndTheAppsMapperSerializesTheResult() throws Exception {
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMajorVersion()).as("Jackson 2").isEqualTo(2);
        assertThat(tools.jackson.core.json.PackageVersion.VERSION.getMajorVersion()).as("Jackson 3").isEqualTo(3);

        ObjectMapper bootThreeMapper = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = RealtimeSessions.builder().apiKey(LocalRealtimeEndpoint.API_KEY)
                     .baseUrl(endpoint.baseUrl()).build()) {
            ClientSecretCreateResponse secret = RealtimeSessionsBlocking.of(sessions, Duration.ofSeconds(10))
                    .createClientSecret(Upstream.request());
            assertThat(secret.value()).startsWith("ek_local_");

            String json = bootThreeMapper.writeValueAsString(
                    new TokenForBrowser(secret.value(), secret.expiresAt().getEpochSecond()));
            assertThat(json).contains("\"expires_at\":" + secret.expiresAt().getEpochSecond());
            Map<?, ?> back = bootThreeMapper.readValue(json, Map.class);
            assertThat(back.get("value")).isEqualTo(secret.value());
        }
    }

    @Test
    void bothJacksonsComeFromTheirOwnJars() {
        String jackson2 = ObjectMapper.class.getProtectionDomain().getCodeSource().getLocation().toString();
        String jackson3 = tools.jackson.core.JsonParser.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertThat(jackson2).contains("com/fasterxml/jackson/core/jackson-databind/2.");
        assertThat(jackson3).contains("tools/jackson/core/jackson-core/3.");
    }
}
