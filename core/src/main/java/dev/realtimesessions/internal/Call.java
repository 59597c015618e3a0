// Over 300 lines on purpose: one call's steps (the rate gate's entry, each attempt, its answer, the
// retry) share the call's fields and hand over to each other; the gate's line is RateLane, a call's
// wait in it LaneEntry, the request on the wire HttpTransport, the failure model FailureClassifier.
package dev.realtimesessions.internal;

import dev.realtimesessions.ApiTimeoutException;
import dev.realtimesessions.CallListener;
import dev.realtimesessions.RealtimeSessionsException;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.ValidationException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;

/**
 * One logical call across its attempts: the rate gate's wait, each attempt through the transport
 * within the attempt timeout, the retry policy's waits, the overall deadline, and the listener's
 * events. Retries recurse through {@code onErrorResume} with the same rules as {@code retryWhen},
 * without its per-call sink and processor: nothing is allocated for retries until an attempt fails.
 *
 * <p>Threads: the attempts run one after the other (on event loops and Reactor's timer), each
 * step handed to the next through Reactor's signals. Only the overall deadline's timer and a
 * cancelling subscriber read the call's state from elsewhere, and that state is safely published:
 * the attempt count is volatile and the earlier failures are an immutable list behind a volatile
 * reference.
 */
final class Call<Q, R> implements Function<String, Mono<CallResult<R>>> {

    private static final Logger log = LoggerFactory.getLogger("dev.realtimesessions.RealtimeSessions");
    /** The release time of an attempt no rate-gate lane held. */
    private static final long NOT_HELD = Long.MIN_VALUE;

    private final CallExecutor executor;
    private final Endpoint<Q, R> endpoint;
    private final Q request;
    private final URI url;
    private final RetryPolicy policy;
    private final Duration attemptTimeout;
    private final Duration timeout;
    private final @Nullable Duration connectTimeout;
    private final Map<String, String> callHeaders;
    private final CallListener listener;
    private final Scheduler timer = Schedulers.parallel();
    private final long deadline;
    /**
     * The same in the clock's nanoseconds, as the rate gate measures: Reactor's schedulers read
     * milliseconds from the wall clock and nanoseconds from {@code System.nanoTime()}, so the two
     * are not one number in two units.
     */
    private final long deadlineNanos;
    /** Attempts started. */
    private volatile int attempts;
    /** The failures of the attempts before, newest first. */
    private volatile @Nullable EarlierFailure earlierFailures;
    /** The rate gate's key for this call's credential and project; touched by the attempt steps only. */
    private RateGate.@Nullable Credential credential;

    /** Made when the call is subscribed: the overall deadline counts from here. */
    Call(CallExecutor executor, Endpoint<Q, R> endpoint, Q request, URI url, RequestOptions options,
            CallListener listener) {
        ClientSettings settings = executor.settings;
        this.executor = executor;
        this.endpoint = endpoint;
        this.request = request;
        this.url = url;
        this.listener = listener;
        this.policy = options.retryPolicy().orElse(settings.retryPolicy());
        this.attemptTimeout = options.attemptTimeout().orElse(settings.attemptTimeout());
        this.timeout = options.timeout().orElse(settings.timeout());
        this.connectTimeout = options.connectTimeout().orElse(null);
        this.callHeaders = options.headers();
        this.deadline = nowMillis() + timeout.toMillis();
        this.deadlineNanos = nowNanos() + timeout.toNanos();
    }

    /**
     * The call, with the credential {@code apiKeyOverride} or else the client's. The overall
     * deadline is carried by each attempt's timer (set to what is left of it when that is shorter
     * than the attempt timeout), and by the waits, which fail at once when they would pass it: a
     * call needs one timer at a time. Only a credential source that must be waited for gets a
     * deadline timer of its own around the whole call.
     */
    Mono<CallResult<R>> run(@Nullable String apiKeyOverride) {
        Mono<CallResult<R>> call = executor.credentials.resolve(apiKeyOverride, timer, this, this::withinDeadline);
        if (listener == CallListener.NONE) {
            return call;
        }
        return call.doOnSuccess(result -> listener.callSucceeded(result.status(), attempts))
                .doOnError(e -> listener.callFailed(e instanceof RealtimeSessionsException known ? known
                        : new RealtimeSessionsException(Redactor.redact(String.valueOf(e)), e), attempts))
                .doOnCancel(() -> listener.callCancelled(attempts));
    }

