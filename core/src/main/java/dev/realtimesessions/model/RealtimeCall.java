package dev.realtimesessions.model;

import dev.realtimesessions.ValidationException;

/**
 * A call {@code POST /realtime/calls} created: the SDP answer to hand back to the browser, and the
 * call's id, to keep on the server to control the call ({@code hangupCall}, {@code referCall}, a
 * sideband WebSocket with {@code ?call_id=}).
 *
 * <p>The id is the last path segment of the answer's {@code Location} header
 * ({@code /v1/realtime/calls/rtc_...}). {@link #toString()} shows the id and the answer's size, not
 * the answer itself, so that logging a call never writes whole SDPs to a log.
 *
 * @param callId the call's id, such as {@code rtc_u1_9c6574da8b8a41a18da9308f4ad974ce}
 * @param sdp the SDP answer, for the browser's {@code setRemoteDescription({type: "answer", sdp})}
 */
public record RealtimeCall(String callId, String sdp) {

    /**
     * Creates a call.
     *
     * @param callId the call's id
     * @param sdp the SDP answer
     * @throws ValidationException if a component is null
     */
    public RealtimeCall {
        if (callId == null || sdp == null) {
            throw new ValidationException(callId == null ? "call_id" : "sdp", "must not be null");
        }
    }

    /**
     * Shows the id and the answer's size, not the answer.
     *
     * @return a description that keeps the SDP out of logs
     */
    @Override
    public String toString() {
        return "RealtimeCall[callId=" + callId + ", sdp=<" + sdp.length() + " chars>]";
    }
}
