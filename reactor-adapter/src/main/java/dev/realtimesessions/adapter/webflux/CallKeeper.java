package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.ApiConnectionException;
import dev.realtimesessions.ApiException;
import dev.realtimesessions.ApiTimeoutException;
import dev.realtimesessions.NotFoundException;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.model.RealtimeCall;
import dev.realtimesessions.model.RealtimeCallRequest;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The lives of the {@link RealtimeCallEndpoint}'s calls: a call opens under one of its user's slots
 * ({@link OpenCalls}), with a handle and a time limit on the timer, and ends once, whatever ends it
 * (the time limit, the app, the browser, revocation, closing), freeing its slot, cancelling its
 * timer and hanging it up with the key and project it was created with. A hangup that fails is
 * tried again later, on the same timer.
 */
final class CallKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeCallEndpoint.class);
    private static final Duration HANGUP_RETRY_DELAY = Duration.ofSeconds(30);
    private static final int HANGUP_LATER_ATTEMPTS = 3;

    private final RealtimeSessions sessions;
    private final Scheduler timer;
    private final Duration maxDuration;
    private final int maxCallsPerUser;
    private final OpenCalls calls;
    private final SecureRandom handles = handleSource();
    private volatile boolean closed;

    CallKeeper(RealtimeSessions sessions, Scheduler timer, Duration maxDuration, int maxCallsPerUser) {
        this.sessions = sessions;
        this.timer = timer;
        this.maxDuration = maxDuration;
        this.maxCallsPerUser = maxCallsPerUser;
        this.calls = new OpenCalls(maxCallsPerUser);
    }

    /** What the browser gets: the call's handle and the SDP answer. */
    record Started(String handle, String sdp) {
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
     * Takes a slot of the user's, then the quota, creates the call, registers it and starts its
     * time limit. The slot is given back if the call is not created, or the caller leaves first.
     */
    Mono<Started> open(String user, RealtimeCallRequest request, RequestOptions options, Mono<Void> quota) {
        return Mono.defer(() -> {
            if (!calls.reserve(user)) {
                return Mono.error(new GuardrailRefusal(HttpStatus.TOO_MANY_REQUESTS, "max-calls-per-user",
                        "Too many open realtime calls for this user (at most " + maxCallsPerUser
                                + "); hang one up first.", null));
            }
            AtomicBoolean settled = new AtomicBoolean();
            return quota
                    .then(Mono.defer(() -> sessions.createCall(request, options)))
                    .map(call -> register(user, call, request, options, settled))
                    .doFinally(signal -> {
                        if (settled.compareAndSet(false, true)) {
                            calls.release(user);
                        }
                    });
        });
    }

    private Started register(String user, RealtimeCall created, RealtimeCallRequest request, RequestOptions options,
            AtomicBoolean settled) {
        OpenCall call = new OpenCall(newHandle(), user, created.callId(), options, timer.now(TimeUnit.MILLISECONDS));
        RealtimeSessionConfig session = request.session();
        RealtimeModel model = session == null ? null : session.model();
        CallAudit.started(call, model == null ? null : model.value(), maxDuration);
        if (!settled.compareAndSet(false, true)) {
            // The browser left and the slot was given back: nobody can use this call.
            end(call, CallEnd.UNDELIVERED).subscribe();
            return new Started(call.handle(), created.sdp());
        }
        call.timeLimit(timer.schedule(() -> end(call, CallEnd.TIME_LIMIT).subscribe(), maxDuration.toMillis(),
                TimeUnit.MILLISECONDS));
        calls.register(call);
        if (closed) {
            end(call, CallEnd.CLOSED).subscribe();
        }
        return new Started(call.handle(), created.sdp());
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
        return sessions.hangupCall(call.callId(), call.options())
                .onErrorResume(error -> {
                    if (error instanceof NotFoundException) {
                        LOG.debug("realtime call endpoint: call {} was over already", call.callId());
                        return Mono.empty();
                    }
                    boolean again = laterAttempt < HANGUP_LATER_ATTEMPTS && worthRetrying(error);
                    LOG.warn("realtime call endpoint: could not hang up call {}: {}; {}", call.callId(),
                            error.getMessage(), again ? "trying again in " + HANGUP_RETRY_DELAY.toSeconds() + " s"
                                    : "giving up: OpenAI ends the call at its own limit");
                    if (again) {
                        timer.schedule(() -> hangUp(call, laterAttempt + 1).subscribe(), HANGUP_RETRY_DELAY.toMillis(),
                                TimeUnit.MILLISECONDS);
                    }
                    return Mono.empty();
                });
    }

    private static boolean worthRetrying(Throwable error) {
        if (error instanceof ApiException api) {
            int status = api.status();
            return status == 408 || status == 409 || status == 429 || status >= 500;
        }
        return error instanceof ApiConnectionException || error instanceof ApiTimeoutException;
    }

    private String newHandle() {
        byte[] bytes = new byte[16];
        handles.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A DRBG, seeded here, on the thread that builds the endpoint: later handles come from its state
     * without reading the OS's entropy source, so that making one never blocks an event loop.
     */
    private static SecureRandom handleSource() {
        try {
            SecureRandom random = SecureRandom.getInstance("DRBG");
            random.nextBytes(new byte[16]);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no DRBG SecureRandom", e);
        }
    }
}
