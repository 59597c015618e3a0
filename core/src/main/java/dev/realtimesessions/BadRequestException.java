package dev.realtimesessions;

import org.jspecify.annotations.Nullable;

/**
 * HTTP 400: the server rejected the request as invalid; {@link #param()} usually names the field.
 * Not retried. Its subclass {@link BetaApiShapeDisabledException} says that a beta-shaped request
 * was refused (with any 4xx status).
 */
public class BadRequestException extends ApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; see {@link ApiException#ApiException(int, String, String, String, String, String)}.
     *
     * @param status the HTTP status
     * @param errorType OpenAI's {@code error.type}
     * @param errorCode OpenAI's {@code error.code}
     * @param param OpenAI's {@code error.param}
     * @param serverMessage OpenAI's {@code error.message}, secrets masked
     * @param requestId the answer's {@code x-request-id}
     */
    public BadRequestException(int status, @Nullable String errorType, @Nullable String errorCode,
            @Nullable String param, @Nullable String serverMessage, @Nullable String requestId) {
        super(status, errorType, errorCode, param, serverMessage, requestId);
    }
}
