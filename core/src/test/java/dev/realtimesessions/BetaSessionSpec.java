package dev.realtimesessions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The beta {@code POST /realtime/sessions} as the tests check it: OpenAI's April 2025 schemas
 * (a verbatim copy of {@code shared/spec/realtime-sessions-beta-2025-04.openapi.yaml} in the test
 * resources), plus the later beta fields that {@code shared/spec/README.md} lists.
 */
final class BetaSessionSpec {

    static final String RESOURCE = "/spec/realtime-sessions-beta-2025-04.openapi.yaml";

    /** README.md: the request {@code model}'s known values, in its order. */
    static final List<String> README_MODELS = List.of("gpt-realtime", "gpt-realtime-2025-08-28",
            "gpt-4o-realtime-preview", "gpt-4o-realtime-preview-2024-10-01", "gpt-4o-realtime-preview-2024-12-17",
            "gpt-4o-realtime-preview-2025-06-03", "gpt-4o-mini-realtime-preview",
            "gpt-4o-mini-realtime-preview-2024-12-17");

    /** README.md: the {@code voice}s (any other string is accepted too). */
    static final List<String> README_VOICES =
            List.of("alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse", "marin", "cedar");

    /**
     * README.md: what OpenAI's SDKs (generated 2026-08) add to the 2025-04 request, as OpenAPI 3.0
     * schemas; {@code tool_choice} also gets the function object its 2025-04 description mentions
     * ("or specify a function") and its three documented modes as an enum.
     */
    private static final String LATER_REQUEST_FIELDS = """
            speed:
              type: number
              minimum: 0.25
              maximum: 1.5
            tracing:
              nullable: true
              oneOf:
              - type: string
                enum: [auto]
              - type: object
                properties:
                  workflow_name: {type: string}
                  group_id: {type: string}
                  metadata: {type: object}
            client_secret:
              type: object
              properties:
                expires_after:
                  type: object
                  properties:
                    anchor: {type: string, enum: [created_at]}
                    seconds: {type: integer, minimum: 10, maximum: 7200}
            tool_choice:
              oneOf:
              - type: string
                enum: [auto, none, required]
              - type: object
                properties:
                  type: {type: string, enum: [function]}
                  name: {type: string}
            """;

    /** Fields whose 2025-04 descriptions say they "can be set to null" to turn the feature off. */
    private static final List<String> NULLABLE_TO_TURN_OFF =
            List.of("input_audio_transcription", "turn_detection", "input_audio_noise_reduction");

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    final JsonNode document;

    BetaSessionSpec() {
        try (InputStream in = BetaSessionSpec.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            document = YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A component schema as published. */
    JsonNode schema(String name) {
        JsonNode schema = document.path("components").path("schemas").path(name);
        if (schema.isMissingNode()) {
            throw new IllegalStateException("the spec has no schema " + name);
        }
        return schema;
    }

    /** A property of a component schema as published. */
    JsonNode property(String schema, String property) {
        JsonNode node = schema(schema).path("properties").path(property);
        if (node.isMissingNode()) {
            throw new IllegalStateException(schema + " has no property " + property);
        }
        return node;
    }

    /** The 2025-04 {@code RealtimeSessionCreateRequest} with the README's later fields. */
    JsonNode currentRequestSchema() {
        ObjectNode schema = (ObjectNode) schema("RealtimeSessionCreateRequest").deepCopy();
        ObjectNode properties = (ObjectNode) schema.get("properties");
        YAML.readTree(LATER_REQUEST_FIELDS).properties().forEach(entry -> properties.set(entry.getKey(), entry.getValue()));
        NULLABLE_TO_TURN_OFF.forEach(name -> ((ObjectNode) properties.get(name)).put("nullable", true));
        ArrayNode models = (ArrayNode) properties.get("model").get("enum");
        List<String> published = strings(models);
        README_MODELS.stream().filter(model -> !published.contains(model)).forEach(models::add);
        return schema;
    }

    /** The string values of an {@code enum} node. */
    static List<String> strings(JsonNode values) {
        return values.valueStream().map(JsonNode::asString).toList();
    }
}
