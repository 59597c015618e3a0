package dev.realtimesessions.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON document against an OpenAPI 3.1 schema of the spec: property names (recursively,
 * through {@code $ref}, {@code anyOf}/{@code oneOf}, {@code items} and {@code additionalProperties}),
 * JSON types, {@code enum}/{@code const}, {@code pattern}, {@code required}, and where {@code null}
 * is allowed. Not a full JSON Schema validator: numeric ranges and formats are the server's business.
 *
 * <p>In {@link Mode#EXACT} mode every object must carry every property its schema declares and every
 * array must have elements: the check for a "fully populated" document. In {@link Mode#SUBSET} mode
 * present keys must be declared, and absent ones are fine.
 *
 * <p>Where {@code null} is allowed: the spec marks it in four ways, as its README says (OpenAPI 3.1
 * {@code type: "null"} alternatives, the 3.0 keyword {@code nullable: true}, {@code default: null}),
 * and in prose only ("can be set to `null`" in a description next to a {@code $ref}); all four count.
 */
public final class SchemaShapeChecker {

    /** How complete a document must be. */
    public enum Mode {
        /** Every declared property present, every array non-empty. */
        EXACT,
        /** Only declared properties, any of them may be missing. */
        SUBSET
    }

    private final OpenApiSpec spec;
    private final Mode mode;

    public SchemaShapeChecker(OpenApiSpec spec, Mode mode) {
        this.spec = spec;
        this.mode = mode;
    }

    /** Every mismatch between the document and the schema, as "path: problem"; empty when it conforms. */
    public List<String> check(JsonNode value, JsonNode schema, String path) {
        List<String> errors = new ArrayList<>();
        if (value.isNull()) {
            if (!admitsNull(schema)) {
                errors.add(path + ": null, but the schema does not allow null");
            }
            return errors;
        }
        JsonNode resolved = spec.resolve(schema);
        List<JsonNode> alternatives = alternatives(resolved);
        if (!alternatives.isEmpty()) {
            List<String> best = null;
            for (JsonNode alternative : alternatives) {
                List<String> attempt = check(value, alternative, path);
                if (attempt.isEmpty()) {
                    return attempt;
                }
                if (best == null || attempt.size() < best.size()) {
                    best = attempt;
                }
            }
            errors.add(path + ": matches none of the " + alternatives.size() + " alternatives; closest: " + best);
            return errors;
        }
        checkType(value, resolved, path, errors);
        if (!errors.isEmpty()) {
            return errors;
        }
        checkValue(value, resolved, path, errors);
        if (value.isObject()) {
            checkObject(value, resolved, path, errors);
        } else if (value.isArray()) {
            checkArray(value, resolved, path, errors);
        }
        return errors;
    }

    private static List<JsonNode> alternatives(JsonNode schema) {
        List<JsonNode> alternatives = new ArrayList<>();
        for (String keyword : List.of("anyOf", "oneOf")) {
            if (schema.has(keyword)) {
                schema.get(keyword).forEach(alternatives::add);
            }
        }
        return alternatives;
    }

    private boolean admitsNull(JsonNode schema) {
        if (schema.path("nullable").asBoolean(false)
                || schema.has("default") && schema.get("default").isNull()
                || schema.path("description").asString("").contains("set to `null`")
                || "null".equals(schema.path("type").asString(""))) {
            return true;
        }
        JsonNode resolved = spec.resolve(schema);
        if (resolved != schema && admitsNull(resolved)) {
            return true;
        }
        for (JsonNode alternative : alternatives(resolved)) {
            if (admitsNull(alternative)) {
                return true;
            }
        }
        return false;
    }

    private static String typeOf(JsonNode schema) {
        if (schema.has("type")) {
            return schema.get("type").asString();
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        return schema.has("items") ? "array" : "";
    }

    private static void checkType(JsonNode value, JsonNode schema, String path, List<String> errors) {
        String type = typeOf(schema);
        boolean ok = switch (type) {
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            case "" -> true;
            default -> false;
        };
        if (!ok) {
            errors.add(path + ": expected " + type + ", but was " + value.getNodeType() + " " + value);
        }
    }

    private static void checkValue(JsonNode value, JsonNode schema, String path, List<String> errors) {
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= sameScalar(allowed, value);
            }
            if (!listed) {
                errors.add(path + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("const") && !sameScalar(schema.get("const"), value)) {
            errors.add(path + ": " + value + " is not the constant " + schema.get("const"));
        }
        if (schema.has("pattern") && value.isString()
                && !Pattern.compile(schema.get("pattern").asString()).matcher(value.asString()).find()) {
            errors.add(path + ": " + value + " does not match " + schema.get("pattern"));
        }
    }

    private static boolean sameScalar(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    private void checkObject(JsonNode value, JsonNode schema, String path, List<String> errors) {
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String name = field.getKey();
            String childPath = path + "." + name;
            if (properties != null && properties.has(name)) {
                errors.addAll(check(field.getValue(), properties.get(name), childPath));
            } else if (additional != null && additional.isObject()) {
                errors.addAll(check(field.getValue(), additional, childPath));
            } else if (properties != null || additional != null) {
                errors.add(childPath + ": not a property the schema declares " + names(properties));
            }
        }
        if (properties != null && mode == Mode.EXACT) {
            for (String name : properties.propertyNames()) {
                if (!value.has(name)) {
                    errors.add(path + "." + name + ": declared by the schema but missing");
                }
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asString())) {
                errors.add(path + "." + required.asString() + ": required but missing");
            }
        }
    }

    private void checkArray(JsonNode value, JsonNode schema, String path, List<String> errors) {
        if (mode == Mode.EXACT && value.isEmpty()) {
            errors.add(path + ": an empty array, so its items are not checked");
        }
        JsonNode items = schema.get("items");
        for (int i = 0; i < value.size(); i++) {
            if (items != null) {
                errors.addAll(check(value.get(i), items, path + "[" + i + "]"));
            }
        }
    }

    private static List<String> names(JsonNode properties) {
        return properties == null ? List.of() : new ArrayList<>(properties.propertyNames());
    }
}
