package dev.realtimesessions.internal;

import dev.realtimesessions.webhooks.RealtimeCallIncoming;
import dev.realtimesessions.webhooks.SipHeader;
import dev.realtimesessions.webhooks.SipMediaSecurity;
import dev.realtimesessions.webhooks.UnknownWebhookEvent;
import dev.realtimesessions.webhooks.WebhookEvent;
import dev.realtimesessions.webhooks.WebhookVerificationException;
import dev.realtimesessions.webhooks.WebhookVerificationException.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Reads a verified webhook body into its {@link WebhookEvent}, tolerantly: the body must be a JSON
 * object, and only what identifies an event is needed ({@code type}, and {@code data.call_id} for a
 * call); anything else missing or oddly shaped reads as absent, and unknown fields are kept.
 */
public final class WebhookEventJson {

    private static final Set<String> ENVELOPE_FIELDS = Set.of("id", "type", "created_at", "object", "data");
    private static final Set<String> CALL_DATA_FIELDS = Set.of("call_id", "sip_headers", "sip_media_security");

    private WebhookEventJson() {
    }

    /**
     * The event in {@code body}.
     *
     * @throws WebhookVerificationException with {@link Reason#MALFORMED_BODY} if the body is not a
     *     JSON object
     */
    public static WebhookEvent read(byte[] body) {
        Map<String, Object> fields;
        try {
            fields = Json.read(body, body.length, "a webhook body", JsonIn::anyObject);
        } catch (JsonShapeException e) {
            throw new WebhookVerificationException(Reason.MALFORMED_BODY, "malformed webhook body: " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new WebhookVerificationException(Reason.MALFORMED_BODY,
                    "malformed webhook body, not well-formed JSON: " + e.getOriginalMessage(), e);
        }
        return event(fields);
    }

    private static WebhookEvent event(Map<String, Object> fields) {
        String type = string(fields.get("type"));
        if (RealtimeCallIncoming.TYPE.equals(type)) {
            RealtimeCallIncoming call = callIncoming(fields);
            if (call != null) {
                return call;
            }
        }
        return new UnknownWebhookEvent(string(fields.get("id")), type == null ? "" : type,
                instant(fields.get("created_at")), string(fields.get("object")), fields);
    }

    /** The call event, or {@code null} if it lacks a {@code data.call_id} to identify the call. */
    private static @Nullable RealtimeCallIncoming callIncoming(Map<String, Object> fields) {
        if (!(fields.get("data") instanceof Map<?, ?> data) || !(data.get("call_id") instanceof String callId)
                || callId.isEmpty()) {
            return null;
        }
        Object security = data.get("sip_media_security");
        return new RealtimeCallIncoming(string(fields.get("id")), instant(fields.get("created_at")),
                string(fields.get("object")), callId, sipHeaders(data.get("sip_headers")),
                security instanceof String value ? SipMediaSecurity.of(value) : null,
                others(data, CALL_DATA_FIELDS), others(fields, ENVELOPE_FIELDS));
    }

    /**
     * The headers in order; an entry without a name is left out, and a value that is missing or not
     * a string or number reads as empty, so that one odd header does not cost the call.
     */
    private static List<SipHeader> sipHeaders(@Nullable Object value) {
        if (!(value instanceof List<?> entries)) {
            return List.of();
        }
        List<SipHeader> headers = new ArrayList<>(entries.size());
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> header && header.get("name") instanceof String name) {
                Object text = header.get("value");
                headers.add(new SipHeader(name,
                        text instanceof String || text instanceof Number ? text.toString() : ""));
            }
        }
        return headers;
    }

    private static Map<String, Object> others(Map<?, ?> object, Set<String> known) {
        Map<String, Object> others = new LinkedHashMap<>();
        for (Map.Entry<?, ?> field : object.entrySet()) {
            if (!known.contains(field.getKey())) {
                others.put((String) field.getKey(), field.getValue());
            }
        }
        return others;
    }

    private static @Nullable String string(@Nullable Object value) {
        return value instanceof String text ? text : null;
    }

    /** Unix seconds as an instant; {@code null} for anything else, including seconds out of range. */
    private static @Nullable Instant instant(@Nullable Object value) {
        if (!(value instanceof Integer || value instanceof Long)) {
            return null;
        }
        long seconds = ((Number) value).longValue();
        if (seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()) {
            return null;
        }
        return Instant.ofEpochSecond(seconds);
    }
}
