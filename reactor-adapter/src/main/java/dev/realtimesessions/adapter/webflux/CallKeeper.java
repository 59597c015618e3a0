package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.ApiConnectionException;
import dev.realtimesessions.ApiException;
import dev.realtimesessions.ApiTimeoutException;
import dev.realtimesessions.NotFoundException;
import dev.realtimesessions.RequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The lives of an endpoint's calls, shared by the {@link RealtimeCallEndpoint} (calls the browser
 * starts) and the {@link RealtimeWebhookEndpoint} (SIP calls it accepts): a call opens under one of
 * its user's slots ({@link OpenCalls}), with a handle and a time limit on the timer, and ends once,
 * whatever ends it (the time limit, the app, the browser, revocation, closing), freeing its slot,
 * cancelling its timer and hanging it up with the key and project it was started with. A hangup
 * that fails is tried again later, on the same timer.
 */
final class CallKeeper {

    private static final Duration HANGUP_RETRY_DELAY = Duration.ofSeconds(30);
    private static final int HANGUP_LATER_ATTEMPTS = 3;

    private final Logger log;
    private final String name;
    private final BiFunction<String, RequestOptions, Mono<Void>> hangup;
    private final Scheduler timer;
    private final Duration maxDuration;
    private final int maxCallsPerUser;
    private final UnaryOperator<String> handleOf;
    private final OpenCalls calls;
    private volatile boolean closed;

    /**
     * A keeper logging as {@code endpoint} under {@code name}, whose calls are known by the handle
     * {@code handleOf} makes from OpenAI's call id and are ended with {@code hangup} (a Realtime
     * call's {@code hangupCall}, or a GPT-Live session's {@code hangupLiveSession}).
     */
    CallKeeper(Class<?> endpoint, String name, BiFunction<String, RequestOptions, Mono<Void>> hangup, Scheduler timer,
            Duration maxDuration, int maxCallsPerUser, UnaryOperator<String> handleOf) {
        this.log = LoggerFactory.getLogger(endpoint);
        this.name = name;
        this.hangup = hangup;
        this.timer = timer;
        this.maxDuration = maxDuration;
        this.maxCallsPerUser = maxCallsPerUser;
        this.handleOf = handleOf;
        this.calls = new OpenCalls(maxCallsPerUser);
    }

    /**
     * A call the keeper opened, and what starting it gave.
     *
     * @param call the open call
     * @param started what the start emitted (the created call, or the accepted call's id)
     * @param <T> what the start emits
     */
    record Opened<T>(OpenCall call, T started) {
    }

    OpenCalls calls() {
        return calls;
    }

    boolean isClosed() {
        return closed;
    }

    /** Refuses new calls from now on; calls already open are ended by the caller. */
    void close() {
        closed = true;
    }

    /**
     * Takes a slot of the user's, then the quota, starts the call ({@code start}, which names it
     * through {@code callId}), registers it and starts its time limit. The slot is given back if the
     * call is not started, or the caller leaves first.
     */
    <T> Mono<Opened<T>> open(String user, @Nullable String model, RequestOptions options, Mono<Void> quota,
            Mono<T> start, Function<T, String> callId) {
        return Mono.defer(() -> {
            if (!calls.reserve(user)) {
                return Mono.error(new GuardrailRefusal(HttpStatus.TOO_MANY_REQUESTS, "max-calls-per-user",
                        "Too many open realtime calls for this user (at most " + maxCallsPerUser
                                + "); hang one up first.", null));
            }
            AtomicBoolean settled = new AtomicBoolean();
            return quota
                    .then(start)
                    .map(started -> new Opened<>(register(user, callId.apply(started), model, options, settled),
                            started))
                    .doFinally(signal -> {
                        if (settled.compareAndSet(false, true)) {
                            calls.release(user);
                        }
                    });
        });
    }

    private OpenCall register(String user, String callId, @Nullable String model, RequestOptions options,
            AtomicBoolean settled) {
        OpenCall call = new OpenCall(handleOf.apply(callId), user, callId, options, timer.now(TimeUnit.MILLISECONDS));
        CallAudit.started(call, model, maxDuration);
        if (!settled.compareAndSet(false, true)) {
            // The caller left and the slot was given back: nobody can use this call.
            end(call, CallEnd.UNDELIVERED).subscribe();
            return call;
        }
        call.timeLimit(timer.schedule(() -> end(call, CallEnd.TIME_LIMIT).subscribe(), maxDuration.toMillis(),
                TimeUnit.MILLISECONDS));
        calls.register(call);
        if (closed) {
            end(call, CallEnd.CLOSED).subscribe();
        }
        return call;
    }

    /** Ends each call; emits how many this ended (not those something else ended first). */
    Mono<Integer> endAll(List<OpenCall> open, CallEnd reason) {
        return Flux.fromIterable(open)
                .flatMap(call -> end(call, reason))
                .filter(Boolean::booleanValue)
                .count()
                .map(Long::intValue);
    }

    /** Ends a call once: frees its slot, cancels its timer, logs the audit line, hangs it up. */
    Mono<Boolean> end(OpenCall call, CallEnd reason) {
        return Mono.defer(() -> {
            if (!call.end()) {
                return Mono.just(false);
            }
            calls.remove(call);
            CallAudit.ended(call, reason, Duration.ofMillis(timer.now(TimeUnit.MILLISECONDS) - call.startedAtMillis()));
            return hangUp(call, 0).thenReturn(true);
        });
    }

    /** Asks OpenAI to hang up; a failure worth retrying is tried again later, in the background. */
    private Mono<Void> hangUp(OpenCall call, int laterAttempt) {
        return hangup.apply(call.callId(), call.options())
                .onErrorResume(error -> {
                    if (error instanceof NotFoundException) {
                        log.debug("{}: call {} was over already", name, call.callId());
                        return Mono.empty();
                    }
                    boolean again = laterAttempt < HANGUP_LATER_ATTEMPTS && worthRetrying(error);
                    log.warn("{}: could not hang up call {}: {}; {}", name, call.callId(),
                            error.getMessage(), again ? "trying again in " + HANGUP_RETRY_DELAY.toSeconds() + " s"
                                    : "giving up: OpenAI ends the call at its own limit");
                    if (again) {
                        timer.schedule(() -> hangUp(call, laterAttempt + 1).subscribe(), HANGUP_RETRY_DELAY.toMillis(),
                                TimeUnit.MILLISECONDS);
                    }
                    return Mono.empty();
                });
    }

    /** Whether a control call that failed this way may succeed if sent again. */
    static boolean worthRetrying(Throwable error) {
        if (error instanceof ApiException api) {
            int status = api.status();
            return status == 408 || status == 409 || status == 429 || status >= 500;
        }
        return error instanceof ApiConnectionException || error instanceof ApiTimeoutException;
    }
}
