package dev.realtimesessions.model;

import dev.realtimesessions.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The rule for a WebRTC SDP offer a request carries: text that starts with the SDP version line
 * {@code v=0} (RFC 8866), within {@link LiveSessionCreateRequest#MAX_SDP_OFFER_LENGTH} characters.
 * Whether the offer is one the server can answer is the server's to judge.
 */
final class SdpOfferRule {

    private SdpOfferRule() {
    }

    /** The offer, checked; {@code field} names it in the error. */
    static String check(String field, @Nullable String sdp) {
        Checks.notBlank(field, sdp);
        if (sdp.length() > LiveSessionCreateRequest.MAX_SDP_OFFER_LENGTH) {
            throw new ValidationException(field, "must be at most " + LiveSessionCreateRequest.MAX_SDP_OFFER_LENGTH
                    + " characters, but has " + sdp.length());
        }
        if (!sdp.startsWith("v=0\r\n") && !sdp.startsWith("v=0\n")) {
            throw new ValidationException(field, "must be an SDP offer, starting with the line \"v=0\" (as"
                    + " RTCPeerConnection.createOffer() writes it), but starts with \""
                    + escape(sdp.substring(0, Math.min(12, sdp.length()))) + "\"");
        }
        return sdp;
    }

    /** The start of a bad offer as one line, so that a message shows what was sent without breaking. */
    private static String escape(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
