package dev.realtimesessions.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The request schemas of the three token endpoints, read once from OpenAI's published spec files
 * (kept as resources of this module) with every {@code $ref} resolved, and a validator that checks
 * a request body against them the way the real API answers: the first problem found, as an
 * OpenAI error code and the JSON path of the offending parameter.
 */
final class RequestSchemas {

    private static final String GA_SPEC = "realtime-sessions.openapi.yaml";
    private static final String BETA_SPEC = "realtime-sessions-beta-2025-04.openapi.yaml";
    private static final String ADDITIONS = "local-endpoint-additions.yaml";
    private static final String REF_PREFIX = "#/components/schemas/";

    /** Read on first use, which {@link LocalRealtimeEndpoint#start} makes happen before serving. */
    private static volatile RequestSchemas loaded;

    final JsonNode session;
    final JsonNode transcriptionSession;
    final JsonNode clientSecret;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    private RequestSchemas(JsonNode session, JsonNode transcriptionSession, JsonNode clientSecret) {
        this.session = session;
        this.transcriptionSession = transcriptionSession;
        this.clientSecret = clientSecret;
    }

    /** One problem with a request: an OpenAI error code, the parameter's JSON path and a message. */
    record Violation(String code, String param, String message) {}

    /** The schemas, parsed from the resources on the first call and shared afterwards. */
    static RequestSchemas get() {
        RequestSchemas schemas = loaded;
        if (schemas == null) {
            synchronized (RequestSchemas.class) {
                schemas = loaded;
                if (schemas == null) {
                    schemas = load();
                    loaded = schemas;
                }
            }
        }
        return schemas;
    }

