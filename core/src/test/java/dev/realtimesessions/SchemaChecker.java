package dev.realtimesessions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON value against an OpenAPI 3.0 schema, for the keywords the session schemas use:
 * {@code $ref} (to {@code #/components/schemas/...}), {@code type} (inferred from {@code items} or
 * {@code properties} when missing, as for {@code modalities}), {@code enum}, {@code oneOf},
 * {@code anyOf}, {@code nullable}, {@code minimum}, {@code maximum}, {@code items} and
 * {@code properties}. An object with declared properties must not hold undeclared ones; in
 * "every property" mode it must also hold every declared one. Anything the checker cannot judge
 * is reported as a problem, so that nothing passes by default.
 */
final class SchemaChecker {

    private final JsonNode document;

    /**
     * @param document the whole OpenAPI document, for resolving {@code $ref}
     */
    SchemaChecker(JsonNode document) {
        this.document = document;
    }

    /**
     * The ways {@code value} departs from {@code schema}; empty if it conforms.
     *
     * @param everyProperty whether each object with declared properties must hold all of them
     */
    List<String> problems(JsonNode schema, JsonNode value, boolean everyProperty) {
        List<String> problems = new ArrayList<>();
        check("$", schema, value, everyProperty, problems);
        return problems;
    }

    private void check(String path, JsonNode schema, JsonNode value, boolean every, List<String> problems) {
        if (schema.has("$ref")) {
            check(path, resolve(schema.get("$ref").asString()), value, every, problems);
            return;
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                problems.add(path + " is null, which its schema does not allow");
            }
            return;
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            boolean oneOf = schema.has("oneOf");
            List<String> mismatches = new ArrayList<>();
            int matches = 0;
            for (JsonNode alternative : schema.get(oneOf ? "oneOf" : "anyOf")) {
                List<String> own = new ArrayList<>();
                check(path, alternative, value, every, own);
                if (own.isEmpty()) {
                    matches++;
                } else {
                    mismatches.addAll(own);
                }
            }
            if (oneOf ? matches != 1 : matches == 0) {
                problems.add(path + " matches " + matches + " of its " + (oneOf ? "oneOf" : "anyOf")
                        + " alternatives " + mismatches);
            }
            return;
        }
        String type = schema.has("type") ? schema.get("type").asString()
                : schema.has("items") ? "array" : schema.has("properties") ? "object" : null;
        if (type == null) {
            problems.add(path + ": its schema gives no type to check against");
            return;
        }
        boolean typeMatches = switch (type) {
            case "string" -> value.isString();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> false;
        };
        if (!typeMatches) {
            problems.add(path + " is " + value.getNodeType() + " " + value + ", but its schema says " + type);
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(path + " is " + value + ", not one of " + schema.get("enum"));
        }
        if (schema.has("minimum") && value.doubleValue() < schema.get("minimum").doubleValue()) {
            problems.add(path + " is " + value + ", below the minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.doubleValue() > schema.get("maximum").doubleValue()) {
            problems.add(path + " is " + value + ", above the maximum " + schema.get("maximum"));
        }
        if (value.isArray()) {
            if (!schema.has("items")) {
                problems.add(path + ": its schema gives no items to check against");
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                check(path + "[" + i + "]", schema.get("items"), value.get(i), every, problems);
            }
        }
        if (value.isObject() && schema.has("properties")) {
            JsonNode declared = schema.get("properties");
            Set<String> sent = new HashSet<>(value.propertyNames());
            for (String name : value.propertyNames()) {
                if (!declared.has(name)) {
                    problems.add(path + "." + name + " is sent, but its schema does not declare it");
                } else {
                    check(path + "." + name, declared.get(name), value.get(name), every, problems);
                }
            }
            if (every) {
                for (String name : declared.propertyNames()) {
                    if (!sent.contains(name)) {
                        problems.add(path + "." + name + " is declared, but was not sent");
                    }
                }
            }
        }
    }

    private JsonNode resolve(String ref) {
        String prefix = "#/components/schemas/";
        if (!ref.startsWith(prefix)) {
            throw new IllegalArgumentException("unsupported $ref " + ref);
        }
        JsonNode target = document.path("components").path("schemas").path(ref.substring(prefix.length()));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("unresolved $ref " + ref);
        }
        return target;
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
