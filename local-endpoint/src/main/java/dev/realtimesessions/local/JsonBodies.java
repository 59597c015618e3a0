package dev.realtimesessions.local;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads a JSON request body and checks it against a request schema, answering like OpenAI when it fails. */
final class JsonBodies {

    private final SchemaValidator validator;

    JsonBodies(SchemaValidator validator) {
        this.validator = validator;
    }

    /**
     * A body read and checked: exactly one of the two is set.
     *
     * @param json the body, when it is a JSON object that conforms to the schema
     * @param refusal the 400 to answer otherwise
     */
    record Checked(@Nullable ObjectNode json, @Nullable Reply refusal) {}

    /**
     * {@code text} as a JSON object that conforms to {@code schema}; a violation's {@code param}
     * starts with {@code path} (such as {@code session} for a multipart part).
     */
    Checked check(String text, JsonNode schema, String path) {
        JsonNode json;
        try {
            json = Reply.JSON.readTree(text);
        } catch (JacksonException e) {
            return refused(Reply.invalid(null, path.isEmpty() ? null : path,
                    "We could not parse the JSON body of your request."));
        }
        if (json == null || !json.isObject()) {
            return refused(Reply.invalid(path.isEmpty() ? null : "invalid_type", path.isEmpty() ? null : path,
                    path.isEmpty() ? "The request body must be a JSON object." : "Invalid type for '" + path
                            + "': expected an object."));
        }
        SchemaValidator.Violation violation = validator.validate(json, schema, path);
        return violation == null ? new Checked((ObjectNode) json, null) : refused(Reply.invalid(violation));
    }

    private static Checked refused(Reply reply) {
        return new Checked(null, reply);
    }
}
