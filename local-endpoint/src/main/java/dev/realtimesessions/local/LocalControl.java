package dev.realtimesessions.local;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One control request the endpoint received for a call or GPT-Live session it knows, whatever it
 * answered: a refused control (an invalid body, a call in the wrong state) is recorded too, with
 * its status.
 *
 * @param callId the call id ({@code rtc_...}) or Live session id ({@code live_...}) from the path
 * @param operation what was asked
 * @param body the request body as received (UTF-8), or null when there was none
 * @param status the HTTP status the endpoint answered
 * @param receivedAt when it arrived, on the endpoint's clock
 */
public record LocalControl(String callId, Operation operation, @Nullable String body, int status, Instant receivedAt) {

    /**
     * Checks that the required components are there.
     *
     * @param callId the call or session id
     * @param operation the operation
     * @param body the body, or null
     * @param status the answered status
     * @param receivedAt when it arrived
     * @throws IllegalArgumentException if a required component is null
     */
    public LocalControl {
        Args.required("callId", callId);
        Args.required("operation", operation);
        Args.required("receivedAt", receivedAt);
    }

    /**
     * Whether the endpoint carried it out (answered 2xx).
     *
     * @return true for a 2xx answer
     */
    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    /** The control operations, as named by the last path segment. */
    public enum Operation {
        /** {@code POST .../accept}: answer a ringing SIP call with a session. */
        ACCEPT,
        /** {@code POST .../reject}: decline a ringing SIP call with a SIP status. */
        REJECT,
        /** {@code POST .../refer}: transfer an accepted SIP call. */
        REFER,
        /** {@code POST .../hangup}: end the call. */
        HANGUP,
        /** {@code POST /live/sessions/{id}/fork}: a stored Live session onto a new WebRTC connection. */
        FORK
    }
}
