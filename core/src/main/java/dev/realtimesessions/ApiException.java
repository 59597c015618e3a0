package dev.realtimesessions;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The API answered with an error status. Carries what OpenAI's error body says ({@code error.type},
 * {@code error.code}, {@code error.param}, {@code error.message}) and the answer's
 * {@code x-request-id}, which OpenAI support asks for.
 *
 * <p>The statuses a caller handles differently have their own subclasses:
 * {@link BadRequestException} (400), {@link AuthenticationException} (401),
 * {@link PermissionDeniedException} (403), {@link NotFoundException} (404),
 * {@link ConflictException} (409), {@link UnprocessableEntityException} (422),
 * {@link RateLimitException} (429) and {@link InternalServerException} (5xx). Any other status
 * comes as a plain {@code ApiException}.
 *
 * <pre>{@code
 * sessions.create(request)
 *     .onErrorResume(BadRequestException.class, e -> {
 *         log.warn("OpenAI rejected {}: {}", e.param().orElse("the request"), e.getMessage());
 *         return Mono.empty();
 *     });
 * }</pre>
 */
public class ApiException extends RealtimeSessionsException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status of the answer. */
    private final int status;

    /** OpenAI's {@code error.type}, if any. */
    private final @Nullable String errorType;

    /** OpenAI's {@code error.code}, if any. */
    private final @Nullable String errorCode;

    /** OpenAI's {@code error.param}, if any. */
    private final @Nullable String param;

    /** OpenAI's {@code error.message}, secrets masked. */
    private final @Nullable String serverMessage;

    /** The answer's {@code x-request-id}, if any. */
    private final @Nullable String requestId;

    /**
     * Creates an API error; the message is composed from the parts.
     *
     * @param status the HTTP status
     * @param errorType OpenAI's {@code error.type}, if the body had one
     * @param errorCode OpenAI's {@code error.code}, if the body had one
     * @param param OpenAI's {@code error.param}: the request field at fault, if named
     * @param serverMessage OpenAI's {@code error.message} (secrets already masked), or a
     *     description of the body when it was not OpenAI's error JSON
     * @param requestId the answer's {@code x-request-id}
     */
    public ApiException(int status, @Nullable String errorType, @Nullable String errorCode,
            @Nullable String param, @Nullable String serverMessage, @Nullable String requestId) {
        super(describe(status, errorType, errorCode, param, serverMessage, requestId));
        this.status = status;
        this.errorType = errorType;
        this.errorCode = errorCode;
        this.param = param;
        this.serverMessage = serverMessage;
        this.requestId = requestId;
    }

    private static String describe(int status, @Nullable String errorType, @Nullable String errorCode,
            @Nullable String param, @Nullable String serverMessage, @Nullable String requestId) {
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        StringBuilder details = new StringBuilder();
        appendDetail(details, "type", errorType);
        appendDetail(details, "code", errorCode);
        appendDetail(details, "param", param);
        if (details.length() > 0) {
            text.append(" (").append(details).append(')');
        }
        text.append(": ").append(serverMessage == null || serverMessage.isBlank()
                ? "the error body gave no message" : serverMessage);
        if (requestId != null) {
            text.append(" [request id ").append(requestId).append(']');
        }
        return text.toString();
    }

    private static void appendDetail(StringBuilder details, String name, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            if (details.length() > 0) {
                details.append(", ");
            }
            details.append(name).append(' ').append(value);
        }
    }

    /**
     * The HTTP status of the answer.
     *
     * @return the status code, for example 400
     */
    public int status() {
        return status;
    }

    /**
     * OpenAI's {@code error.type}, for example {@code invalid_request_error}.
     *
     * @return the error type, if the body had one
     */
    public Optional<String> errorType() {
        return Optional.ofNullable(errorType);
    }

    /**
     * OpenAI's {@code error.code}, for example {@code invalid_api_key}.
     *
     * @return the error code, if the body had one
     */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /**
     * OpenAI's {@code error.param}: the JSON name of the request field at fault.
     *
     * @return the parameter, if the server named one
     */
    public Optional<String> param() {
        return Optional.ofNullable(param);
    }

    /**
     * OpenAI's {@code error.message} alone, without the status and codes that
     * {@link #getMessage()} adds. Client secrets and API keys in it are masked.
     *
     * @return the server's message, if the body had one
     */
    public Optional<String> serverMessage() {
        return Optional.ofNullable(serverMessage);
    }

    /**
     * The answer's {@code x-request-id} header, to quote to OpenAI support.
     *
     * @return the request id, if the answer had one
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
