package dev.realtimesessions.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** OpenAI's published spec of the token endpoints, as copied into the test resources, with {@code $ref} resolution. */
public final class OpenApiSpec {

    private static final String RESOURCE = "/spec/realtime-sessions.openapi.yaml";

    private final JsonNode root;

    private OpenApiSpec(JsonNode root) {
        this.root = root;
    }

    /** Loads the spec from the test class path. */
    public static OpenApiSpec load() {
        try (InputStream in = OpenApiSpec.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            return new OpenApiSpec(YAMLMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema {@code #/components/schemas/<name>}. */
    public JsonNode schema(String name) {
        JsonNode schema = root.path("components").path("schemas").path(name);
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("the spec has no schema " + name);
        }
        return schema;
    }

    /** The node at a JSON pointer into the spec, such as {@code /paths/~1realtime~1client_secrets}. */
    public JsonNode at(String pointer) {
        JsonNode node = root.at(pointer);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("the spec has nothing at " + pointer);
        }
        return node;
    }

    /** The schema itself, or the one its {@code $ref} points to (followed until it has none). */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asString();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("external $ref " + ref);
            }
            current = at(ref.substring(1));
        }
        return current;
    }
}
