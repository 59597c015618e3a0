package dev.realtimesessions.redis.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata the build generates from {@link RealtimeRedisProperties}: every
 * {@code realtime.openai.redis.*} property has its description and default, as IDEs show them.
 */
class ConfigurationMetadataTest {

    @Test
    void everyPropertyHasItsDescriptionAndDefault() throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("realtime.openai.redis.url", null);
        defaults.put("realtime.openai.redis.key-prefix", "realtime-sessions:");
        defaults.put("realtime.openai.redis.timeout", "200ms");
        defaults.put("realtime.openai.redis.failure-mode", "local");
        defaults.put("realtime.openai.redis.share-rate-gate", "true");

        Map<String, JsonNode> properties = new LinkedHashMap<>();
        try (InputStream metadata = RealtimeRedisProperties.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            assertThat(metadata).as("the configuration processor ran").isNotNull();
            new ObjectMapper().readTree(metadata).get("properties")
                    .forEach(property -> properties.put(property.get("name").asText(), property));
        }
        assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(defaults.keySet());
        defaults.forEach((name, value) -> {
            JsonNode property = properties.get(name);
            assertThat(property.path("description").asText()).as("description of %s", name).isNotBlank();
            assertThat(property.has("defaultValue") ? property.get("defaultValue").asText() : null)
                    .as("default of %s", name).isEqualTo(value);
        });
        assertThat(properties.get("realtime.openai.redis.failure-mode").get("type").asText())
                .isEqualTo("dev.realtimesessions.redis.RedisFailureMode");
    }
}
