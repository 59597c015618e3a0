package dev.realtimesessions.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Valid instances of a schema of an {@link OpenApiSpec}, made from the schema alone (not from this
 * library's records): {@link #full} fills every property, {@link #variants} adds one instance per
 * further alternative of each {@code oneOf} / {@code anyOf} in it. Values are the first enum
 * value (or the {@code const}), the minimum of a number or 1, {@code "text"}, {@code true}, one
 * array item, one entry for a map.
 */
public final class SchemaInstances {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Deep enough for every schema of these files; a schema that contains itself stops here. */
    private static final int MAX_DEPTH = 12;

    private final OpenApiSpec spec;

    public SchemaInstances(OpenApiSpec spec) {
        this.spec = spec;
    }

    /** An instance with every property of every object, the first alternative of every union. */
    public JsonNode full(JsonNode schema) {
        return instance(schema, 0, null);
    }

    /**
     * {@link #full} and, for each union the full instance passes through, one instance per other
     * alternative of it (the rest of the document as in the full one).
     */
    public List<JsonNode> variants(JsonNode schema) {
        List<JsonNode> variants = new ArrayList<>();
        variants.add(full(schema));
        List<Choice> choices = new ArrayList<>();
        instance(schema, 0, choices);
        for (Choice choice : choices) {
            for (int alternative = 1; alternative < choice.count(); alternative++) {
                variants.add(instance(schema, 0, null, choice.schema(), alternative));
            }
        }
        return variants;
    }

    /** A union met while making an instance: its schema node and how many usable alternatives it has. */
    private record Choice(JsonNode schema, int count) {
    }

    private JsonNode instance(JsonNode schema, int depth, List<Choice> choices) {
        return instance(schema, depth, choices, null, 0);
    }

    private JsonNode instance(JsonNode published, int depth, List<Choice> choices, JsonNode chosenUnion, int chosen) {
        JsonNode schema = spec.resolve(published);
        if (depth > MAX_DEPTH) {
            return NODES.objectNode();
        }
        for (String union : List.of("oneOf", "anyOf")) {
            if (schema.has(union)) {
                List<JsonNode> alternatives = usable(schema.get(union));
                if (choices != null) {
                    choices.add(new Choice(schema, alternatives.size()));
                }
                JsonNode pick = alternatives.get(schema == chosenUnion ? chosen : 0);
                return instance(pick, depth + 1, choices, chosenUnion, chosen);
            }
        }
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            for (JsonNode part : schema.get("allOf")) {
                JsonNode value = instance(part, depth + 1, choices, chosenUnion, chosen);
                if (value instanceof ObjectNode object) {
                    merged.setAll(object);
                }
            }
            return merged;
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.has("enum")) {
            for (JsonNode value : schema.get("enum")) {
                if (!value.isNull()) {
                    return value;
                }
            }
        }
        String type = type(schema);
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    object.set(property.getKey(), instance(property.getValue(), depth + 1, choices, chosenUnion, chosen));
                }
                JsonNode additional = schema.get("additionalProperties");
                if (object.isEmpty() && additional != null && additional.isObject()) {
                    object.set("key", instance(additional, depth + 1, choices, chosenUnion, chosen));
                } else if (object.isEmpty() && additional != null && additional.asBoolean(false)) {
                    object.put("key", "value");
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (schema.has("items")) {
                    array.add(instance(schema.get("items"), depth + 1, choices, chosenUnion, chosen));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(schema.path("minimum").asLong(1));
            }
            case "number" -> {
                return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asDouble() : 0.5);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            case "string" -> {
                return NODES.stringNode("text");
            }
            default -> {
                return NODES.stringNode("any");
            }
        }
    }

    /** The alternatives that are not just {@code type: null}. */
    private List<JsonNode> usable(JsonNode alternatives) {
        List<JsonNode> usable = new ArrayList<>();
        for (JsonNode alternative : alternatives) {
            if (!"null".equals(type(spec.resolve(alternative)))) {
                usable.add(alternative);
            }
        }
        return usable;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : schema.has("items") ? "array" : "";
        }
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (!one.asString().equals("null")) {
                    return one.asString();
                }
            }
            return "null";
        }
        return type.asString();
    }
}
