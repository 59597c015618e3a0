package dev.realtimesessions.local;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One answer of the endpoint: status, headers and body, written by {@link Router}. */
record Reply(int status, Map<String, String> headers, byte[] body) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Reads and writes a document of every JSON kind once, so that Jackson builds and caches its
     * tree reader and writers on the caller's thread: made lazily, they are made under a lock,
     * which the first concurrent requests would otherwise wait on on the event loops.
     */
    static void warmUp() {
        JsonNode sample = JSON.readTree("{\"s\":\"t\",\"i\":1,\"l\":12345678901,\"d\":1.5,\"b\":true,\"n\":null,"
                + "\"a\":[{\"o\":{}}]}");
        JSON.writeValueAsBytes(sample);
        JSON.writeValueAsBytes(JSON.createObjectNode().put("s", "t"));
    }

    private static final byte[] EMPTY = new byte[0];

    /** A JSON body. */
    static Reply json(int status, JsonNode body) {
        return new Reply(status, Map.of("content-type", "application/json"), JSON.writeValueAsBytes(body));
    }

    /** An SDP body, with a {@code Location} header when {@code location} is given. */
    static Reply sdp(int status, String sdp, @Nullable String location) {
        Map<String, String> headers = location == null ? Map.of("content-type", "application/sdp")
                : Map.of("content-type", "application/sdp", "location", location);
        return new Reply(status, headers, sdp.getBytes(StandardCharsets.UTF_8));
    }

    /** A status without a body, as the call controls answer. */
    static Reply empty(int status) {
        return new Reply(status, Map.of(), EMPTY);
    }

    /** OpenAI's error body: {@code {"error": {"message", "type", "param", "code"}}}. */
    static Reply error(int status, String type, @Nullable String code, @Nullable String param, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        ObjectNode body = JSON.createObjectNode();
        body.set("error", error);
        return json(status, body);
    }

    /** A 400 {@code invalid_request_error}. */
    static Reply invalid(@Nullable String code, @Nullable String param, String message) {
        return error(400, "invalid_request_error", code, param, message);
    }

    /** The first schema problem of a body as a 400. */
    static Reply invalid(SchemaValidator.Violation violation) {
        return invalid(violation.code(), violation.param(), violation.message());
    }

    /** A 404 for an id the endpoint does not know, naming the path parameter. */
    static Reply notFound(String param, String id, String what) {
        return error(404, "invalid_request_error", "not_found", param, what + " '" + id + "' not found.");
    }
}
