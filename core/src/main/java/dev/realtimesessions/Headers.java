package dev.realtimesessions;

import dev.realtimesessions.internal.ApiKeys;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Checks on the headers and key callers set, so none can break or hijack a request. */
final class Headers {

    static final String ORGANIZATION = "OpenAI-Organization";
    static final String PROJECT = "OpenAI-Project";

    /** Headers the library sets itself; a caller setting one is a mistake worth a clear error. */
    private static final Set<String> RESERVED =
            Set.of("authorization", "content-type", "content-length", "host", "transfer-encoding", "openai-beta");

    private Headers() {
    }

    static void check(@Nullable String name, @Nullable String value) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("header name", "must not be " + (name == null ? "null" : "blank"));
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                throw new ValidationException("header name", "\"" + name + "\" is not a valid HTTP header name");
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (RESERVED.contains(lower)) {
            throw new ValidationException("header " + name, lower.equals("authorization")
                    ? "is set by the library from apiKey(...); do not set it as a header"
                    : lower.equals("openai-beta")
                    ? "is never sent: the GA API rejects beta shapes; use the endpoint's own method instead"
                    : "is set by the library");
        }
        if (value == null) {
            throw new ValidationException("header " + name, "must not have a null value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new ValidationException("header " + name, "must not contain CR, LF or NUL characters");
            }
        }
    }

    static String checkApiKey(@Nullable String apiKey) {
        return ApiKeys.check(apiKey);
    }
}
