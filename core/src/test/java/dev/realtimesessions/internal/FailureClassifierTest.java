package dev.realtimesessions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.ApiConnectionException;
import dev.realtimesessions.ApiException;
import dev.realtimesessions.ApiTimeoutException;
import dev.realtimesessions.AuthenticationException;
import dev.realtimesessions.InternalServerException;
import dev.realtimesessions.RateLimitException;
import dev.realtimesessions.RealtimeSessionsException;
import dev.realtimesessions.ResponseDecodingException;
import dev.realtimesessions.ValidationException;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What each failure of an attempt means: the caller's exception, whether to retry, and for which endpoints. */
class FailureClassifierTest {

    private static final String KEY = "sk-test-classifier-0123456789";
    private static final String WHERE = "POST /realtime/calls attempt 1";
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(15);

    private static RawResponse answer(int status, String body, String... headers) {
        HttpHeaders map = new DefaultHttpHeaders().add("x-request-id", "req_" + status);
        for (int i = 0; i < headers.length; i += 2) {
            map.add(headers[i], headers[i + 1]);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new RawResponse(status, map, bytes, bytes.length);
    }

    private static AttemptFailure errorAnswer(int status, String... headers) {
        return FailureClassifier.errorAnswer(answer(status, "{\"error\":{\"message\":\"no\",\"type\":\"t\"}}", headers),
                null, KEY);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504})
    void retryableStatusesAreRetriedWhereRetryingIsSafeOnly(int status) {
        AttemptFailure failure = errorAnswer(status);
        assertThat(failure.error()).isInstanceOf(ApiException.class);
        assertThat(((ApiException) failure.error()).status()).isEqualTo(status);
        assertThat(failure.mayRetry(RetrySafety.IDEMPOTENT)).isTrue();
        assertThat(failure.mayRetry(RetrySafety.UNPROCESSED_ONLY)).as("the server may have acted on it").isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 418, 422})
    void otherStatusesAreNotRetried(int status) {
        AttemptFailure failure = errorAnswer(status);
        assertThat(failure.mayRetry(RetrySafety.IDEMPOTENT)).isFalse();
        assertThat(failure.mayRetry(RetrySafety.UNPROCESSED_ONLY)).isFalse();
    }

    @Test
    void xShouldRetryOverridesTheStatusAndTrueProvesTheRequestUnprocessed() {
        AttemptFailure yes = errorAnswer(400, "x-should-retry", "true");
        assertThat(yes.error()).isInstanceOf(dev.realtimesessions.BadRequestException.class);
        assertThat(yes.mayRetry(RetrySafety.IDEMPOTENT)).isTrue();
        assertThat(yes.mayRetry(RetrySafety.UNPROCESSED_ONLY)).isTrue();
        AttemptFailure no = errorAnswer(503, "x-should-retry", "FALSE");
        assertThat(no.error()).isInstanceOf(InternalServerException.class);
        assertThat(no.mayRetry(RetrySafety.IDEMPOTENT)).isFalse();
    }

    @Test
    void aRateLimitCarriesTheServersWaitForTheRetryAndTheCaller() {
        Duration wait = Duration.ofMillis(2_500);
        AttemptFailure failure = FailureClassifier.errorAnswer(answer(429,
                "{\"error\":{\"message\":\"Rate limit reached.\",\"code\":\"rate_limit_exceeded\"}}"), wait, KEY);
        assertThat(failure.serverDelay()).isEqualTo(wait);
        assertThat(((RateLimitException) failure.error()).retryAfter()).contains(wait);
    }

    @Test
    void theKeyIsMaskedWhereAnErrorAnswerEchoesIt() {
        AttemptFailure failure = FailureClassifier.errorAnswer(answer(401,
                "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + ".\"}}"), null, KEY);
        assertThat(failure.error()).isInstanceOf(AuthenticationException.class);
        assertThat(failure.error().getMessage()).doesNotContain(KEY).contains("sk-***");
    }

    @Test
    void anUndecodableAnswerIsADecodingErrorNeverRetried() {
        RawResponse response = answer(200, "{\"id\": ");
        AttemptFailure failure = FailureClassifier.undecodable("POST /realtime/sessions", response,
                new ResponseShapeException("the answer has no secret"));
        assertThat(failure.error()).isInstanceOf(ResponseDecodingException.class)
                .hasMessageContaining("answered 200 with a body that could not be decoded: the answer has no secret");
        assertThat(((ResponseDecodingException) failure.error()).requestId()).contains("req_200");
        assertThat(failure.mayRetry(RetrySafety.IDEMPOTENT)).isFalse();
        ValidationException field = new ValidationException("expires_at", "must be a number");
        assertThat(FailureClassifier.undecodable("POST /x", response, field).error().getCause()).isSameAs(field);
    }

    @Test
    void anAttemptTimeoutIsRetriedWhereSafeOnly() {
        AttemptFailure failure = FailureClassifier.noAnswer(new TimeoutException(), WHERE, ATTEMPT_TIMEOUT);
        assertThat(failure.error()).isInstanceOf(ApiTimeoutException.class)
                .hasMessage(WHERE + " got no complete answer within the attempt timeout of PT15S");
        assertThat(failure.mayRetry(RetrySafety.IDEMPOTENT)).isTrue();
        assertThat(failure.mayRetry(RetrySafety.UNPROCESSED_ONLY)).as("the request may have been processed").isFalse();
    }

    @ParameterizedTest
    @EnumSource(TransportException.Kind.class)
    void eachTransportFailureHasItsExceptionAndRetryRule(TransportException.Kind kind) {
        IOException cause = new IOException("boom");
        AttemptFailure failure = FailureClassifier.noAnswer(new TransportException(kind, "what happened", cause, 502,
                "req_cut"), WHERE, ATTEMPT_TIMEOUT);
        RealtimeSessionsException error = failure.error();
        assertThat(error.getMessage()).startsWith(WHERE).contains("what happened");
        switch (kind) {
            case CONNECT_TIMEOUT, POOL_TIMEOUT -> assertThat(error).isInstanceOf(ApiTimeoutException.class).hasCause(cause);
            case CONNECT_FAILED, NETWORK, CLOSED_EARLY, POOL_FULL ->
                    assertThat(error).isInstanceOf(ApiConnectionException.class).hasCause(cause);
            case INFLATE_FAILED, BODY_TOO_LARGE -> assertThat(error).isInstanceOf(ResponseDecodingException.class);
        }
        boolean retryable = kind != TransportException.Kind.POOL_FULL && kind != TransportException.Kind.INFLATE_FAILED
                && kind != TransportException.Kind.BODY_TOO_LARGE;
        assertThat(failure.mayRetry(RetrySafety.IDEMPOTENT)).isEqualTo(retryable);
        assertThat(failure.mayRetry(RetrySafety.UNPROCESSED_ONLY)).as("only when nothing was sent")
                .isEqualTo(retryable && kind.beforeSending());
    }

    @Test
    void onlyFailuresBeforeSendingProveTheRequestUnsent() {
        assertThat(TransportException.Kind.CONNECT_TIMEOUT.beforeSending()).isTrue();
        assertThat(TransportException.Kind.CONNECT_FAILED.beforeSending()).isTrue();
        assertThat(TransportException.Kind.POOL_TIMEOUT.beforeSending()).isTrue();
        assertThat(TransportException.Kind.POOL_FULL.beforeSending()).isTrue();
        assertThat(TransportException.Kind.CLOSED_EARLY.beforeSending()).isFalse();
        assertThat(TransportException.Kind.NETWORK.beforeSending()).isFalse();
    }

    @Test
    void anAnswerTooLargeKeepsItsStatusAndRequestId() {
        AttemptFailure failure = FailureClassifier.noAnswer(new TransportException(TransportException.Kind.BODY_TOO_LARGE,
                "the HTTP 502 answer's body is larger than maxResponseBytes (10 bytes)", null, 502, "req_big"),
                WHERE, ATTEMPT_TIMEOUT);
        ResponseDecodingException error = (ResponseDecodingException) failure.error();
        assertThat(error.status()).isEqualTo(502);
        assertThat(error.requestId()).contains("req_big");
        assertThat(error).hasMessageEndingWith("; raise maxResponseBytes(...) if this answer is expected");
    }

    @Test
    void theLibrarysOwnErrorsPassAsTheyAreAndAnythingElseIsUnexpected() {
        ValidationException validation = new ValidationException("apiKey", "must not be blank");
        assertThat(FailureClassifier.noAnswer(validation, WHERE, ATTEMPT_TIMEOUT).error()).isSameAs(validation);
        AttemptFailure known = errorAnswer(500);
        assertThat(FailureClassifier.noAnswer(known, WHERE, ATTEMPT_TIMEOUT)).isSameAs(known);
        AttemptFailure odd = FailureClassifier.noAnswer(new IllegalStateException("odd " + KEY), WHERE, ATTEMPT_TIMEOUT);
        assertThat(odd.error()).isExactlyInstanceOf(RealtimeSessionsException.class)
                .hasMessageContaining("failed unexpectedly").hasMessageNotContaining(KEY);
        assertThat(odd.mayRetry(RetrySafety.IDEMPOTENT)).isFalse();
    }
}