    /** {@code call} cut at the overall deadline: the wait for a credential source, and what follows it. */
    private Mono<CallResult<R>> withinDeadline(Mono<CallResult<R>> call) {
        return Deadline.of(call, timeout, timer)
                .onErrorMap(TimeoutException.class, e -> withEarlierFailures(overallTimeout()));
    }

    /** The call's deadline passed; not retried, and the earlier failures are attached where the call ends. */
    private ApiTimeoutException overallTimeout() {
        return new ApiTimeoutException(endpoint.describe() + " got no answer within the overall timeout of " + timeout
                + " (" + attempts + " attempt" + (attempts == 1 ? "" : "s") + "); raise timeout(...) or check the"
                + " network");
    }

    /** The call's attempts with its credential resolved. */
    @Override
    public Mono<CallResult<R>> apply(String apiKey) {
        return attempts(apiKey, 0);
    }

    /** Made when the attempt is due: at the call's subscription, or by the deferred retry after a wait. */
    private Mono<CallResult<R>> attempts(String apiKey, long retriesSoFar) {
        RateGate gate = executor.gate;
        return (gate == null ? attempt(apiKey, null, NOT_HELD, -1) : gated(gate, apiKey))
                .onErrorResume(error -> afterFailure(error, retriesSoFar)
                        .then(Mono.defer(() -> attempts(apiKey, retriesSoFar + 1))));
    }

    /**
     * The attempt once the rate gate lets it go: at once while the gate paces no credential and its
     * window is open (no hashing, nothing allocated), else through the credential's lane, which may
     * hold it for its turn or fail it at once when the turn would come after the deadline.
     */
    private Mono<CallResult<R>> gated(RateGate gate, String apiKey) {
        if (credential == null && gate.pacesNone()) {
            int admitted = gate.tryAdmit();
            if (admitted >= 0) {
                return attempt(apiKey, null, NOT_HELD, admitted);
            }
        }
        RateGate.Credential key = credential(gate, apiKey);
        RateLane lane = gate.lane(key);
        if (lane == null) {
            int admitted = gate.tryAdmit();
            if (admitted >= 0) {
                return attempt(apiKey, null, NOT_HELD, admitted);
            }
            lane = gate.openLane(key);
            if (lane == null) {
                return attempt(apiKey, null, NOT_HELD, gate.admit());
            }
        }
        RateLane held = lane;
        return LaneEntry.turn(lane, deadlineNanos, timer, listener, endpoint.describe())
                .then(Mono.defer(() -> attempt(apiKey, held, nowNanos(), -1)));
    }

    /** The gate's key for this call's credential and project; hashed once per call, and only when the gate needs it. */
    private RateGate.Credential credential(RateGate gate, String apiKey) {
        RateGate.Credential known = credential;
        if (known == null) {
            Credentials credentials = executor.credentials;
            known = gate.credential(credentials.gateScope(), credentials.gateIdentity(apiKey), project());
            credential = known;
        }
        return known;
    }

    private @Nullable String project() {
        for (Map.Entry<String, String> header : callHeaders.entrySet()) {
            if (header.getKey().equalsIgnoreCase(ClientHeaders.PROJECT)) {
                return header.getValue();
            }
        }
        return executor.headers.project();
    }

    private long nowMillis() {
        return timer.now(TimeUnit.MILLISECONDS);
    }

    private long nowNanos() {
        return timer.now(TimeUnit.NANOSECONDS);
    }

    /**
     * One attempt; {@code releasedBy} is the rate gate's lane that let it go, at {@code releasedAt}
     * ({@link #NOT_HELD} if none held it), {@code unpaced} what the gate returned when it let it go
     * unpaced (-1 otherwise, or without a gate).
     */
    private Mono<CallResult<R>> attempt(String apiKey, @Nullable RateLane releasedBy, long releasedAt, int unpaced) {
        long left = TimeUnit.MILLISECONDS.toNanos(deadline - nowMillis());
        if (left <= 0) {
            RateGate gate = executor.gate;
            if (gate != null) {
                countEnd(gate, releasedBy, unpaced, false);
            }
            return Mono.error(overallTimeout());
        }
        int number = attempts + 1;
        attempts = number;
        Attempt attempt = new Attempt(number, apiKey, releasedBy, releasedAt, unpaced, listenerHeaders(number));
        long limit = attemptTimeout.toNanos();
        return Deadline.of(executor.transport.exchange(attempt, connectTimeout), Math.min(limit, left), left < limit,
                timer, attempt);
    }

