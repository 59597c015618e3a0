package dev.realtimesessions.adapter.webflux;

import org.springframework.http.HttpStatus;

/**
 * An offer the {@link RealtimeCallEndpoint} refuses before anything is sent upstream: not sent as
 * {@code application/sdp} (415), larger than an offer can be (413), or not an SDP offer (400).
 * Its message says what is wrong and never quotes the offer.
 */
final class OfferRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String type;

    OfferRefusal(HttpStatus status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    HttpStatus status() {
        return status;
    }

    /** The {@code error.type} of the answer. */
    String type() {
        return type;
    }
}
