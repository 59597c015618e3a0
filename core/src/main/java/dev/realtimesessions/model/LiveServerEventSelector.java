package dev.realtimesessions.model;

import dev.realtimesessions.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A server event a GPT-Live session may send to the browser's data channel
 * ({@code session.client.data_channel.allowed_server_events[]}): a Live event type, or, for the
 * events of a Responses delegation (which Live wraps in {@code response.event}), the nested
 * Responses event type.
 *
 * <pre>{@code
 * LiveServerEventSelector.of("session.output_transcript.delta")
 * LiveServerEventSelector.responseEvent("response.output_text.delta")
 * //   {"type": "response.event", "response_event": "response.output_text.delta"}
 * }</pre>
 *
 * <p>Source: {@code ServerEventSelector} in {@code openai/openai-node}
 * {@code src/resources/live/live.ts} (GPT-Live is an alpha API).
 *
 * @param type the Live server event type ({@code type})
 * @param responseEvent the nested Responses event type; required when {@code type} is
 *     {@value #RESPONSE_EVENT}, not allowed otherwise ({@code response_event})
 */
public record LiveServerEventSelector(String type, @Nullable String responseEvent) {

    /** The Live event type that wraps a Responses delegation's events. */
    public static final String RESPONSE_EVENT = "response.event";

    /**
     * Checks the selector.
     *
     * @param type the Live server event type ({@code type})
     * @param responseEvent the nested Responses event type ({@code response_event})
     * @throws ValidationException if {@code type} is blank, or {@code responseEvent} is missing
     *     for {@value #RESPONSE_EVENT} or given for another type
     */
    public LiveServerEventSelector {
        Checks.notBlank("allowed_server_events.type", type);
        if (RESPONSE_EVENT.equals(type)) {
            Checks.notBlank("allowed_server_events.response_event", responseEvent);
        } else if (responseEvent != null) {
            throw new ValidationException("allowed_server_events.response_event",
                    "is only allowed with type \"" + RESPONSE_EVENT + "\", not with \"" + type + "\"");
        }
    }

    /**
     * A Live server event type, such as {@code session.output_transcript.delta}.
     *
     * @param type the event type
     * @return the selector
     */
    public static LiveServerEventSelector of(String type) {
        return new LiveServerEventSelector(type, null);
    }

    /**
     * A Responses event of the session's Responses delegation, such as
     * {@code response.output_text.delta}.
     *
     * @param responseEventType the nested Responses event type
     * @return the selector for {@code {"type": "response.event", "response_event": responseEventType}}
     */
    public static LiveServerEventSelector responseEvent(String responseEventType) {
        return new LiveServerEventSelector(RESPONSE_EVENT, responseEventType);
    }
}
