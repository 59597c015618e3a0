package dev.realtimesessions.model;

import dev.realtimesessions.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /realtime/calls}: a browser's WebRTC SDP offer, and the session that
 * answers it. Sent as {@code multipart/form-data} with a part {@code sdp} ({@code application/sdp})
 * and, when a session is given, a part {@code session} ({@code application/json}, the same object
 * {@code createClientSecret} sends as its {@code session}); without a session the server's default
 * session answers.
 *
 * <pre>{@code
 * RealtimeCallRequest request = RealtimeCallRequest.of(offerFromTheBrowser, RealtimeSessionConfig.builder()
 *     .model(RealtimeModel.GPT_REALTIME)
 *     .instructions("You are a friendly assistant.")
 *     .build());
 * }</pre>
 *
 * <p>The offer is checked when the request is made, so that nothing unusable is sent: it must be
 * text (no control characters but CR, LF and TAB), at most {@value #MAX_SDP_BYTES} bytes in UTF-8,
 * and its first line must be {@code v=0}, as every SDP's is (RFC 8866). The bound is an order of
 * magnitude above what browsers offer (a Chrome offer of audio and a data channel is about 3 KB;
 * with video and simulcast rarely above 20 KB) and keeps an app that relays offers from untrusted
 * browsers from relaying anything much larger.
 *
 * <p>An SDP holds ICE credentials and DTLS fingerprints, which are not secrets (they only pair the
 * two ends of one connection), but {@link #toString()} shows only the offer's size, so that logging
 * a request never writes whole offers to a log.
 *
 * @param sdp the SDP offer, as the browser's {@code RTCPeerConnection.createOffer()} made it ({@code sdp})
 * @param session the session that answers the call, or null for the server's default ({@code session})
 */
public record RealtimeCallRequest(String sdp, @Nullable RealtimeSessionConfig session) {

    /** The largest offer sent, in bytes of UTF-8: 64 KiB. */
    public static final int MAX_SDP_BYTES = 64 * 1024;

    /**
     * Checks the offer.
     *
     * @param sdp the SDP offer ({@code sdp})
     * @param session the session, or null for the server's default ({@code session})
     * @throws ValidationException naming {@code sdp} if the offer is null, blank, not text, larger
     *     than {@value #MAX_SDP_BYTES} bytes or does not start with the line {@code v=0}
     */
    public RealtimeCallRequest {
        SdpOfferRule.check("sdp", sdp);
    }

    /**
     * A call answered by the server's default session.
     *
     * @param sdp the SDP offer
     * @return the request
     * @throws ValidationException naming {@code sdp} if the offer is unusable (see the class documentation)
     */
    public static RealtimeCallRequest of(String sdp) {
        return new RealtimeCallRequest(sdp, null);
    }

    /**
     * A call answered by the given session.
     *
     * @param sdp the SDP offer
     * @param session the session's configuration, checked like any other request's
     * @return the request
     * @throws ValidationException naming {@code sdp} if the offer is unusable, or {@code session} if it is null
     */
    public static RealtimeCallRequest of(String sdp, RealtimeSessionConfig session) {
        return new RealtimeCallRequest(sdp, Checks.notNull("session", session));
    }

    /**
     * Shows the offer's size and the session, not the offer itself.
     *
     * @return a description that keeps the offer out of logs
     */
    @Override
    public String toString() {
        return "RealtimeCallRequest[sdp=<" + sdp.length() + " chars>, session=" + session + "]";
    }
}
