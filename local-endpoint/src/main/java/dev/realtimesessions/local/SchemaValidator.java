package dev.realtimesessions.local;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON value against one of the {@link RequestSchemas} the way OpenAI's API answers: the
 * first problem found, as an OpenAI error code and the JSON path of the offending parameter. It
 * understands the subset of JSON Schema that OpenAI's spec uses: {@code type}, {@code anyOf},
 * {@code oneOf}, {@code const}, {@code enum}, {@code minimum}/{@code maximum},
 * {@code minLength}/{@code maxLength}, {@code pattern}, {@code minItems}/{@code maxItems},
 * {@code items}, {@code properties}, {@code required}, {@code additionalProperties} and the
 * ways the spec marks a value nullable.
 */
final class SchemaValidator {

    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    /** One problem with a request: an OpenAI error code, the parameter's JSON path and a message. */
    record Violation(String code, String param, String message) {}

    /**
     * The first problem of {@code value} against {@code schema}, or null when it conforms.
     *
     * @param path the JSON path of {@code value}, empty for the body itself
     */
    @Nullable Violation validate(JsonNode value, JsonNode schema, String path) {
        if (value.isNull()) {
            return SchemaNulls.acceptsNull(schema) ? null : typeViolation(value, schema, path);
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
            return string(value.asString(), schema, path);
        }
        if (value.isArray()) {
            return array(value, schema, path);
        }
        if (value.isObject()) {
            return object(value, schema, path);
        }
        return null;
    }

    private @Nullable Violation string(String value, JsonNode schema, String path) {
        int length = value.codePointCount(0, value.length());
        JsonNode minLength = schema.get("minLength");
        if (minLength != null && length < minLength.asInt()) {
            return new Violation("string_below_min_length", path, "Invalid '"
                    + label(path) + "': string too short. Expected a string with minimum length " + minLength.asInt()
                    + ", but got a string with length " + length + " instead.");
        }
        JsonNode maxLength = schema.get("maxLength");
        if (maxLength != null && length > maxLength.asInt()) {
            return new Violation("string_above_max_length", path, "Invalid '" + label(path)
                    + "': string too long. Expected a string with maximum length " + maxLength.asInt()
                    + ", but got a string with length " + length + " instead.");
        }
        JsonNode pattern = schema.get("pattern");
        if (pattern != null && pattern.isString()
                && !patterns.computeIfAbsent(pattern.asString(), Pattern::compile).matcher(value).find()) {
            return new Violation("invalid_value", path, "Invalid '" + label(path) + "': string does not match pattern "
                    + pattern.asString() + ".");
        }
        return null;
    }

    private @Nullable Violation alternatives(JsonNode value, JsonNode alternatives, String path) {
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
        // The most specific problem: first from the alternatives meant for the value, then from the
        // ones whose "type" it does not match (the only object alternative of an anyOf with null).
        candidates.addAll(excluded);
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

    private static @Nullable Violation range(JsonNode value, JsonNode schema, String path) {
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

    private @Nullable Violation array(JsonNode value, JsonNode schema, String path) {
        JsonNode minItems = schema.get("minItems");
        if (minItems != null && value.size() < minItems.asInt()) {
            return new Violation("invalid_value", path, "Invalid '" + label(path) + "': expected at least "
                    + minItems.asInt() + " items, but got " + value.size() + " instead.");
        }
        JsonNode maxItems = schema.get("maxItems");
        if (maxItems != null && value.size() > maxItems.asInt()) {
            return new Violation("array_above_max_length", path, "Invalid '" + label(path) + "': array too long."
                    + " Expected an array with maximum length " + maxItems.asInt() + ", but got an array with length "
                    + value.size() + " instead.");
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

    private @Nullable Violation object(JsonNode value, JsonNode schema, String path) {
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
        return switch (value.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case NUMBER -> value.isIntegralNumber() ? "an integer" : "a decimal";
            default -> "null";
        };
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
