package dev.realtimesessions.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One of OpenAI's published OpenAPI files, read from the local endpoint's resources (which hold
 * them verbatim, for its own validation: one copy in the repository, not two) with
 * jackson-dataformat-yaml: schemas and properties by name, nodes by JSON pointer, {@code $ref}s
 * followed, and the property paths a schema declares. {@link SchemaShapeChecker} checks JSON
 * values against its schemas.
 */
public final class OpenApiSpec {

    /** The 2025-04 file: the authority for the beta endpoints. */
    public static final String BETA_2025_04 = "/dev/realtimesessions/local/realtime-sessions-beta-2025-04.openapi.yaml";

    /** The 2026-08 file: all three endpoints, with later fields. */
    public static final String SPEC_2026_08 = "/dev/realtimesessions/local/realtime-sessions.openapi.yaml";

    static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final String name;
    private final JsonNode root;

    private OpenApiSpec(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    /** The 2026-08 file, the spec of the GA endpoint. */
    public static OpenApiSpec load() {
        return load(SPEC_2026_08);
    }

    /** One of the files on the test class path, such as {@link #BETA_2025_04}. */
    public static OpenApiSpec load(String resource) {
        try (InputStream in = OpenApiSpec.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path");
            }
            return new OpenApiSpec(resource, YAML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A spec from YAML text, for tests of the spec tools themselves. */
    static OpenApiSpec parse(String name, String yaml) {
        return new OpenApiSpec(name, YAML.readTree(yaml));
    }

    /** The schema {@code #/components/schemas/<name>}, its {@code $ref} (if any) followed. */
    public JsonNode schema(String schemaName) {
        return resolve(at("/components/schemas/" + escape(schemaName)));
    }

    /** A property of a component schema as published (its {@code $ref}, if any, not followed). */
    public JsonNode property(String schemaName, String property) {
        JsonNode node = schema(schemaName).path("properties").path(property);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException(name + ": " + schemaName + " has no property " + property);
        }
        return node;
    }

    /** The {@code post} operation of a path, such as {@code /realtime/client_secrets}. */
    public JsonNode post(String path) {
        return at("/paths/" + escape(path) + "/post");
    }

    /** The node at a JSON pointer into the spec, such as {@code /paths/~1realtime~1client_secrets}. */
    public JsonNode at(String pointer) {
        JsonNode node = root.at(pointer);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException(name + " has nothing at " + pointer);
        }
        return node;
    }

    /**
     * The schema itself, or the one its {@code $ref} points to, followed until it has none (local
     * references only, as in these files; a cycle of references fails).
     */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        Set<String> seen = new HashSet<>();
        while (current.has("$ref")) {
            String ref = current.get("$ref").asString();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException(name + ": external $ref " + ref);
            }
            if (!seen.add(ref)) {
                throw new IllegalArgumentException(name + ": $ref cycle through " + ref);
            }
            current = at(ref.substring(1));
        }
        return current;
    }

    /**
     * Every property path a schema declares, nested objects joined with {@code .} and array
     * items with {@code []}: {@code turn_detection}, {@code turn_detection.type}, ... A schema
     * that contains itself is expanded once on each path.
     */
    public SortedSet<String> propertyPaths(JsonNode schema) {
        SortedSet<String> paths = new TreeSet<>();
        collectPropertyPaths(resolve(schema), "", paths, Collections.newSetFromMap(new IdentityHashMap<>()));
        return paths;
    }

    private void collectPropertyPaths(JsonNode schema, String prefix, SortedSet<String> paths, Set<JsonNode> open) {
        if (!open.add(schema)) {
            return;
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String path = prefix + property.getKey();
            paths.add(path);
            JsonNode value = resolve(property.getValue());
            if (value.has("properties")) {
                collectPropertyPaths(value, path + ".", paths, open);
            } else if (value.has("items") && resolve(value.get("items")).has("properties")) {
                collectPropertyPaths(resolve(value.get("items")), path + "[].", paths, open);
            }
        }
        open.remove(schema);
    }

    /** Every key path of a JSON value, written like {@link #propertyPaths(JsonNode)}. */
    public static SortedSet<String> keyPaths(JsonNode json) {
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

    /** The string values of an {@code enum} node. */
    public static List<String> strings(JsonNode values) {
        return values.valueStream().map(JsonNode::asString).toList();
    }

    @Override
    public String toString() {
        return name;
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }
}