    /**
     * Counts the end of a request the rate gate let go (answered, failed, cancelled, or not sent
     * after all): the gate counts the ends of requests it let go unpaced, the lane that let one go
     * counts its own (told of an answer by the gate, of anything else here).
     */
    private void countEnd(RateGate gate, @Nullable RateLane releasedBy, int unpaced, boolean answered) {
        if (releasedBy == null) {
            gate.ended(unpaced);
        } else if (!answered) {
            releasedBy.ended(timer);
        }
    }

    /** Tells the listener an attempt starts; the headers it adds to the request, or null when it adds none. */
    private @Nullable HttpHeaders listenerHeaders(int attempt) {
        if (listener == CallListener.NONE) {
            return null;
        }
        HttpHeaders added = new DefaultHttpHeaders();
        listener.attemptStarted(attempt, (name, value) -> {
            if (name != null && value != null) {
                added.set(name, value);
            }
        });
        return added.isEmpty() ? null : added;
    }

    private CallResult<R> decode(RawResponse response, Attempt attempt) {
        Duration serverDelay = response.isSuccess() ? null : RetryAfterHeader.parse(response.headers(), Instant.now());
        RateGate gate = executor.gate;
        if (gate != null && attempt.claimEnd()) {
            if (gate.observe(response.status(), response.headers())) {
                gate.learn(credential(gate, attempt.apiKey), attempt.releasedBy, nowNanos() - attempt.releasedAt,
                        response.status(), response.headers(), serverDelay, timer);
            }
            // Counted out of flight only once the gate holds what the answer said.
            attempt.endAt(gate, true);
        }
        if (!response.isSuccess()) {
            throw FailureClassifier.errorAnswer(response, serverDelay, attempt.apiKey);
        }
        R value;
        try {
            value = endpoint.read(response);
        } catch (JacksonException | JsonShapeException | ResponseShapeException | ValidationException e) {
            throw FailureClassifier.undecodable(endpoint.describe(), response, e);
        }
        if (log.isDebugEnabled()) {
            log.debug("{} -> {} after {} attempt(s) [request id {}]", endpoint.describe(), response.status(),
                    attempt.number, response.requestId());
        }
        if (listener != CallListener.NONE) {
            listener.attemptSucceeded(attempt.number, response.status(), response.requestId());
        }
        return new CallResult<>(value, response.status(), response.headers(), attempt.number);
    }

    private Mono<Long> afterFailure(Throwable error, long retriesSoFar) {
        AttemptFailure failure = FailureClassifier.noAnswer(error, endpoint.describe() + " attempt " + attempts,
                attemptTimeout);
        RealtimeSessionsException exception = failure.error();
        if (!failure.mayRetry(endpoint.retrySafety()) || retriesSoFar >= policy.maxRetries()) {
            return Mono.error(withEarlierFailures(exception));
        }
        Duration delay = Backoff.beforeRetry(policy, (int) retriesSoFar + 1, failure.serverDelay(),
                ThreadLocalRandom.current().nextDouble());
        if (nowMillis() + delay.toMillis() >= deadline) {
            if (log.isDebugEnabled()) {
                log.debug("{} failed ({}); a retry after {} ms would pass the deadline, failing now",
                        endpoint.describe(), exception.getMessage(), delay.toMillis());
            }
            return Mono.error(withEarlierFailures(exception));
        }
        earlierFailures = new EarlierFailure(exception, earlierFailures);
        int failedAttempt = attempts;
        return Mono.create(sink -> {
            // The wait ends once its time has passed and the listener has been told, in either order:
            // told after the timer is set, a listener that drives a virtual clock finds the wait in
            // place; and however short the wait, its event comes before the next attempt's.
            AtomicInteger pending = new AtomicInteger(2);
            Runnable done = () -> {
                if (pending.decrementAndGet() == 0) {
                    sink.success(retriesSoFar);
                }
            };
            sink.onDispose(timer.schedule(done, delay.toNanos(), TimeUnit.NANOSECONDS));
            listener.retryScheduled(failedAttempt, delay, exception);
            if (log.isDebugEnabled()) {
                log.debug("{} failed ({}); retry {} of {} in {} ms", endpoint.describe(), exception.getMessage(),
                        retriesSoFar + 1, policy.maxRetries(), delay.toMillis());
            }
            done.run();
        });
    }

    /** The error, with the failures of the attempts before it attached as suppressed, oldest first. */
    private RealtimeSessionsException withEarlierFailures(RealtimeSessionsException error) {
        return EarlierFailure.attachTo(error, earlierFailures);
    }

