package dev.realtimesessions;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server answered, but the answer could not be used: the body is not JSON, is malformed, lacks
 * a field the response cannot do without, or is larger than the client's
 * {@code maxResponseBytes}. Never retried: the same request would most likely get the same answer.
 */
public final class ResponseDecodingException extends RealtimeSessionsException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status of the answer. */
    private final int status;

    /** The answer's {@code x-request-id}, if any. */
    private final @Nullable String requestId;

    /**
     * Creates a decoding error.
     *
     * @param message what was wrong with the answer
     * @param status the HTTP status of the answer
     * @param requestId the {@code x-request-id} of the answer, if it had one
     * @param cause the parser's error, if any
     */
    public ResponseDecodingException(String message, int status, @Nullable String requestId,
            @Nullable Throwable cause) {
        super(message, cause);
        this.status = status;
        this.requestId = requestId;
    }

    /**
     * The HTTP status of the undecodable answer.
     *
     * @return the status code
     */
    public int status() {
        return status;
    }

    /**
     * The {@code x-request-id} header of the answer, to quote to OpenAI support.
     *
     * @return the request id, if the answer had one
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
