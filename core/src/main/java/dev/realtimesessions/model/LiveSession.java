package dev.realtimesessions.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A GPT-Live session the API started over WebRTC: the answer of {@code POST /live/sessions} and of
 * a fork, {@code {"session": {"id": ...}, "transport": {"type": "webrtc", "sdp": answer}}}, with
 * status 201. Hand {@link #sdpAnswer()} to the browser, which applies it as its remote description
 * and waits for {@code session.started} on the data channel; keep {@link #sessionId()} for the
 * session's controls (hang up, fork) and sideband connections.
 *
 * <p>Read tolerantly: only the session's id and the SDP answer are needed (without either the call
 * fails with a {@code ResponseDecodingException}); fields this library does not model, at any
 * depth, and values of an unexpected type are kept in {@link #additionalProperties()} under their
 * JSON path ({@code session.expires_at}, {@code transport.type}, ...). GPT-Live is an alpha API.
 *
 * @param sessionId the session's opaque id, such as {@code live_u0_...}; keep it unchanged, prefix
 *     included ({@code session.id})
 * @param sdpAnswer the SDP answer for the browser's peer connection ({@code transport.sdp})
 * @param transportType the transport, {@code webrtc} ({@code transport.type}); {@code null} when the
 *     answer had none
 * @param additionalProperties the answer's other fields and odd values, by JSON path, as plain JSON values
 */
public record LiveSession(String sessionId, String sdpAnswer, @Nullable String transportType,
        Map<String, Object> additionalProperties) {

    /**
     * Creates the session, copying the map; a {@code null} map is taken as empty.
     *
     * @param sessionId the session's opaque id ({@code session.id})
     * @param sdpAnswer the SDP answer ({@code transport.sdp})
     * @param transportType the transport ({@code transport.type})
     * @param additionalProperties the answer's other fields and odd values, by JSON path
     * @throws dev.realtimesessions.ValidationException if the id or the answer is {@code null}, or
     *     a map value is not JSON
     */
    public LiveSession {
        Checks.notNull("session.id", sessionId);
        Checks.notNull("transport.sdp", sdpAnswer);
        additionalProperties = additionalProperties == null || additionalProperties.isEmpty() ? Map.of()
                : JsonValues.copyObject("additionalProperties", additionalProperties);
    }

    /**
     * Shows the id and the answer's length, not the answer.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "LiveSession[sessionId=" + sessionId + ", sdpAnswer=<" + sdpAnswer.length() + " characters>"
                + ", transportType=" + transportType
                + (additionalProperties.isEmpty() ? "" : ", additionalProperties=" + additionalProperties) + "]";
    }
}
