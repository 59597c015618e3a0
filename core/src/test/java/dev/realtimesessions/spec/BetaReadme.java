package dev.realtimesessions.spec;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The beta {@code POST /realtime/sessions} as the tests check it: OpenAI's April 2025 schemas
 * ({@link OpenApiSpec#BETA_2025_04}, a verbatim copy of {@code shared/spec/realtime-sessions-beta-2025-04.openapi.yaml}),
 * plus the later beta fields and values that {@code shared/spec/README.md} lists.
 */
public final class BetaReadme {

    /** README.md: the request {@code model}'s known values, in its order. */
    public static final List<String> MODELS = List.of("gpt-realtime", "gpt-realtime-2025-08-28",
            "gpt-4o-realtime-preview", "gpt-4o-realtime-preview-2024-10-01", "gpt-4o-realtime-preview-2024-12-17",
            "gpt-4o-realtime-preview-2025-06-03", "gpt-4o-mini-realtime-preview",
            "gpt-4o-mini-realtime-preview-2024-12-17");

    /** README.md: the {@code voice}s (any other string is accepted too). */
    public static final List<String> VOICES =
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

    /**
     * Fields whose 2025-04 descriptions say they "can be set to null" to turn the feature off;
     * {@link SchemaShapeChecker} reads that prose too, and this makes it explicit.
     */
    private static final List<String> NULLABLE_TO_TURN_OFF =
            List.of("input_audio_transcription", "turn_detection", "input_audio_noise_reduction");

    private BetaReadme() {
    }

    /** The 2025-04 {@code RealtimeSessionCreateRequest} of {@code beta} with the README's later fields and models. */
    public static JsonNode requestSchema(OpenApiSpec beta) {
        ObjectNode schema = (ObjectNode) beta.schema("RealtimeSessionCreateRequest").deepCopy();
        ObjectNode properties = (ObjectNode) schema.get("properties");
        OpenApiSpec.YAML.readTree(LATER_REQUEST_FIELDS).properties()
                .forEach(entry -> properties.set(entry.getKey(), entry.getValue()));
        NULLABLE_TO_TURN_OFF.forEach(name -> ((ObjectNode) properties.get(name)).put("nullable", true));
        ArrayNode models = (ArrayNode) properties.get("model").get("enum");
        List<String> published = OpenApiSpec.strings(models);
        MODELS.stream().filter(model -> !published.contains(model)).forEach(models::add);
        return schema;
    }
}
