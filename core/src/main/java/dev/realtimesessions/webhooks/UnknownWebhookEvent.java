package dev.realtimesessions.webhooks;

import dev.realtimesessions.ValidationException;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An event of a type this library does not model, or one that lacks what identifies it (a
 * {@code type}, or the {@code call_id} of a call event), kept whole so that nothing the sender sent is
 * lost: a new event type is delivered to the application, never refused.
 *
 * @param id the event's id ({@code id}), or {@code null} if it had none
 * @param type the event's type ({@code type}), empty if it had none
 * @param createdAt when the event was created ({@code created_at}), or {@code null} if it had none
 * @param object the object type ({@code object}), or {@code null} if it had none
 * @param fields every field of the event as received, {@code type} and {@code data} included, as
 *     plain JSON values
 */
public record UnknownWebhookEvent(
        @Nullable String id,
        String type,
        @Nullable Instant createdAt,
        @Nullable String object,
        Map<String, Object> fields) implements WebhookEvent {

    /**
     * Creates the event, deep-copying {@code fields}; a {@code null} map is taken as empty.
     *
     * @param id the event's id ({@code id}), or {@code null} if it had none
     * @param type the event's type ({@code type}), empty if it had none
     * @param createdAt when the event was created ({@code created_at}), or {@code null} if it had none
     * @param object the object type ({@code object}), or {@code null} if it had none
     * @param fields every field of the event as received, as plain JSON values
     * @throws ValidationException if {@code type} is {@code null} or {@code fields} holds something
     *     that is not a JSON value
     */
    public UnknownWebhookEvent {
        if (type == null) {
            throw new ValidationException("type", "must not be null; use \"\" for an event without one");
        }
        fields = JsonCopies.object("event", fields);
    }
}
