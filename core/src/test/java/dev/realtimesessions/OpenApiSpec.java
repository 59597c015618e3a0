package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One of OpenAI's published OpenAPI files under {@code src/test/resources/spec/}, read with
 * jackson-dataformat-yaml: schemas by name with {@code $ref}s followed, the property tree of a
 * schema, and a check that a JSON value has a schema's shape.
 */
final class OpenApiSpec {

    /** The 2025-04 file: the authority for the beta endpoints. */
    static final String BETA_2025_04 = "/spec/realtime-sessions-beta-2025-04.openapi.yaml";

    /** The 2026-08 file: all three endpoints, with later fields. */
    static final String SPEC_2026_08 = "/spec/realtime-sessions.openapi.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final String name;
    private final JsonNode root;

    private OpenApiSpec(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    static OpenApiSpec load(String resource) {
        try (InputStream in = OpenApiSpec.class.getResourceAsStream(resource)) {
            assertThat(in).as("test resource %s", resource).isNotNull();
            return new OpenApiSpec(resource, YAML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A component schema, {@code $ref} followed. */
    JsonNode schema(String schemaName) {
        return resolve(root.path("components").path("schemas").required(schemaName));
    }

    /** The {@code post} operation of a path. */
    JsonNode post(String path) {
        return root.path("paths").required(path).required("post");
    }

    /** Follows {@code $ref} (local references only, as in these files) until a schema without one. */
    JsonNode resolve(JsonNode schema) {
        JsonNode node = schema;
        while (node.has("$ref")) {
            String ref = node.get("$ref").asString();
            assertThat(ref).as("%s: $ref", name).startsWith("#/");
            node = root.at(ref.substring(1));
            assertThat(node.isMissingNode()).as("%s: %s resolves", name, ref).isFalse();
        }
        return node;
    }

    /**
     * Every property path a schema declares, nested objects joined with {@code .} and array
     * items with {@code []}: {@code turn_detection}, {@code turn_detection.type}, ...
     */
    SortedSet<String> propertyPaths(JsonNode schema) {
        SortedSet<String> paths = new TreeSet<>();
        collectPropertyPaths(resolve(schema), "", paths);
        return paths;
    }

    private void collectPropertyPaths(JsonNode schema, String prefix, SortedSet<String> paths) {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String path = prefix + property.getKey();
            paths.add(path);
            JsonNode value = resolve(property.getValue());
            if (value.has("properties")) {
                collectPropertyPaths(value, path + ".", paths);
            } else if (value.has("items") && resolve(value.get("items")).has("properties")) {
                collectPropertyPaths(resolve(value.get("items")), path + "[].", paths);
            }
        }
    }

    /** Every key path of a JSON value, written like {@link #propertyPaths(JsonNode)}. */
    static SortedSet<String> keyPaths(JsonNode json) {
        SortedSet<String> paths = new TreeSet<>();
        collectKeyPaths(json, "", paths);
        return paths;
    }

    private static void collectKeyPaths(JsonNode json, String prefix, SortedSet<String> paths) {
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            String path = prefix + field.getKey();
            paths.add(path);
            JsonNode value = field.getValue();
            if (value.isObject()) {
                collectKeyPaths(value, path + ".", paths);
            } else if (value.isArray()) {
                for (JsonNode element : value.values()) {
                    if (element.isObject()) {
                        collectKeyPaths(element, path + "[].", paths);
                    }
                }
            }
        }
    }

    /**
     * Asserts that {@code value} has the schema's shape: its {@code type} (or, for the beta
     * files' untyped arrays, its {@code items}), its {@code enum}, one of its {@code anyOf} or
     * {@code oneOf} alternatives, and for objects only declared properties, each of its shape.
     */
    void assertConforms(JsonNode value, JsonNode schemaOrRef, String path) {
        JsonNode schema = resolve(schemaOrRef);
        for (String combinator : new String[] {"anyOf", "oneOf"}) {
            if (schema.has(combinator)) {
                assertConformsToOneOf(value, schema.get(combinator), path);
            }
        }
        if (schema.has("enum")) {
            assertThat(schema.get("enum").values()).as("%s: %s must be one of the enum", name, path).contains(value);
        }
        String type = schema.has("type") ? schema.get("type").asString()
                : schema.has("items") ? "array" : schema.has("properties") ? "object" : "";
        switch (type) {
            case "string" -> assertThat(value.isString()).as("%s: %s is a string (%s)", name, path, value).isTrue();
            case "number" -> assertThat(value.isNumber()).as("%s: %s is a number (%s)", name, path, value).isTrue();
            case "integer" -> assertThat(value.isIntegralNumber()).as("%s: %s is an integer (%s)", name, path, value)
                    .isTrue();
            case "boolean" -> assertThat(value.isBoolean()).as("%s: %s is a boolean (%s)", name, path, value).isTrue();
            case "null" -> assertThat(value.isNull()).as("%s: %s is null (%s)", name, path, value).isTrue();
            case "array" -> {
                assertThat(value.isArray()).as("%s: %s is an array (%s)", name, path, value).isTrue();
                for (JsonNode element : value.values()) {
                    assertConforms(element, schema.get("items"), path + "[]");
                }
            }
            case "object" -> {
                assertThat(value.isObject()).as("%s: %s is an object (%s)", name, path, value).isTrue();
                JsonNode properties = schema.path("properties");
                for (Map.Entry<String, JsonNode> field : value.properties()) {
                    String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                    assertThat(properties.has(field.getKey())).as("%s declares %s", name, fieldPath).isTrue();
                    assertConforms(field.getValue(), properties.get(field.getKey()), fieldPath);
                }
            }
            default -> {
                if (!schema.has("anyOf") && !schema.has("oneOf")) {
                    fail("%s: the schema of %s has no type this check knows: %s", name, path, schema);
                }
            }
        }
    }

    private void assertConformsToOneOf(JsonNode value, JsonNode alternatives, String path) {
        for (JsonNode alternative : alternatives.values()) {
            try {
                assertConforms(value, alternative, path);
                return;
            } catch (AssertionError mismatch) {
                // try the next alternative
            }
        }
        fail("%s: %s (%s) matches none of %s", name, path, value, alternatives);
    }
}
