package dev.realtimesessions.webhooks;

import dev.realtimesessions.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code realtime.call.incoming}: a SIP call reached the project's SIP address and waits to be
 * answered through the Realtime API. Accept it (with a session configuration), reject it or refer
 * it, passing {@link #callId()} unchanged, before the caller gives up.
 *
 * <pre>{@code
 * if (event instanceof RealtimeCallIncoming call) {
 *     String from = call.sipHeaderValues("From").stream().findFirst().orElse("unknown");
 *     boolean encrypted = SipMediaSecurity.SRTP.equals(call.sipMediaSecurity());
 *     // accept, reject or refer call.callId() ...
 * }
 * }</pre>
 *
 * <p>Read tolerantly: only {@code data.call_id} is needed (without it the event is an
 * {@link UnknownWebhookEvent}); other fields the sender left out or sent in an unexpected shape are
 * {@code null} or empty, and fields this library does not know are kept in
 * {@link #dataAdditionalProperties()} and {@link #additionalProperties()}.
 *
 * @param id the event's id, {@code evt_...} ({@code id})
 * @param createdAt when the event was created ({@code created_at})
 * @param object the object type, {@code event} ({@code object})
 * @param callId the pending call's id, {@code rtc_...}, to accept, reject or refer it with
 *     ({@code data.call_id})
 * @param sipHeaders the headers of the SIP {@code INVITE}, without its authorization headers, with
 *     names, values, repeats and order as received; untrusted ({@code data.sip_headers})
 * @param sipMediaSecurity the media protection negotiated on the SIP leg, {@code null} when unknown
 *     ({@code data.sip_media_security})
 * @param dataAdditionalProperties fields of {@code data} this library does not model, as plain JSON values
 * @param additionalProperties fields of the event this library does not model, as plain JSON values
 */
public record RealtimeCallIncoming(
        @Nullable String id,
        @Nullable Instant createdAt,
        @Nullable String object,
        String callId,
        List<SipHeader> sipHeaders,
        @Nullable SipMediaSecurity sipMediaSecurity,
        Map<String, Object> dataAdditionalProperties,
        Map<String, Object> additionalProperties) implements WebhookEvent {

    /** The event's {@code type}: {@code "realtime.call.incoming"}. */
    public static final String TYPE = "realtime.call.incoming";

    /**
     * Creates the event, copying the list and maps; a {@code null} list or map is taken as empty.
     *
     * @param id the event's id, {@code evt_...} ({@code id})
     * @param createdAt when the event was created ({@code created_at})
     * @param object the object type, {@code event} ({@code object})
     * @param callId the pending call's id, {@code rtc_...} ({@code data.call_id})
     * @param sipHeaders the headers of the SIP {@code INVITE}, in order ({@code data.sip_headers})
     * @param sipMediaSecurity the media protection negotiated on the SIP leg ({@code data.sip_media_security})
     * @param dataAdditionalProperties fields of {@code data} this library does not model, as plain JSON values
     * @param additionalProperties fields of the event this library does not model, as plain JSON values
     * @throws ValidationException if {@code callId} or a header is {@code null}, or a map holds
     *     something that is not a JSON value
     */
    public RealtimeCallIncoming {
        if (callId == null) {
            throw new ValidationException("data.call_id", "must not be null");
        }
        sipHeaders = SipHeaders.copy(sipHeaders);
        dataAdditionalProperties = JsonCopies.object("data", dataAdditionalProperties);
        additionalProperties = JsonCopies.object("event", additionalProperties);
    }

    /**
     * Always {@value #TYPE}.
     *
     * @return {@link #TYPE}
     */
    @Override
    public String type() {
        return TYPE;
    }

    /**
     * The values of every SIP header with this name, in the order received. SIP header names are
     * compared without regard to case; compact forms ({@code f} for {@code From}) are not expanded.
     *
     * @param name the header name, such as {@code From} or {@code X-Customer-Id}
     * @return the values, empty if the {@code INVITE} had no such header
     */
    public List<String> sipHeaderValues(String name) {
        return SipHeaders.values(sipHeaders, name);
    }
}
