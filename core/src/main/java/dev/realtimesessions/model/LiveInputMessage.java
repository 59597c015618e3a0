package dev.realtimesessions.model;

/**
 * One message of the text history a GPT-Live session starts with ({@code session.input[]}): a
 * developer, user or assistant message with one text part. A session takes at most 128 of them
 * and 8,192 rendered tokens in all.
 *
 * <pre>{@code
 * List.of(LiveInputMessage.developer("The caller is a premium customer."),
 *         LiveInputMessage.user("Hi, I'm calling about my order."),
 *         LiveInputMessage.assistant("Sure, what is the order number?"))
 * }</pre>
 *
 * <p>Written as {@code {"type": "message", "role": ..., "content": [{"type": ..., "text": ...}]}},
 * the text part typed {@code input_text} for developer and user messages and {@code output_text}
 * for assistant messages. The optional {@code id} and {@code status} of such an item are not sent:
 * Live builds the history from each message's role and text only. Source: {@code InitialItem} in
 * {@code openai/openai-node} {@code src/resources/live/live.ts} (GPT-Live is an alpha API).
 *
 * @param role who wrote the message ({@code role})
 * @param text the message's text ({@code content[0].text})
 */
public record LiveInputMessage(Role role, String text) {

    /** The author of a history message. */
    public enum Role {
        /** {@code "developer"}: instructions or context from your application. */
        DEVELOPER("developer", "input_text"),
        /** {@code "user"}: what the person said. */
        USER("user", "input_text"),
        /** {@code "assistant"}: what the model said. */
        ASSISTANT("assistant", "output_text");

        private final String value;
        private final String contentType;

        Role(String value, String contentType) {
            this.value = value;
            this.contentType = contentType;
        }

        /**
         * The role as the API writes it.
         *
         * @return {@code developer}, {@code user} or {@code assistant}
         */
        public String value() {
            return value;
        }

        /**
         * The {@code type} of the message's text part.
         *
         * @return {@code input_text}, or {@code output_text} for the assistant
         */
        public String contentType() {
            return contentType;
        }
    }

    /**
     * Creates the message.
     *
     * @param role who wrote the message ({@code role})
     * @param text the message's text ({@code content[0].text})
     * @throws dev.realtimesessions.ValidationException if a component is null
     */
    public LiveInputMessage {
        Checks.notNull("role", role);
        Checks.notNull("content[0].text", text);
    }

    /**
     * A developer message.
     *
     * @param text the message's text
     * @return the message
     */
    public static LiveInputMessage developer(String text) {
        return new LiveInputMessage(Role.DEVELOPER, text);
    }

    /**
     * A user message.
     *
     * @param text the message's text
     * @return the message
     */
    public static LiveInputMessage user(String text) {
        return new LiveInputMessage(Role.USER, text);
    }

    /**
     * An assistant message.
     *
     * @param text the message's text
     * @return the message
     */
    public static LiveInputMessage assistant(String text) {
        return new LiveInputMessage(Role.ASSISTANT, text);
    }
}
