package dev.realtimesessions.internal;

import dev.realtimesessions.ApiConnectionException;
import dev.realtimesessions.ApiTimeoutException;
import dev.realtimesessions.RealtimeSessionsException;
import dev.realtimesessions.ResponseDecodingException;
import dev.realtimesessions.ValidationException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * What a failed attempt means, as pure functions: the exception the caller gets, whether another
 * attempt could succeed, and whether the request provably was not processed. The rules are OpenAI's
 * SDKs': network failures and timeouts, 408, 409, 429 and 5xx are worth retrying, and
 * {@code x-should-retry} overrides the status; an answer that cannot be read never is.
 */
final class FailureClassifier {

    private static final String SHOULD_RETRY = "x-should-retry";

    private FailureClassifier() {
    }

    /**
     * An answer whose status is not 2xx.
     *
     * @param serverDelay the wait the answer asked for, parsed once by the caller
     * @param apiKey masked wherever the answer echoes it
     */
    static AttemptFailure errorAnswer(RawResponse response, @Nullable Duration serverDelay, String apiKey) {
        String shouldRetry = response.headers().get(SHOULD_RETRY);
        return new AttemptFailure(ApiErrors.create(response, serverDelay, apiKey),
                shouldRetry(response.status(), shouldRetry), "true".equalsIgnoreCase(shouldRetry), serverDelay);
    }

    /** OpenAI's rule: {@code x-should-retry} decides when present; else 408, 409, 429 and 5xx retry. */
    private static boolean shouldRetry(int status, @Nullable String shouldRetry) {
        if ("true".equalsIgnoreCase(shouldRetry)) {
            return true;
        }
        if ("false".equalsIgnoreCase(shouldRetry)) {
            return false;
        }
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /**
     * A 2xx answer the endpoint's reader could not use: never retried, the answer would be the same.
     *
     * @param endpoint how messages name the endpoint, such as {@code POST /realtime/sessions}
     * @param error what the reader threw: malformed JSON, a JSON shape or a missing field
     */
    static AttemptFailure undecodable(String endpoint, RawResponse response, RuntimeException error) {
        return new AttemptFailure(new ResponseDecodingException(endpoint + " answered " + response.status()
                + " with a body that could not be decoded: " + Redactor.redact(String.valueOf(error.getMessage())),
                response.status(), response.requestId(), error instanceof ValidationException ? error : null),
                false, false, null);
    }

    /**
     * An attempt that ended without an answer.
     *
     * @param where how messages name the attempt, such as {@code POST /realtime/sessions attempt 2}
     * @param attemptTimeout the attempt's time limit, for the message when it ran out
     */
    static AttemptFailure noAnswer(Throwable error, String where, Duration attemptTimeout) {
        if (error instanceof AttemptFailure known) {
            return known;
        }
        if (error instanceof TimeoutException) {
            return new AttemptFailure(new ApiTimeoutException(where + " got no complete answer within the attempt"
                    + " timeout of " + attemptTimeout), true, false, null);
        }
        if (error instanceof TransportException failure) {
            return transport(failure, where);
        }
        if (error instanceof RealtimeSessionsException known) {
            return new AttemptFailure(known, false, false, null);
        }
        return new AttemptFailure(new RealtimeSessionsException(where + " failed unexpectedly: "
                + Redactor.redact(String.valueOf(error)), error), false, false, null);
    }

    private static AttemptFailure transport(TransportException failure, String where) {
        Throwable cause = failure.getCause();
        boolean unsent = failure.kind().beforeSending();
        return switch (failure.kind()) {
            case CONNECT_TIMEOUT -> new AttemptFailure(new ApiTimeoutException(where + " " + failure.getMessage(), cause),
                    true, unsent, null);
            case POOL_TIMEOUT -> new AttemptFailure(new ApiTimeoutException(where + " " + failure.getMessage(), cause),
                    true, unsent, null);
            case POOL_FULL -> new AttemptFailure(new ApiConnectionException(where + " was refused: "
                    + failure.getMessage() + "; raise them or slow the callers", cause), false, unsent, null);
            case CLOSED_EARLY -> new AttemptFailure(new ApiConnectionException(where + ": " + failure.getMessage(), cause),
                    true, unsent, null);
            case INFLATE_FAILED -> new AttemptFailure(new ResponseDecodingException(where + ": " + failure.getMessage(),
                    failure.status() > 0 ? failure.status() : 200, failure.requestId(), cause), false, unsent, null);
            case BODY_TOO_LARGE -> new AttemptFailure(new ResponseDecodingException(where + ": " + failure.getMessage()
                    + "; raise maxResponseBytes(...) if this answer is expected", failure.status(), failure.requestId(),
                    null), false, unsent, null);
            case CONNECT_FAILED, NETWORK -> new AttemptFailure(new ApiConnectionException(where + " failed: "
                    + failure.getMessage(), cause), true, unsent, null);
        };
    }
}
