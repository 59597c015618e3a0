package dev.realtimesessions.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The request schemas of every endpoint the local endpoint serves, read once from OpenAI's
 * published spec files (kept verbatim as resources of this module) with every {@code $ref}
 * resolved; {@link SchemaValidator} checks bodies against them.
 */
final class RequestSchemas {

    private static final String GA_SPEC = "realtime-sessions.openapi.yaml";
    private static final String BETA_SPEC = "realtime-sessions-beta-2025-04.openapi.yaml";
    private static final String CALLS_LIVE_SPEC = "realtime-calls-live.openapi.yaml";
    private static final String ADDITIONS = "local-endpoint-additions.yaml";
    private static final String LIVE_PLACEHOLDERS = "live-placeholders.yaml";
    private static final String TRANSLATION = "translation-client-secrets.yaml";
    private static final String REF_PREFIX = "#/components/schemas/";

    /** Read on first use, which {@link LocalRealtimeEndpoint#start} makes happen before serving. */
    private static volatile @Nullable RequestSchemas loaded;

    /** The beta {@code POST /realtime/sessions} body. */
    final JsonNode session;
    /** The beta {@code POST /realtime/transcription_sessions} body. */
    final JsonNode transcriptionSession;
    /** The GA {@code POST /realtime/client_secrets} body. */
    final JsonNode clientSecret;
    /** {@code POST /realtime/translations/client_secrets}, from OpenAI's SDK sources. */
    final JsonNode translationClientSecret;
    /** The GA realtime session: the {@code session} part of a call, the body of {@code accept}. */
    final JsonNode callSession;
    /** The body of {@code POST /realtime/calls/{id}/reject}. */
    final JsonNode callReject;
    /** The body of {@code POST /realtime/calls/{id}/refer}. */
    final JsonNode callRefer;
    /** The body of {@code POST /live/sessions}. */
    final JsonNode liveCreate;
    /** The body of {@code POST /live/sessions/{id}/accept}. */
    final JsonNode liveAccept;
    /** The body of {@code POST /live/sessions/{id}/reject}. */
    final JsonNode liveReject;
    /** The body of {@code POST /live/sessions/{id}/refer}. */
    final JsonNode liveRefer;
    /** The body of {@code POST /live/sessions/{id}/fork}. */
    final JsonNode liveFork;

    private RequestSchemas(YAMLMapper yaml) {
        JsonNode ga = read(yaml, GA_SPEC);
        JsonNode beta = read(yaml, BETA_SPEC);
        JsonNode additions = read(yaml, ADDITIONS);

        ObjectNode betaSession = (ObjectNode) resolve(beta, "RealtimeSessionCreateRequest");
        ObjectNode sessionProperties = (ObjectNode) betaSession.get("properties");
        additions.get("session").properties().forEach(e -> sessionProperties.set(e.getKey(), e.getValue().deepCopy()));
        markNullable(sessionProperties, additions.get("sessionNullable"));
        session = betaSession;

        ObjectNode earlier = (ObjectNode) resolve(beta, "RealtimeTranscriptionSessionCreateRequest");
        ObjectNode later = (ObjectNode) resolve(ga, "RealtimeTranscriptionSessionCreateRequest");
        ObjectNode transcription = merge(earlier, later);
        ObjectNode transcriptionProperties = (ObjectNode) transcription.get("properties");
        additions.get("transcription").properties()
                .forEach(e -> transcriptionProperties.set(e.getKey(), e.getValue().deepCopy()));
        markNullable(transcriptionProperties, additions.get("transcriptionNullable"));
        transcriptionSession = transcription;

        clientSecret = resolve(ga, "RealtimeCreateClientSecretRequest");
        translationClientSecret = read(yaml, TRANSLATION);

        JsonNode callsLive = withPlaceholdersFilled(read(yaml, CALLS_LIVE_SPEC), read(yaml, LIVE_PLACEHOLDERS));
        callSession = resolve(callsLive, "RealtimeSessionCreateRequestGA");
        callReject = resolve(callsLive, "RealtimeCallRejectRequest");
        callRefer = resolve(callsLive, "RealtimeCallReferRequest");
        liveCreate = resolve(callsLive, "LiveCreateRequest");
        liveAccept = resolve(callsLive, "LiveCallAcceptRequest");
        liveReject = resolve(callsLive, "LiveCallRejectRequest");
        liveRefer = resolve(callsLive, "LiveCallReferRequest");
        liveFork = resolve(callsLive, "LiveForkRequest");
    }

