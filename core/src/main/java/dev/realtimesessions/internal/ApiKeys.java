package dev.realtimesessions.internal;

import dev.realtimesessions.ValidationException;
import org.jspecify.annotations.Nullable;

/** The check every API key passes before it goes into an {@code Authorization} header. */
public final class ApiKeys {

    private ApiKeys() {
    }

    /**
     * Returns the key if it can be sent.
     *
     * @throws ValidationException if it is null, blank, or holds a character that would break the header
     */
    public static String check(@Nullable String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new ValidationException("apiKey", "must not be " + (apiKey == null ? "null" : "blank")
                    + "; set it from OPENAI_API_KEY or a secret store");
        }
        for (int i = 0; i < apiKey.length(); i++) {
            char c = apiKey.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new ValidationException("apiKey", "contains a space, control or non-ASCII character at index "
                        + i + "; check how the key was read (a trailing newline?)");
            }
        }
        return apiKey;
    }
}
