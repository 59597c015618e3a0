package dev.realtimesessions;

import org.jspecify.annotations.Nullable;

/**
 * HTTP 403: the key is valid but may not do this (for example the model is not enabled for the
 * project, or the request comes from an unsupported region). Not retried.
 */
public final class PermissionDeniedException extends ApiException {

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
    public PermissionDeniedException(int status, @Nullable String errorType, @Nullable String errorCode,
            @Nullable String param, @Nullable String serverMessage, @Nullable String requestId) {
        super(status, errorType, errorCode, param, serverMessage, requestId);
    }
}
