package dev.realtimesessions.internal;

import dev.realtimesessions.webhooks.LiveTransportIncoming;
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
 * object, and only what identifies an event is needed ({@code type}, and {@code data.call_id} or
 * {@code data.session_id} for a call); anything else missing or oddly shaped reads as absent, and
 * unknown fields are kept.
 */
public final class WebhookEventJson {

    private static final Set<String> ENVELOPE_FIELDS = Set.of("id", "type", "created_at", "object", "data");
    private static final Set<String> CALL_DATA_FIELDS = Set.of("call_id", "sip_headers", "sip_media_security");
    private static final Set<String> LIVE_DATA_FIELDS =
            Set.of("type", "session_id", "sip_headers", "sip_media_security");

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
        WebhookEvent typed = RealtimeCallIncoming.TYPE.equals(type) ? callIncoming(fields)
                : LiveTransportIncoming.TYPE.equals(type) ? liveTransportIncoming(fields) : null;
        if (typed != null) {
            return typed;
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
        SipCallData sip = new SipCallData(data, CALL_DATA_FIELDS);
        return new RealtimeCallIncoming(string(fields.get("id")), instant(fields.get("created_at")),
                string(fields.get("object")), callId, sip.headers, sip.security, sip.others,
                others(fields, ENVELOPE_FIELDS));
    }

    /** The GPT-Live call event, or {@code null} if it lacks a {@code data.session_id} to identify the session. */
    private static @Nullable LiveTransportIncoming liveTransportIncoming(Map<String, Object> fields) {
        if (!(fields.get("data") instanceof Map<?, ?> data) || !(data.get("session_id") instanceof String sessionId)
                || sessionId.isEmpty()) {
            return null;
        }
        SipCallData sip = new SipCallData(data, LIVE_DATA_FIELDS);
        Object transport = data.get("type");
        if (transport != null && !(transport instanceof String)) {
            sip.others.put("type", transport);
        }
        return new LiveTransportIncoming(string(fields.get("id")), instant(fields.get("created_at")),
                string(fields.get("object")), string(transport), sessionId, sip.headers, sip.security, sip.others,
                others(fields, ENVELOPE_FIELDS));
    }

    /**
     * What the SIP call events' {@code data} holds besides the call's id: the headers in order, the
     * media security, and the fields left over. An entry without a name is left out of the headers,
     * and a value that is missing or not a string or number reads as empty, so that one odd header
     * does not cost the call; what no component could hold (such an entry or value, a media security
     * that is not a string, headers that are not a list) is kept with the leftover fields, under its
     * JSON path relative to {@code data}.
     */
    private static final class SipCallData {
        final List<SipHeader> headers;
        final @Nullable SipMediaSecurity security;
        final Map<String, Object> others;

        SipCallData(Map<?, ?> data, Set<String> modeled) {
            others = others(data, modeled);
            Object security = data.get("sip_media_security");
            if (security != null && !(security instanceof String)) {
                others.put("sip_media_security", security);
            }
            this.security = security instanceof String value ? SipMediaSecurity.of(value) : null;
            headers = sipHeaders(data.get("sip_headers"));
        }

        private List<SipHeader> sipHeaders(@Nullable Object value) {
            if (!(value instanceof List<?> entries)) {
                if (value != null) {
                    others.put("sip_headers", value);
                }
                return List.of();
            }
            List<SipHeader> read = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                Object entry = entries.get(i);
                if (entry instanceof Map<?, ?> header && header.get("name") instanceof String name) {
                    Object text = header.get("value");
                    boolean holdable = text instanceof String || text instanceof Number;
                    if (text != null && !holdable) {
                        others.put("sip_headers[" + i + "].value", text);
                    }
                    read.add(new SipHeader(name, holdable ? text.toString() : ""));
                } else {
                    others.put("sip_headers[" + i + "]", entry);
                }
            }
            return read;
        }
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
