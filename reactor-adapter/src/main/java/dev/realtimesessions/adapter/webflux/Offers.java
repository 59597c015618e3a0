package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.ValidationException;
import dev.realtimesessions.model.RealtimeCallRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Reads the browser's SDP offer for the {@link RealtimeCallEndpoint}: sent as
 * {@code application/sdp}, read up to {@link RealtimeCallRequest#MAX_SDP_BYTES} bytes (never more
 * into memory), and checked as the core checks every offer. Each refusal is an {@link OfferRefusal}.
 */
final class Offers {

    /** The offer's and the answer's media type. */
    static final MediaType APPLICATION_SDP = MediaType.parseMediaType("application/sdp");

    private Offers() {
    }

    /** The body as a checked call request without a session, or an {@link OfferRefusal}. */
    static Mono<RealtimeCallRequest> read(ServerRequest request) {
        MediaType type = request.headers().contentType().orElse(null);
        if (type == null || !APPLICATION_SDP.equalsTypeAndSubtype(type)) {
            return Mono.error(new OfferRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "Send the SDP offer as the body, with Content-Type: application/sdp."));
        }
        return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), RealtimeCallRequest.MAX_SDP_BYTES)
                .onErrorMap(DataBufferLimitException.class, e -> new OfferRefusal(HttpStatus.CONTENT_TOO_LARGE,
                        "offer_too_large", "The SDP offer is larger than " + RealtimeCallRequest.MAX_SDP_BYTES
                                + " bytes."))
                .map(buffer -> {
                    try {
                        return buffer.toString(StandardCharsets.UTF_8);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty("")
                .map(sdp -> {
                    try {
                        return RealtimeCallRequest.of(sdp);
                    } catch (ValidationException e) {
                        throw new OfferRefusal(HttpStatus.BAD_REQUEST, "invalid_offer",
                                "The body is not a usable SDP offer: " + e.getMessage() + ".");
                    }
                });
    }
}
