package dev.realtimesessions.adapter.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata the build generates from {@link RealtimeSessionsProperties}: what IDEs
 * complete and explain. Every property has its description (the record's {@code @param}) and its
 * default (the {@code @DefaultValue}).
 */
class ConfigurationMetadataTest {

    private static final String P = RealtimeSessionsProperties.PREFIX + ".";

    @Test
    void everyPropertyHasItsDescriptionAndDefault() throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(P + "enabled", "true");
        defaults.put(P + "api-key", null);
        defaults.put(P + "base-url", "https://api.openai.com/v1");
        defaults.put(P + "organization", null);
        defaults.put(P + "project", null);
        defaults.put(P + "connect-timeout", "5s");
        defaults.put(P + "attempt-timeout", "15s");
        defaults.put(P + "timeout", "45s");
        defaults.put(P + "max-retries", "2");
        defaults.put(P + "max-connections", "2000");
        defaults.put(P + "max-pending-acquires", "20000");
        defaults.put(P + "azure.resource-url", null);
        defaults.put(P + "azure.api-key", null);
        defaults.put(P + "azure.token-scope", "https://cognitiveservices.azure.com/.default");
        defaults.put(P + "azure.token-refresh-margin", "5m");
        defaults.put(P + "endpoint.enabled", "false");
        defaults.put(P + "endpoint.path", "/realtime/session");
        defaults.put(P + "endpoint.mode", "client-secrets");
        defaults.put(P + "endpoint.model", "gpt-realtime");
        defaults.put(P + "endpoint.instructions", null);
        defaults.put(P + "endpoint.voice", null);
        defaults.put(P + "endpoint.secret-lifetime", null);
        defaults.put(P + "endpoint.guardrails.allowed-models", null);
        defaults.put(P + "endpoint.guardrails.allowed-voices", null);
        defaults.put(P + "endpoint.guardrails.max-secret-lifetime", null);
        defaults.put(P + "endpoint.guardrails.quota.requests", null);
        defaults.put(P + "endpoint.guardrails.quota.per", "1m");
        defaults.put(P + "call-endpoint.enabled", "false");
        defaults.put(P + "call-endpoint.path", "/realtime/call");
        defaults.put(P + "call-endpoint.max-duration", "10m");
        defaults.put(P + "call-endpoint.max-calls-per-user", "2");
        defaults.put(P + "call-endpoint.api", "realtime");
        defaults.put(P + "call-endpoint.live-model", "gpt-live-1");
        defaults.put(P + "webhook.enabled", "false");
        defaults.put(P + "webhook.path", "/realtime/webhook");
        defaults.put(P + "webhook.secrets", null);
        defaults.put(P + "webhook.tolerance", "5m");
        defaults.put(P + "webhook.handler-timeout", "5s");
        defaults.put(P + "webhook.reject-status", "480");
        defaults.put(P + "webhook.max-body-size", "64KB");
        defaults.put(P + "webhook.max-duration", "10m");

        Map<String, JsonNode> properties = new LinkedHashMap<>();
        try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
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
    }
}
