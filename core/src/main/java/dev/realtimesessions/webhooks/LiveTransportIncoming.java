package dev.realtimesessions.webhooks;

import dev.realtimesessions.ValidationException;
import dev.realtimesessions.model.LiveSessionConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code live.transport.incoming}: a SIP call reached the project's SIP address and waits to be
 * answered through the GPT-Live API (an alpha API). Accept it with
 * {@link dev.realtimesessions.RealtimeSessions#acceptLiveSession(String, LiveSessionConfig)
 * RealtimeSessions.acceptLiveSession}, or reject or refer it, passing {@link #sessionId()} unchanged,
 * before the caller gives up.
 *
 * <pre>{@code
 * if (event instanceof LiveTransportIncoming call) {
 *     String from = call.sipHeaderValues("From").stream().findFirst().orElse("unknown");
 *     sessions.acceptLiveSession(call.sessionId(), LiveSessionConfig.of(LiveModel.GPT_LIVE_1));
 * }
 * }</pre>
 *
 * <p>The same pending call can also be delivered as {@link RealtimeCallIncoming}, with a separate
 * {@code rtc_...} call id: the first accept that succeeds, through the Realtime or the Live API,
 * decides which runs the call. (The deprecated {@code live.call.incoming}, which this event
 * replaces, arrives as an {@link UnknownWebhookEvent}.)
 *
 * <p>Read tolerantly: only {@code data.session_id} is needed (without it the event is an
 * {@link UnknownWebhookEvent}); other fields the sender left out are {@code null} or empty, and fields
 * this library does not know, or sent in a shape it cannot hold, are kept in
 * {@link #dataAdditionalProperties()} and {@link #additionalProperties()}. Source:
 * {@code WebhookLiveTransportIncoming} in the spec OpenAI's Node SDK is generated from.
 *
 * @param id the event's id, {@code evt_...} ({@code id})
 * @param createdAt when the event was created ({@code created_at})
 * @param object the object type, {@code event} ({@code object})
 * @param transportType the incoming transport, {@code sip} ({@code data.type}); {@code null} when absent
 * @param sessionId the pending session's id, {@code live_...}, to accept, reject or refer it with
 *     ({@code data.session_id})
 * @param sipHeaders the headers of the SIP {@code INVITE}, without its authorization headers, with
 *     names, values, repeats and order as received; untrusted ({@code data.sip_headers})
 * @param sipMediaSecurity the media protection negotiated on the SIP leg, {@code null} when unknown
 *     ({@code data.sip_media_security})
 * @param dataAdditionalProperties fields of {@code data} this library does not model, and values of
 *     an unexpected shape, as plain JSON values
 * @param additionalProperties fields of the event this library does not model, as plain JSON values
 */
public record LiveTransportIncoming(
        @Nullable String id,
        @Nullable Instant createdAt,
        @Nullable String object,
        @Nullable String transportType,
        String sessionId,
        List<SipHeader> sipHeaders,
        @Nullable SipMediaSecurity sipMediaSecurity,
        Map<String, Object> dataAdditionalProperties,
        Map<String, Object> additionalProperties) implements WebhookEvent {

    /** The event's {@code type}: {@code "live.transport.incoming"}. */
    public static final String TYPE = "live.transport.incoming";

    /**
     * Creates the event, copying the list and maps; a {@code null} list or map is taken as empty.
     *
     * @param id the event's id, {@code evt_...} ({@code id})
     * @param createdAt when the event was created ({@code created_at})
     * @param object the object type, {@code event} ({@code object})
     * @param transportType the incoming transport, {@code sip} ({@code data.type})
     * @param sessionId the pending session's id, {@code live_...} ({@code data.session_id})
     * @param sipHeaders the headers of the SIP {@code INVITE}, in order ({@code data.sip_headers})
     * @param sipMediaSecurity the media protection negotiated on the SIP leg ({@code data.sip_media_security})
     * @param dataAdditionalProperties fields of {@code data} this library does not model, as plain JSON values
     * @param additionalProperties fields of the event this library does not model, as plain JSON values
     * @throws ValidationException if {@code sessionId} or a header is {@code null}, or a map holds
     *     something that is not a JSON value
     */
    public LiveTransportIncoming {
        if (sessionId == null) {
            throw new ValidationException("data.session_id", "must not be null");
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
