package dev.realtimesessions;

import org.jspecify.annotations.Nullable;

/**
 * HTTP 5xx: the server or a proxy in front of it failed. Retried by the default
 * {@link RetryPolicy}; when retries run out this is the last failure, with the earlier ones
 * attached as suppressed exceptions.
 */
public final class InternalServerException extends ApiException {

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
    public InternalServerException(int status, @Nullable String errorType, @Nullable String errorCode,
            @Nullable String param, @Nullable String serverMessage, @Nullable String requestId) {
        super(status, errorType, errorCode, param, serverMessage, requestId);
    }
}
