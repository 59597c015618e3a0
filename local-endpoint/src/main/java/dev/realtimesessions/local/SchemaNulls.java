package dev.realtimesessions.local;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Whether a schema of OpenAI's spec accepts an explicit {@code null}. The spec says so in several
 * ways (see the spec README): OpenAPI 3.1's {@code type: "null"} (alone or in an {@code anyOf}),
 * OpenAPI 3.0's {@code nullable: true}, a {@code default: null}, a {@code null} in an {@code enum},
 * or only in prose; the API accepts the null in each case.
 */
final class SchemaNulls {

    private SchemaNulls() {
    }

    static boolean acceptsNull(JsonNode schema) {
        JsonNode type = schema.path("type");
        boolean nullType = type.isString() ? type.asString().equals("null")
                : type.isArray() && type.valueStream().anyMatch(t -> t.asString("").equals("null"));
        if (nullType || schema.path("nullable").asBoolean(false) || (schema.has("default") && schema.get("default").isNull())
                || schema.path("enum").valueStream().anyMatch(JsonNode::isNull) || prosePermitsNull(schema)) {
            return true;
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            for (JsonNode alternative : schema.path(combinator)) {
                if (acceptsNull(alternative)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the description says the value "can be set to `null`": many fields say so in prose only. */
    static boolean prosePermitsNull(JsonNode schema) {
        return schema.path("description").asString("").contains("set to `null`");
    }
}