    private static RequestSchemas load() {
        YAMLMapper yaml = YAMLMapper.builder().build();
        JsonNode ga = read(yaml, GA_SPEC);
        JsonNode beta = read(yaml, BETA_SPEC);
        JsonNode additions = read(yaml, ADDITIONS);

        ObjectNode session = (ObjectNode) resolve(beta, "RealtimeSessionCreateRequest");
        ObjectNode sessionProperties = (ObjectNode) session.get("properties");
        additions.get("session").properties().forEach(e -> sessionProperties.set(e.getKey(), e.getValue().deepCopy()));
        markNullable(sessionProperties, additions.get("sessionNullable"));

        ObjectNode earlier = (ObjectNode) resolve(beta, "RealtimeTranscriptionSessionCreateRequest");
        ObjectNode later = (ObjectNode) resolve(ga, "RealtimeTranscriptionSessionCreateRequest");
        ObjectNode transcription = merge(earlier, later);
        ObjectNode transcriptionProperties = (ObjectNode) transcription.get("properties");
        additions.get("transcription").properties()
                .forEach(e -> transcriptionProperties.set(e.getKey(), e.getValue().deepCopy()));
        markNullable(transcriptionProperties, additions.get("transcriptionNullable"));

        JsonNode clientSecret = resolve(ga, "RealtimeCreateClientSecretRequest");
        return new RequestSchemas(session, transcription, clientSecret);
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
                if (prosePermitsNull(object)) {
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

    /**
     * The first problem of {@code value} against {@code schema}, or null when it conforms.
     *
     * @param path the JSON path of {@code value}, empty for the body itself
     */
    Violation validate(JsonNode value, JsonNode schema, String path) {
        if (value.isNull()) {
            return acceptsNull(schema) ? null : typeViolation(value, schema, path);
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            JsonNode alternatives = schema.get(combinator);
            if (alternatives != null && alternatives.isArray()) {
                Violation violation = alternatives(value, alternatives, path);
                if (violation != null) {
                    return violation;
                }
            }
        }
        List<String> types = types(schema);
        if (!types.isEmpty() && types.stream().noneMatch(type -> hasType(value, type))) {
            return typeViolation(value, schema, path);
        }
        JsonNode constant = schema.get("const");
        if (constant != null && !sameValue(constant, value)) {
            return new Violation("invalid_value", path, "Invalid value for '" + label(path) + "': expected "
                    + constant + ", but got " + value + " instead.");
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null && allowed.isArray() && !contains(allowed, value)) {
            List<String> supported = new ArrayList<>();
            allowed.forEach(option -> supported.add("'" + option.asString() + "'"));
            return new Violation("invalid_value", path, "Invalid value: " + value + ". Supported values are: "
                    + String.join(", ", supported) + ".");
        }
        if (value.isNumber()) {
            return range(value, schema, path);
        }
        if (value.isString()) {
            JsonNode pattern = schema.get("pattern");
            if (pattern != null && pattern.isString()
                    && !patterns.computeIfAbsent(pattern.asString(), Pattern::compile).matcher(value.asString()).find()) {
                return new Violation("invalid_value", path, "Invalid '" + label(path) + "': string does not match pattern "
                        + pattern.asString() + ".");
            }
            return null;
        }
        if (value.isArray()) {
            return array(value, schema, path);
        }
        if (value.isObject()) {
            return object(value, schema, path);
        }
        return null;
    }

    private Violation alternatives(JsonNode value, JsonNode alternatives, String path) {
        List<Violation> candidates = new ArrayList<>();
        List<Violation> excluded = new ArrayList<>();
        for (JsonNode alternative : alternatives) {
            Violation violation = validate(value, alternative, path);
            if (violation == null) {
                return null;
            }
            // An object whose "type" an alternative does not allow is not meant for that alternative.
            (excludedByType(value, alternative) ? excluded : candidates).add(violation);
        }
        if (candidates.isEmpty()) {
            candidates = excluded;
        }
        for (Violation violation : candidates) {
            if (!(violation.code().equals("invalid_type") && violation.param().equals(path))) {
                return violation;
            }
        }
        List<String> expected = new ArrayList<>();
        alternatives.forEach(alternative -> types(alternative).stream().filter(t -> !expected.contains(t))
                .forEach(expected::add));
        return new Violation("invalid_type", path, "Invalid type for '" + label(path) + "': expected one of "
                + String.join(", ", expected) + ", but got " + kind(value) + " instead.");
    }

    private static boolean excludedByType(JsonNode value, JsonNode alternative) {
        JsonNode type = value.path("type");
        JsonNode declared = alternative.path("properties").path("type");
        if (!value.isObject() || !type.isString() || declared.isMissingNode()) {
            return false;
        }
        JsonNode allowed = declared.get("enum");
        JsonNode constant = declared.get("const");
        return (allowed != null && !contains(allowed, type)) || (constant != null && !sameValue(constant, type));
    }

    private static Violation range(JsonNode value, JsonNode schema, String path) {
        BigDecimal number = value.decimalValue();
        boolean integer = types(schema).contains("integer");
        JsonNode minimum = schema.get("minimum");
        JsonNode maximum = schema.get("maximum");
        boolean below = minimum != null && minimum.isNumber() && number.compareTo(minimum.decimalValue()) < 0;
        boolean above = maximum != null && maximum.isNumber() && number.compareTo(maximum.decimalValue()) > 0;
        if (!below && !above) {
            return null;
        }
        String bound = below ? ">= " + minimum : "<= " + maximum;
        String what = (integer ? "integer " : "decimal ") + (below ? "below minimum" : "above maximum");
        return new Violation(integer ? "integer_out_of_range" : "invalid_value", path, "Invalid '" + label(path)
                + "': " + what + " value. Expected a value " + bound + ", but got " + value + " instead.");
    }

    private Violation array(JsonNode value, JsonNode schema, String path) {
        JsonNode minItems = schema.get("minItems");
        if (minItems != null && value.size() < minItems.asInt()) {
            return new Violation("invalid_value", path, "Invalid '" + label(path) + "': expected at least "
                    + minItems.asInt() + " items, but got " + value.size() + " instead.");
        }
        JsonNode items = schema.get("items");
        if (items == null || !items.isObject()) {
            return null;
        }
        for (int i = 0; i < value.size(); i++) {
            Violation violation = validate(value.get(i), items, path + "[" + i + "]");
            if (violation != null) {
                return violation;
            }
        }
        return null;
    }

    private Violation object(JsonNode value, JsonNode schema, String path) {
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        JsonNode required = schema.get("required");
        if (required != null) {
            for (JsonNode name : required) {
                if (!value.has(name.asString())) {
                    String param = child(path, name.asString());
                    return new Violation("missing_required_parameter", param,
                            "Missing required parameter: '" + param + "'.");
                }
            }
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String param = child(path, field.getKey());
            JsonNode property = properties == null ? null : properties.get(field.getKey());
            if (property != null) {
                Violation violation = validate(field.getValue(), property, param);
                if (violation != null) {
                    return violation;
                }
            } else if (additional != null && additional.isObject()) {
                Violation violation = validate(field.getValue(), additional, param);
                if (violation != null) {
                    return violation;
                }
            } else if (properties != null && !(additional != null && additional.asBoolean(false))) {
                return new Violation("unknown_parameter", param, "Unknown parameter: '" + param + "'.");
            }
        }
        return null;
    }

    private static boolean acceptsNull(JsonNode schema) {
        if (schema.path("nullable").asBoolean(false) || types(schema).contains("null")
                || (schema.has("default") && schema.get("default").isNull()) || prosePermitsNull(schema)) {
            return true;
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            for (JsonNode alternative : schema.path(combinator)) {
                if (acceptsNull(alternative)) {
                    return true;
                }
            }
        }
        JsonNode allowed = schema.get("enum");
        return allowed != null && contains(allowed, JsonNodeFactory.instance.nullNode());
    }

    /**
     * Whether the description says the value "can be set to `null`": the spec marks many such
     * fields in prose only (see the spec README), and the API accepts the null.
     */
    private static boolean prosePermitsNull(JsonNode schema) {
        return schema.path("description").asString("").contains("set to `null`");
    }

    private static Violation typeViolation(JsonNode value, JsonNode schema, String path) {
        List<String> types = types(schema);
        String expected = types.isEmpty() ? "a value of another type" : String.join(" or ", types);
        return new Violation("invalid_type", path, "Invalid type for '" + label(path) + "': expected " + expected
                + ", but got " + kind(value) + " instead.");
    }

    private static List<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        List<String> types = new ArrayList<>();
        if (type != null && type.isString()) {
            types.add(type.asString());
        } else if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        }
        return types;
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "boolean" -> value.isBoolean();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber()
                    || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static String kind(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        } else if (value.isArray()) {
            return "an array";
        } else if (value.isString()) {
            return "a string";
        } else if (value.isBoolean()) {
            return "a boolean";
        } else if (value.isIntegralNumber()) {
            return "an integer";
        } else if (value.isNumber()) {
            return "a decimal";
        }
        return "null";
    }

    private static boolean contains(JsonNode allowed, JsonNode value) {
        for (JsonNode option : allowed) {
            if (sameValue(option, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String label(String path) {
        return path.isEmpty() ? "body" : path;
    }
}
