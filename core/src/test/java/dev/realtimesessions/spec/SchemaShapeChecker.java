package dev.realtimesessions.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON value against a schema of an {@link OpenApiSpec} (OpenAPI 3.0 or 3.1), for the
 * keywords these files use: {@code $ref}, {@code type} (inferred from {@code properties},
 * {@code additionalProperties} or {@code items} when missing), {@code enum}, {@code const},
 * {@code pattern}, {@code minimum}, {@code maximum}, {@code anyOf} (at least one alternative
 * matches), {@code oneOf} (exactly one matches), {@code properties}, {@code additionalProperties},
 * {@code items}, {@code required}, and where {@code null} is allowed. Sibling keywords of
 * {@code anyOf}/{@code oneOf} apply too. Recursive schemas are followed as deep as the value goes.
 *
 * <p>It reports every mismatch, as "path: problem", not just the first. A schema that gives
 * nothing to check against is a mismatch too, so that nothing passes by default. Formats are the
 * server's business.
 *
 * <p>In {@link Mode#EXACT} mode every object must carry every property its schema declares and every
 * array must have elements: the check for a "fully populated" document. In {@link Mode#SUBSET} mode
 * present keys must be declared, and absent ones are fine (unless {@code required}).
 *
 * <p>Where {@code null} is allowed: the files mark it in four ways, as the spec README says (OpenAPI
 * 3.1 {@code type: "null"} alternatives, the 3.0 keyword {@code nullable: true}, {@code default: null}),
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

    private static final List<String> CHECKABLE = List.of("type", "properties", "additionalProperties", "items",
            "enum", "const", "anyOf", "oneOf", "required", "pattern", "minimum", "maximum");

    private final OpenApiSpec spec;
    private final Mode mode;

    public SchemaShapeChecker(OpenApiSpec spec, Mode mode) {
        this.spec = spec;
        this.mode = mode;
    }

    /** Every mismatch between the value and the schema, paths starting at {@code $}; empty when it conforms. */
    public List<String> check(JsonNode value, JsonNode schema) {
        return check(value, schema, "$");
    }

    /** Every mismatch between the value at {@code path} and the schema, as "path: problem"; empty when it conforms. */
    public List<String> check(JsonNode value, JsonNode schema, String path) {
        List<String> errors = new ArrayList<>();
        check(value, schema, path, errors, emptyStack());
        return errors;
    }

    /**
     * @param open the schemas being checked against this very value further up the stack: meeting one
     *     again means a reference cycle that would never consume the value
     */
    private void check(JsonNode value, JsonNode schema, String path, List<String> errors, Set<JsonNode> open) {
        if (value.isNull()) {
            if (!admitsNull(schema, emptyStack())) {
                errors.add(path + ": null, but the schema does not allow null");
            }
            return;
        }
        JsonNode resolved = spec.resolve(schema);
        if (!open.add(resolved)) {
            errors.add(path + ": the schema refers to itself without descending into the value");
            return;
        }
        try {
            checkResolved(value, resolved, path, errors, open);
        } finally {
            open.remove(resolved);
        }
    }

    private void checkResolved(JsonNode value, JsonNode schema, String path, List<String> errors, Set<JsonNode> open) {
        if (CHECKABLE.stream().noneMatch(schema::has)) {
            errors.add(path + ": the schema gives nothing to check against: " + schema);
            return;
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (schema.has(combinator)) {
                checkAlternatives(value, schema.get(combinator), combinator, path, errors, open);
            }
        }
        String type = typeOf(schema);
        if (type.isEmpty()) {
            checkValue(value, schema, path, errors);
            return;
        }
        if (!hasType(value, type)) {
            errors.add(path + ": expected " + type + ", but was " + value.getNodeType() + " " + value);
            return;
        }
        checkValue(value, schema, path, errors);
        if (value.isObject()) {
            checkObject(value, schema, path, errors, open);
        } else if (value.isArray()) {
            checkArray(value, schema, path, errors);
        }
    }

    private void checkAlternatives(JsonNode value, JsonNode alternatives, String combinator, String path,
            List<String> errors, Set<JsonNode> open) {
        List<String> mismatches = new ArrayList<>();
        int matches = 0;
        for (JsonNode alternative : alternatives) {
            List<String> attempt = new ArrayList<>();
            check(value, alternative, path, attempt, open);
            if (attempt.isEmpty()) {
                matches++;
            } else {
                mismatches.addAll(attempt);
            }
        }
        if (matches == 0) {
            errors.add(path + ": matches none of the " + alternatives.size() + " " + combinator + " alternatives "
                    + mismatches);
        } else if (matches > 1 && combinator.equals("oneOf")) {
            errors.add(path + ": matches " + matches + " of the " + alternatives.size()
                    + " oneOf alternatives, but must match exactly one");
        }
    }

    private boolean admitsNull(JsonNode schema, Set<JsonNode> seen) {
        if (!seen.add(schema)) {
            return false;
        }
        if (schema.path("nullable").asBoolean(false)
                || schema.has("default") && schema.get("default").isNull()
                || schema.path("description").asString("").contains("set to `null`")
                || "null".equals(schema.path("type").asString(""))) {
            return true;
        }
        JsonNode resolved = spec.resolve(schema);
        if (resolved != schema && admitsNull(resolved, seen)) {
            return true;
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            for (JsonNode alternative : resolved.path(combinator)) {
                if (admitsNull(alternative, seen)) {
                    return true;
                }
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

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> false;
        };
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
        if (value.isNumber() && schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
            errors.add(path + ": " + value + " is below the minimum " + schema.get("minimum"));
        }
        if (value.isNumber() && schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
            errors.add(path + ": " + value + " is above the maximum " + schema.get("maximum"));
        }
    }

    private static boolean sameScalar(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    private void checkObject(JsonNode value, JsonNode schema, String path, List<String> errors, Set<JsonNode> open) {
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        boolean closed = additional == null ? properties != null : additional.isBoolean() && !additional.asBoolean();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String name = field.getKey();
            String childPath = path + "." + name;
            if (properties != null && properties.has(name)) {
                check(field.getValue(), properties.get(name), childPath, errors, emptyStack());
            } else if (additional != null && additional.isObject()) {
                check(field.getValue(), additional, childPath, errors, emptyStack());
            } else if (closed) {
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
        if (items == null) {
            errors.add(path + ": the schema gives no items to check against");
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            check(value.get(i), items, path + "[" + i + "]", errors, emptyStack());
        }
    }

    private static Set<JsonNode> emptyStack() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    private static List<String> names(JsonNode properties) {
        return properties == null ? List.of() : new ArrayList<>(properties.propertyNames());
    }
}