    /** The schemas, parsed from the resources on the first call and shared afterwards. */
    static RequestSchemas get() {
        RequestSchemas schemas = loaded;
        if (schemas == null) {
            synchronized (RequestSchemas.class) {
                schemas = loaded;
                if (schemas == null) {
                    schemas = new RequestSchemas(YAMLMapper.builder().build());
                    loaded = schemas;
                }
            }
        }
        return schemas;
    }

    /**
     * The document with each schema marked {@code x-not-extracted} replaced by the schema of the
     * same name in {@code placeholders}; a placeholder without a replacement is an error, so that
     * no Live request is ever checked against an empty schema.
     */
    private static JsonNode withPlaceholdersFilled(JsonNode document, JsonNode placeholders) {
        ObjectNode filled = (ObjectNode) document.deepCopy();
        ObjectNode schemas = (ObjectNode) filled.path("components").path("schemas");
        List.copyOf(schemas.propertyNames()).forEach(name -> {
            if (schemas.get(name).path("x-not-extracted").asBoolean(false)) {
                JsonNode replacement = placeholders.get(name);
                if (replacement == null) {
                    throw new IllegalStateException("No schema in " + LIVE_PLACEHOLDERS + " for the placeholder " + name);
                }
                schemas.set(name, replacement.deepCopy());
            }
        });
        return filled;
    }

    private static JsonNode read(YAMLMapper yaml, String resource) {
        try (InputStream in = RequestSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource + " of the local endpoint");
            }
            return yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void markNullable(ObjectNode properties, JsonNode names) {
        for (JsonNode name : names) {
            JsonNode property = properties.get(name.asString());
            if (property instanceof ObjectNode object) {
                object.put("nullable", true);
            }
        }
    }

    /**
     * Two versions of one object schema as one: every property either declares, and a property
     * both declare accepts what either accepts.
     */
    private static ObjectNode merge(ObjectNode first, ObjectNode second) {
        ObjectNode merged = first.deepCopy();
        ObjectNode properties = (ObjectNode) merged.get("properties");
        second.get("properties").properties().forEach(e -> {
            JsonNode existing = properties.get(e.getKey());
            if (existing == null) {
                properties.set(e.getKey(), e.getValue());
            } else {
                ObjectNode either = JsonNodeFactory.instance.objectNode();
                either.putArray("anyOf").add(existing).add(e.getValue());
                properties.set(e.getKey(), either);
            }
        });
        return merged;
    }

    /** The named component schema of {@code document} with every {@code $ref} in it replaced by its target. */
    private static JsonNode resolve(JsonNode document, String name) {
        return inline(document, document.path("components").path("schemas").get(name), new ArrayDeque<>(List.of(name)));
    }

    private static JsonNode inline(JsonNode document, JsonNode node, Deque<String> stack) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith(REF_PREFIX)) {
                String name = ref.asString().substring(REF_PREFIX.length());
                JsonNode target = document.path("components").path("schemas").get(name);
                if (target == null || stack.contains(name)) {
                    throw new IllegalStateException("Cannot resolve " + ref.asString() + " in the spec");
                }
                stack.push(name);
                ObjectNode resolved = (ObjectNode) inline(document, target, stack);
                stack.pop();
                // OpenAPI 3.1 allows keywords beside $ref (description, nullable, default): keep them.
                if (SchemaNulls.prosePermitsNull(object)) {
                    resolved.put("nullable", true);
                }
                object.properties().forEach(e -> {
                    if (!e.getKey().equals("$ref") && !resolved.has(e.getKey())) {
                        resolved.set(e.getKey(), e.getValue().deepCopy());
                    }
                });
                return resolved;
            }
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            object.properties().forEach(e -> copy.set(e.getKey(), inline(document, e.getValue(), stack)));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> copy.add(inline(document, element, stack)));
            return copy;
        }
        return node;
    }
}
