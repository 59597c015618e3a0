package dev.realtimesessions.internal;

import dev.realtimesessions.ApiException;
import dev.realtimesessions.AuthenticationException;
import dev.realtimesessions.BadRequestException;
import dev.realtimesessions.BetaApiShapeDisabledException;
import dev.realtimesessions.ConflictException;
import dev.realtimesessions.InternalServerException;
import dev.realtimesessions.NotFoundException;
import dev.realtimesessions.PermissionDeniedException;
import dev.realtimesessions.RateLimitException;
import dev.realtimesessions.UnprocessableEntityException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/** Turns an error answer into the typed {@link ApiException} for its status and OpenAI's error body. */
final class ApiErrors {

    /** How much of a body that is not OpenAI's error JSON is quoted in the message. */
    private static final int QUOTED_BODY_CHARS = 200;

    private ApiErrors() {
    }

    /**
     * The typed error for an error answer, with {@code apiKey} masked wherever the server echoed it.
     *
     * @param retryAfter the wait the answer asked for, carried by a {@link RateLimitException}
     */
    static ApiException create(RawResponse response, @Nullable Duration retryAfter, String apiKey) {
        int status = response.status();
        ErrorBody body = parse(response, apiKey);
        String requestId = response.requestId();
        String message = body.message == null ? null : Redactor.redact(body.message, apiKey);
        if (status >= 400 && status < 500 && BetaApiShapeDisabledException.ERROR_CODE.equals(body.code)) {
            return new BetaApiShapeDisabledException(status, body.type, body.code, body.param, message, requestId);
        }
        return switch (status) {
            case 400 -> new BadRequestException(status, body.type, body.code, body.param, message, requestId);
            case 401 -> new AuthenticationException(status, body.type, body.code, body.param, message, requestId);
            case 403 -> new PermissionDeniedException(status, body.type, body.code, body.param, message, requestId);
            case 404 -> new NotFoundException(status, body.type, body.code, body.param, message, requestId);
            case 409 -> new ConflictException(status, body.type, body.code, body.param, message, requestId);
            case 422 -> new UnprocessableEntityException(status, body.type, body.code, body.param, message, requestId);
            case 429 -> new RateLimitException(status, body.type, body.code, body.param, message, requestId, retryAfter,
                    RateLimitHeaders.parse(response.headers()));
            default -> status >= 500
                    ? new InternalServerException(status, body.type, body.code, body.param, message, requestId)
                    : new ApiException(status, body.type, body.code, body.param, message, requestId);
        };
    }

    private static ErrorBody parse(RawResponse response, String apiKey) {
        if (response.length() == 0) {
            return new ErrorBody("the response had an empty body");
        }
        try {
            ErrorBody body = Json.read(response.body(), () -> "the error body", ApiErrors::readErrorBody);
            if (body.message == null && body.type == null && body.code == null) {
                return new ErrorBody("the response body was JSON but not an OpenAI error: " + quote(response, apiKey));
            }
            return body;
        } catch (JacksonException | JsonShapeException e) {
            String contentType = response.headers().get("content-type");
            return new ErrorBody("the response body was not OpenAI's error JSON"
                    + (contentType == null ? "" : " (" + contentType + ")") + ": " + quote(response, apiKey));
        }
    }

    private static ErrorBody readErrorBody(JsonIn in) {
        ErrorBody body = new ErrorBody(null);
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            if (name.equals("error") && in.isObject()) {
                for (String field = in.nextField(); field != null; field = in.nextField()) {
                    switch (field) {
                        case "message" -> body.message = in.text();
                        case "type" -> body.type = in.text();
                        case "code" -> body.code = in.text();
                        case "param" -> body.param = in.text();
                        default -> in.skip();
                    }
                }
            } else {
                in.skip();
            }
        }
        return body;
    }

    private static String quote(RawResponse response, String apiKey) {
        String text = response.text(QUOTED_BODY_CHARS * 4).strip().replaceAll("\\s+", " ");
        if (text.length() > QUOTED_BODY_CHARS) {
            text = text.substring(0, QUOTED_BODY_CHARS) + "...";
        }
        return "\"" + Redactor.redact(text, apiKey) + "\"";
    }

    /** The four fields of OpenAI's {@code {"error": {...}}}. */
    private static final class ErrorBody {
        @Nullable String message;
        @Nullable String type;
        @Nullable String code;
        @Nullable String param;

        ErrorBody(@Nullable String message) {
            this.message = message;
        }
    }
}
