package dev.realtimesessions.adapter.micrometer;

import dev.realtimesessions.ApiConnectionException;
import dev.realtimesessions.ApiException;
import dev.realtimesessions.ApiTimeoutException;
import dev.realtimesessions.RealtimeSessionsException;
import dev.realtimesessions.ResponseDecodingException;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * How a call or an attempt ended, as the low-cardinality tags {@code outcome}, {@code status} and
 * {@code exception}. Built from the status and the exception's type only: never from a message,
 * a header or a body, so no secret can reach a tag.
 */
final class CallOutcome {

    static final String OUTCOME = "outcome";
    static final String STATUS = "status";
    static final String EXCEPTION = "exception";

    private static final String NO_STATUS = "NONE";
    private static final String NO_EXCEPTION = "none";

    private CallOutcome() {
    }

    /** A 2xx answer that decoded. */
    static KeyValues success(int status) {
        return KeyValues.of(OUTCOME, "SUCCESS", STATUS, Integer.toString(status), EXCEPTION, NO_EXCEPTION);
    }

    /** The caller cancelled. */
    static KeyValues cancelled() {
        return KeyValues.of(OUTCOME, "CANCELLED", STATUS, NO_STATUS, EXCEPTION, NO_EXCEPTION);
    }

    /** A failure: the outcome names its kind, the status is the answer's when there was one. */
    static KeyValues failure(RealtimeSessionsException error) {
        int status = status(error);
        return KeyValues.of(OUTCOME, outcome(error, status), STATUS, status == 0 ? NO_STATUS : Integer.toString(status),
                EXCEPTION, error.getClass().getSimpleName());
    }

    /** The reason tag of a retry: the failed attempt's exception type. */
    static String reason(RealtimeSessionsException error) {
        return error.getClass().getSimpleName();
    }

    private static String outcome(RealtimeSessionsException error, int status) {
        if (error instanceof ApiTimeoutException) {
            return "TIMEOUT";
        }
        if (error instanceof ApiConnectionException) {
            return "CONNECTION_ERROR";
        }
        if (error instanceof ResponseDecodingException) {
            return "INVALID_RESPONSE";
        }
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        return "ERROR";
    }

    /** The {@code x-request-id} of the answer an error came with, or null. */
    static @Nullable String requestId(RealtimeSessionsException error) {
        if (error instanceof ApiException api) {
            return api.requestId().orElse(null);
        }
        if (error instanceof ResponseDecodingException decoding) {
            return decoding.requestId().orElse(null);
        }
        return null;
    }

    /** The HTTP status an error came with, or 0. */
    static int status(@Nullable RealtimeSessionsException error) {
        if (error instanceof ApiException api) {
            return api.status();
        }
        if (error instanceof ResponseDecodingException decoding) {
            return decoding.status();
        }
        return 0;
    }
}
