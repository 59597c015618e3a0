package dev.realtimesessions.internal;

import dev.realtimesessions.ValidationException;
import org.jspecify.annotations.Nullable;

/** The check every API key passes before it goes into a header ({@code Authorization} or {@code api-key}). */
public final class ApiKeys {

    /** OpenAI's key, set with {@code apiKey(...)}. */
    public static final Option OPENAI = new Option("apiKey", "OPENAI_API_KEY");
    /** An Azure OpenAI resource's key, set with {@code azureApiKey(...)}. */
    public static final Option AZURE = new Option("azureApiKey", "AZURE_OPENAI_API_KEY");

    private ApiKeys() {
    }

    /**
     * Returns the OpenAI key if it can be sent.
     *
     * @param apiKey the key
     * @return the key
     * @throws ValidationException if it is null, blank, or holds a character that would break the header
     */
    public static String check(@Nullable String apiKey) {
        return check(OPENAI, apiKey);
    }

    /**
     * Returns the key if it can be sent.
     *
     * @param option the option the key was given to, named in errors
     * @param apiKey the key
     * @return the key
     * @throws ValidationException naming the option if the key is null, blank, or holds a character
     *     that would break the header
     */
    public static String check(Option option, @Nullable String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new ValidationException(option.name(), "must not be " + (apiKey == null ? "null" : "blank")
                    + "; set it from " + option.environment() + " or a secret store");
        }
        for (int i = 0; i < apiKey.length(); i++) {
            char c = apiKey.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new ValidationException(option.name(), "contains a space, control or non-ASCII character at index "
                        + i + "; check how the key was read (a trailing newline?)");
            }
        }
        return apiKey;
    }

    /**
     * A builder option that takes a key.
     *
     * @param name the option's name, such as {@code apiKey}
     * @param environment the environment variable the key usually comes from
     */
    public record Option(String name, String environment) {
    }
}
