package dev.realtimesessions;

import org.jspecify.annotations.Nullable;

/**
 * The API refused a request in the deprecated beta shape ({@code error.code}
 * {@code beta_api_shape_disabled}, with a 4xx status): the account or model no longer accepts the
 * beta Realtime interface. Mint the secret with
 * {@link RealtimeSessions#createClientSecret(dev.realtimesessions.model.ClientSecretCreateRequest)}
 * ({@code POST /realtime/client_secrets}) and the GA session shape instead; the message says so.
 * Not retried.
 *
 * <pre>{@code
 * Mono<ClientSecret> secret = sessions.create(betaRequest).map(RealtimeSession::clientSecret)
 *     .onErrorResume(BetaApiShapeDisabledException.class,
 *         e -> sessions.createClientSecret(gaRequest).map(ClientSecretCreateResponse::clientSecret));
 * }</pre>
 */
public final class BetaApiShapeDisabledException extends BadRequestException {

    /** The {@code error.code} that identifies this error: {@value}. */
    public static final String ERROR_CODE = "beta_api_shape_disabled";

    private static final long serialVersionUID = 1L;

    private static final String ADVICE = "Use createClientSecret(ClientSecretCreateRequest)"
            + " (POST /realtime/client_secrets) with the GA session shape instead.";

    /**
     * Creates the error; the advice to move to the GA endpoint is appended to the server's message.
     *
     * @param status the HTTP status
     * @param errorType OpenAI's {@code error.type}
     * @param errorCode OpenAI's {@code error.code}, {@value #ERROR_CODE}
     * @param param OpenAI's {@code error.param}
     * @param serverMessage OpenAI's {@code error.message}, secrets masked
     * @param requestId the answer's {@code x-request-id}
     */
    public BetaApiShapeDisabledException(int status, @Nullable String errorType, @Nullable String errorCode,
            @Nullable String param, @Nullable String serverMessage, @Nullable String requestId) {
        super(status, errorType, errorCode, param, withAdvice(serverMessage), requestId);
    }

    private static String withAdvice(@Nullable String serverMessage) {
        if (serverMessage == null || serverMessage.isBlank()) {
            return "The beta Realtime API shape is disabled. " + ADVICE;
        }
        String trimmed = serverMessage.strip();
        return trimmed + (trimmed.endsWith(".") ? " " : ". ") + ADVICE;
    }
}
