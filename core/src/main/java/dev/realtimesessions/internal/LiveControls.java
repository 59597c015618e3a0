package dev.realtimesessions.internal;

import dev.realtimesessions.ValidationException;
import dev.realtimesessions.model.LiveForkRequest;
import dev.realtimesessions.model.LiveSessionConfig;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The requests of the GPT-Live session controls ({@code POST /live/sessions/{session_id}/...}), each
 * with the session's id for its path, and the rules they are checked by before anything is sent.
 * The public API takes their parts as arguments; these records put them in the one request object
 * an {@link Endpoint} sends.
 */
public final class LiveControls {

    /** The JSON and path name of a session's id. */
    static final String SESSION_ID = "session_id";

    private LiveControls() {
    }

    /**
     * Checks a session's id: the opaque {@code live_...} id from a created session or from a
     * {@code live.transport.incoming} webhook, passed unchanged. Only the characters such ids are
     * made of (letters, digits, {@code _} and {@code -}, as for a Realtime call's id) are accepted,
     * so that no id can change the path it is put in.
     *
     * @return the id
     * @throws ValidationException naming {@code session_id} otherwise
     */
    public static String checkSessionId(@Nullable String sessionId) {
        if (sessionId == null || sessionId.isEmpty()) {
            throw new ValidationException(SESSION_ID, "must be a session id such as live_..., but was "
                    + (sessionId == null ? "null" : "empty"));
        }
        for (int i = 0; i < sessionId.length(); i++) {
            char c = sessionId.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                throw new ValidationException(SESSION_ID, "must hold only letters, digits, _ and -, as the API's"
                        + " session ids do, but has " + describe(c) + " at index " + i);
            }
        }
        return sessionId;
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7f ? String.format(Locale.ROOT, "the control character U+%04X", (int) c)
                : c == ' ' ? "a space" : "'" + c + "'";
    }

    /**
     * {@code accept}: answer a ringing SIP call with a Live session, {@code {"session": {"type": "live", ...}}}.
     *
     * @param sessionId the session's id
     * @param session how the session starts; a SIP call has no browser, so no data channel permissions
     */
    public record Accept(String sessionId, LiveSessionConfig session) {

        /** Checks the id and the session. */
        public Accept {
            checkSessionId(sessionId);
            if (session == null) {
                throw new ValidationException("session", "must not be null");
            }
            if (session.dataChannel() != null) {
                throw new ValidationException("session.client.data_channel", "is for the browser of a WebRTC"
                        + " session; a SIP call has no data channel, and accept does not take it:"
                        + " send session.toBuilder().clearDataChannel().build()");
            }
        }
    }

    /**
     * {@code reject}: decline a ringing SIP call with a SIP status, {@code {"status_code": 486}}.
     *
     * @param sessionId the session's id
     * @param statusCode the SIP status sent to the caller, 300 to 699
     */
    public record Reject(String sessionId, int statusCode) {

        /** The lowest SIP status a rejection may have. */
        public static final int MIN_STATUS = 300;

        /** The highest SIP status a rejection may have. */
        public static final int MAX_STATUS = 699;

        /** Checks the id and the status. */
        public Reject {
            checkSessionId(sessionId);
            if (statusCode < MIN_STATUS || statusCode > MAX_STATUS) {
                throw new ValidationException("status_code", "must be a SIP status from " + MIN_STATUS + " to "
                        + MAX_STATUS + " (486 Busy Here, 603 Decline, ...), but was " + statusCode);
            }
        }
    }

    /**
     * {@code refer}: transfer a SIP call, {@code {"target_uri": "tel:+14155550123"}}.
     *
     * @param sessionId the session's id
     * @param targetUri the SIP {@code Refer-To} target: a {@code tel:}, {@code sip:} or {@code sips:} URI,
     *     checked as a Realtime call's ({@link CallArguments#targetUri})
     */
    public record Refer(String sessionId, String targetUri) {

        /** Checks the id and the target. */
        public Refer {
            checkSessionId(sessionId);
            CallArguments.targetUri(targetUri);
        }
    }

    /**
     * {@code fork}: continue a stored session on a new WebRTC connection.
     *
     * @param sessionId the stored session's id
     * @param request the new connection's offer and the overrides
     */
    public record Fork(String sessionId, LiveForkRequest request) {

        /** Checks the id and the request. */
        public Fork {
            checkSessionId(sessionId);
            if (request == null) {
                throw new ValidationException("request", "must not be null");
            }
        }
    }
}
