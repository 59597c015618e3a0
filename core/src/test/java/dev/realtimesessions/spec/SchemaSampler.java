package dev.realtimesessions.spec;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates a document that sets every property a schema declares, recursively: what a server
 * answering with every field would send. Unions ({@code anyOf}/{@code oneOf}) take their
 * {@code variant}-th non-null alternative (modulo their count); arrays and maps whose elements are
 * unions get one element per alternative, so every alternative shape appears in some variant.
 */
public final class SchemaSampler {

    /** The one {@code pattern} in the spec's schemas ({@code MCPTool.tunnel_id}), and a value matching it. */
    private static final String TUNNEL_PATTERN = "^tunnel_[a-z0-9]{32}$";
    private static final String TUNNEL_ID = "tunnel_0123456789abcdef0123456789abcdef";

    private final OpenApiSpec spec;
    private final int variant;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    public SchemaSampler(OpenApiSpec spec, int variant) {
        this.spec = spec;
        this.variant = variant;
    }

    /** A fully populated value for the schema. */
    public JsonNode sample(JsonNode schema) {
        JsonNode resolved = spec.resolve(schema);
        List<JsonNode> alternatives = nonNullAlternatives(resolved);
        if (!alternatives.isEmpty()) {
            return sample(alternatives.get(variant % alternatives.size()));
        }
        if (resolved.has("const")) {
            return resolved.get("const");
        }
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        String type = resolved.has("type") ? resolved.get("type").asString()
                : resolved.has("items") ? "array" : "object";
        return switch (type) {
            case "string" -> nodes.stringNode(string(resolved));
            case "integer" -> nodes.numberNode(resolved.has("minimum") ? resolved.get("minimum").asInt() : 1);
            case "number" -> nodes.numberNode(resolved.has("minimum") ? resolved.get("minimum").asDouble() : 0.5);
            case "boolean" -> nodes.booleanNode(true);
            case "array" -> array(resolved.get("items"));
            case "object" -> object(resolved);
            default -> throw new IllegalArgumentException("cannot sample type " + type + " of " + resolved);
        };
    }

    private static String string(JsonNode schema) {
        if (schema.has("pattern")) {
            if (!TUNNEL_PATTERN.equals(schema.get("pattern").asString())) {
                throw new IllegalArgumentException("no sample for pattern " + schema.get("pattern"));
            }
            return TUNNEL_ID;
        }
        return "uri".equals(schema.path("format").asString("")) ? "https://example.com/sample" : "sample";
    }

    private List<JsonNode> nonNullAlternatives(JsonNode schema) {
        List<JsonNode> alternatives = new ArrayList<>();
        for (String keyword : List.of("anyOf", "oneOf")) {
            for (JsonNode alternative : schema.path(keyword)) {
                if (!"null".equals(spec.resolve(alternative).path("type").asString(""))) {
                    alternatives.add(alternative);
                }
            }
        }
        return alternatives;
    }

    /** One element, or one per alternative when the items are a union. */
    private ArrayNode array(JsonNode items) {
        ArrayNode array = nodes.arrayNode();
        List<JsonNode> alternatives = nonNullAlternatives(spec.resolve(items));
        if (alternatives.isEmpty()) {
            array.add(sample(items));
        } else {
            alternatives.forEach(alternative -> array.add(sample(alternative)));
        }
        return array;
    }

    private ObjectNode object(JsonNode schema) {
        ObjectNode object = nodes.objectNode();
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        if (properties != null) {
            for (String name : properties.propertyNames()) {
                object.set(name, sample(properties.get(name)));
            }
        } else if (additional != null && additional.isObject()) {
            List<JsonNode> alternatives = nonNullAlternatives(spec.resolve(additional));
            if (alternatives.isEmpty()) {
                object.set("key", sample(additional));
            } else {
                for (int i = 0; i < alternatives.size(); i++) {
                    object.set("key" + i, sample(alternatives.get(i)));
                }
            }
        } else {
            object.put("key", "value");
        }
        return object;
    }
}
