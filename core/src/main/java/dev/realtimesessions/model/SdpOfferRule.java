package dev.realtimesessions.model;

import dev.realtimesessions.ValidationException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The rule for the WebRTC SDP offer a request carries ({@link RealtimeCallRequest},
 * {@link LiveSessionCreateRequest}, {@link LiveForkRequest}): text (no control characters but CR, LF
 * and TAB), at most {@link RealtimeCallRequest#MAX_SDP_BYTES} bytes in UTF-8, whose first line is
 * {@code v=0}, as every SDP's is (RFC 8866). The message never quotes the offer. Whether the offer is
 * one the server can answer is the server's to judge.
 */
final class SdpOfferRule {

    private SdpOfferRule() {
    }

    /** The offer, checked; {@code field} names it in the error. */
    static String check(String field, @Nullable String sdp) {
        if (sdp == null || sdp.isBlank()) {
            throw new ValidationException(field, "must be an SDP offer, but was " + (sdp == null ? "null" : "blank"));
        }
        long bytes = 0;
        for (int i = 0; i < sdp.length(); i++) {
            char c = sdp.charAt(i);
            if (c < 0x20 && c != '\r' && c != '\n' && c != '\t' || c == 0x7f) {
                throw new ValidationException(field, "must be text, but holds the control character U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + " at index " + i);
            }
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        if (bytes > RealtimeCallRequest.MAX_SDP_BYTES) {
            throw new ValidationException(field, "must be at most " + RealtimeCallRequest.MAX_SDP_BYTES
                    + " bytes in UTF-8, but is " + bytes + " bytes long; no browser offers that much");
        }
        if (!sdp.startsWith("v=0") || sdp.length() > 3 && sdp.charAt(3) != '\r' && sdp.charAt(3) != '\n') {
            throw new ValidationException(field, "must start with the line v=0, as every SDP does; pass the"
                    + " offer's sdp text (RTCPeerConnection.createOffer()'s sdp), not the RTCSessionDescription's JSON");
        }
        return sdp;
    }
}
