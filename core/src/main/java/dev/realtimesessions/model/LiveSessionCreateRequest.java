package dev.realtimesessions.model;

/**
 * The body of {@code POST /live/sessions}: start a GPT-Live session over WebRTC with the browser's
 * SDP offer. {@code {"session": {...}, "transport": {"type": "webrtc", "sdp": offer}}}.
 *
 * <pre>{@code
 * sessions.createLiveSession(LiveSessionCreateRequest.of(session, offerFromTheBrowser))
 *     .map(live -> new Answer(live.sessionId(), live.sdpAnswer()));   // the browser applies the answer
 * }</pre>
 *
 * <p><strong>GPT-Live is an alpha API.</strong> OpenAI lists it as alpha; its shapes may change
 * without notice, and parts of its published schema are incomplete (see the README). The session
 * starts with this request, not with a client token: your server exchanges the offer with its API
 * key and hands the answer back, and the browser is limited by
 * {@link LiveSessionConfig#dataChannel()} rather than by a token's scope. Creating a session bills
 * 15 seconds of voice time while it starts (credited once it runs).
 *
 * @param session how the session starts ({@code session})
 * @param sdp the browser's SDP offer ({@code transport.sdp}); {@code transport.type} is always {@code webrtc}
 */
public record LiveSessionCreateRequest(LiveSessionConfig session, String sdp) {

    /**
     * The largest SDP offer a request carries, in bytes of UTF-8: 64 KiB, as for
     * {@code POST /realtime/calls}. A browser's offer of audio and a data channel is about 3 KB
     * (with video and simulcast rarely above 20 KB); the bound keeps an app that relays offers from
     * untrusted browsers from relaying anything much larger.
     */
    public static final int MAX_SDP_BYTES = RealtimeCallRequest.MAX_SDP_BYTES;

    /**
     * Checks the request.
     *
     * @param session how the session starts ({@code session})
     * @param sdp the browser's SDP offer ({@code transport.sdp})
     * @throws dev.realtimesessions.ValidationException naming the field, if {@code session} is
     *     null, or {@code sdp} is null, blank, not text, larger than {@link #MAX_SDP_BYTES} or does
     *     not start with the line {@code v=0}
     */
    public LiveSessionCreateRequest {
        Checks.notNull("session", session);
        SdpOfferRule.check("transport.sdp", sdp);
    }

    /**
     * A request to start {@code session} with the browser's offer.
     *
     * @param session how the session starts
     * @param sdpOffer the browser's SDP offer ({@code RTCPeerConnection.createOffer()}'s {@code sdp})
     * @return the request
     * @throws dev.realtimesessions.ValidationException as the constructor
     */
    public static LiveSessionCreateRequest of(LiveSessionConfig session, String sdpOffer) {
        return new LiveSessionCreateRequest(session, sdpOffer);
    }

    /**
     * Shows the session and the offer's length, not the offer (kilobytes of ICE candidates and
     * fingerprints).
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "LiveSessionCreateRequest[session=" + session + ", sdp=<" + sdp.length() + " characters>]";
    }
}