    /**
     * One attempt: its request as the transport sends it, the reading of its answer and the
     * mapping of its error (the outcome of its {@link Deadline}), and the rate gate's count of its
     * end.
     */
    private final class Attempt implements OutgoingRequest, Deadline.Outcome<RawResponse, CallResult<R>> {
        @SuppressWarnings("rawtypes")
        private static final AtomicIntegerFieldUpdater<Call.Attempt> ENDED =
                AtomicIntegerFieldUpdater.newUpdater(Call.Attempt.class, "ended");

        private final int number;
        private final String apiKey;
        /** The rate gate's lane that let this attempt go, if one held it. */
        private final @Nullable RateLane releasedBy;
        /** When it let it go, in the clock's nanoseconds; {@link #NOT_HELD} if none held it. */
        private final long releasedAt;
        /** What the gate returned when it let it go unpaced, -1 otherwise. */
        private final int unpaced;
        private final @Nullable HttpHeaders listenerHeaders;
        /** Set with the headers, on the event loop that then writes the body. */
        private @Nullable String contentType;
        /** 1 once the rate gate has counted this attempt's end: an answer, a failure or a cancel, whichever comes first. */
        private volatile int ended;

        Attempt(int number, String apiKey, @Nullable RateLane releasedBy, long releasedAt, int unpaced,
                @Nullable HttpHeaders listenerHeaders) {
            this.number = number;
            this.apiKey = apiKey;
            this.releasedBy = releasedBy;
            this.releasedAt = releasedAt;
            this.unpaced = unpaced;
            this.listenerHeaders = listenerHeaders;
        }

        @Override
        public URI url() {
            return url;
        }

        /** The listener's headers first, so that the client's, the call's and the credential win over them. */
        @Override
        public void writeHeaders(HttpHeaders headers) {
            if (listenerHeaders != null) {
                headers.add(listenerHeaders);
            }
            headers.set(HttpHeaderNames.ACCEPT, endpoint.responseBody().accept());
            executor.headers.writeTo(headers);
            if (!callHeaders.isEmpty()) {
                callHeaders.forEach(headers::set);
            }
            contentType = endpoint.requestBody().contentType(request);
            if (contentType != null) {
                headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
            }
            executor.credentials.header().writeTo(headers, apiKey);
        }

        @Override
        public @Nullable ByteBuf writeBody(ByteBufAllocator allocator) {
            String type = contentType;
            if (type == null) {
                return null;
            }
            RequestBody<Q> body = endpoint.requestBody();
            return body instanceof RequestBody.JsonBody<Q> json ? executor.repeatedJson.write(json, request, allocator)
                    : body.write(allocator, request, type);
        }

        /** Reads the answer, then releases its body whatever the reading came to. */
        @Override
        public CallResult<R> value(RawResponse response) {
            try {
                return decode(response, this);
            } finally {
                response.release();
            }
        }

        /** An answer that came after the attempt ended (cut by its timer, or cancelled) is only released. */
        @Override
        public void dropped(RawResponse response) {
            response.release();
        }

        /** Whether this is the first end of this attempt (an answer, a failure or a cancel, whichever comes first). */
        boolean claimEnd() {
            return ENDED.compareAndSet(this, 0, 1);
        }

        /** Counts this attempt's end at the gate ({@link #countEnd}). */
        void endAt(RateGate gate, boolean answered) {
            countEnd(gate, releasedBy, unpaced, answered);
        }

        /** Cancelled before it ended: no longer in flight for the rate gate. */
        @Override
        public void cancelled() {
            RateGate gate = executor.gate;
            if (gate != null && claimEnd()) {
                endAt(gate, false);
            }
        }

        /**
         * The attempt's error as an {@link AttemptFailure}, which the listener hears of; the call's
         * deadline passing ends the call instead, and the open attempt gets no event of its own.
         * Either way the request is no longer in flight for the rate gate.
         */
        @Override
        public Throwable error(Throwable error) {
            RateGate gate = executor.gate;
            if (gate != null && claimEnd()) {
                endAt(gate, false);
            }
            if (error instanceof Deadline.OverallExpiry) {
                return overallTimeout();
            }
            AttemptFailure failure = FailureClassifier.noAnswer(error, endpoint.describe() + " attempt " + number,
                    attemptTimeout);
            listener.attemptFailed(number, failure.error());
            return failure;
        }
    }
}
