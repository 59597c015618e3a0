package dev.realtimesessions.internal;

/**
 * A successful answer a {@link ResponseBody} cannot use: it lacks what the caller cannot do
 * without (an SDP answer's {@code Location}, say). The call turns it into a
 * {@code ResponseDecodingException}; the message names what was missing and holds no secret.
 */
final class ResponseShapeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ResponseShapeException(String message) {
        super(message, null, false, false);
    }
}
