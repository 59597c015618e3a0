package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.ApiConnectionException;
import dev.realtimesessions.ApiTimeoutException;
import dev.realtimesessions.ConflictException;
import dev.realtimesessions.NotFoundException;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.webhooks.RealtimeCallIncoming;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The {@link RealtimeWebhookEndpoint}'s part for {@code realtime.call.incoming}: asks the
 * application's {@link IncomingCallHandler} for a decision within the handler timeout and carries it
 * out with the call control API. When there is no usable decision, or carrying it out fails, it
 * rejects the call with the endpoint's status rather than leave the caller in silence. Accepted calls
 * live in the {@link CallKeeper}, under the maximum duration. Answers with a {@link WebhookOutcome}
 * and never signals an error.
 */
final class IncomingCalls {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeWebhookEndpoint.class);
    private static final String NAME = RealtimeWebhookEndpoint.NAME;

    private final RealtimeSessions sessions;
    private final IncomingCallHandler handler;
    private final RealtimeSessionConfig session;
    private final TokenGuardrails guardrails;
    private final RequestOptions options;
    private final Duration handlerTimeout;
    private final int rejectStatus;
    private final Scheduler timer;
    private final CallKeeper keeper;

    IncomingCalls(RealtimeSessions sessions, IncomingCallHandler handler, RealtimeSessionConfig session,
            TokenGuardrails guardrails, RequestOptions options, Duration handlerTimeout, int rejectStatus,
            Scheduler timer, CallKeeper keeper) {
        this.sessions = sessions;
        this.handler = handler;
        this.session = session;
        this.guardrails = guardrails;
        this.options = options;
        this.handlerTimeout = handlerTimeout;
        this.rejectStatus = rejectStatus;
        this.timer = timer;
        this.keeper = keeper;
    }

    /** Decides and carries the decision out, or rejects the call. */
    Mono<WebhookOutcome> answer(RealtimeCallIncoming call) {
        return Mono.defer(() -> {
            String caller = caller(call);
            return decide(call).flatMap(decided -> {
                IncomingCallDecision decision = decided.decision();
                return decision == null ? reject(call, caller, rejectStatus, decided.failure(), false)
                        : carryOut(call, caller, decision);
            });
        });
    }

    /** The handler's decision, or why there is none: it took too long, failed, or gave nothing. */
    private Mono<Decided> decide(RealtimeCallIncoming call) {
        return Mono.defer(() -> handler.decide(call))
                .timeout(handlerTimeout, timer)
                .map(decision -> new Decided(decision, ""))
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    LOG.warn("{}: the handler completed without a decision for call {}; rejecting it with {}", NAME,
                            call.callId(), rejectStatus);
                    return new Decided(null, "handler-failed");
                }))
                .onErrorResume(error -> {
                    boolean late = error instanceof TimeoutException;
                    LOG.warn("{}: {} for call {}; rejecting it with {}", NAME, late ? "the handler did not decide within "
                            + handlerTimeout : "the handler failed (" + error + ")", call.callId(), rejectStatus);
                    return Mono.just(new Decided(null, late ? "handler-timeout" : "handler-failed"));
                });
    }

    private Mono<WebhookOutcome> carryOut(RealtimeCallIncoming call, String caller, IncomingCallDecision decision) {
        if (decision instanceof IncomingCallDecision.Reject reject) {
            return reject(call, caller, reject.sipStatus(), "decision", false);
        }
        if (decision instanceof IncomingCallDecision.Accept accept) {
            RealtimeSessionConfig requested = accept.session();
            return accept(call, caller, requested == null ? session : requested)
                    .thenReturn(WebhookOutcome.ACKNOWLEDGED)
                    .onErrorResume(error -> notAccepted(call, caller, error));
        }
        String target = ((IncomingCallDecision.Refer) decision).targetUri();
        return accept(call, caller, session)
                .flatMap(open -> refer(call, caller, open, target))
                .onErrorResume(error -> notAccepted(call, caller, error));
    }

    /** Checks the session, takes the caller's quota, accepts the call and opens it under the time limit. */
    private Mono<OpenCall> accept(RealtimeCallIncoming call, String caller, RealtimeSessionConfig requested) {
        return Mono.defer(() -> {
            RealtimeSessionConfig checked = guardrails.apply(requested);
            RealtimeSessionConfig answering = checked == null ? requested : checked;
            String model = answering.model() == null ? null : answering.model().value();
            return keeper.open(caller, model, options, guardrails.acquire(caller),
                            Mono.defer(() -> sessions.acceptCall(call.callId(), answering, options))
                                    .thenReturn(call.callId()),
                            Function.identity())
                    .map(CallKeeper.Opened::call);
        });
    }

    /** The guardrails refused the session or the quota is used up, or the accept failed: reject the call. */
    private Mono<WebhookOutcome> notAccepted(RealtimeCallIncoming call, String caller, Throwable error) {
        if (error instanceof GuardrailRefusal refusal) {
            LOG.info("{}: guardrail {} refused call {}: {}; rejecting it with {}", NAME, refusal.rule(), call.callId(),
                    refusal.getMessage(), rejectStatus);
            return reject(call, caller, rejectStatus, "guardrail-" + refusal.rule(), false);
        }
        LOG.warn("{}: could not accept call {}: {}; rejecting it with {}", NAME, call.callId(), error.getMessage(),
                rejectStatus);
        boolean mayBeAccepted = error instanceof ApiTimeoutException || error instanceof ApiConnectionException;
        return reject(call, caller, rejectStatus, "accept-failed", mayBeAccepted);
    }

    /** Transfers an accepted call; one that cannot be transferred is hung up, as the application did not want it answered. */
    private Mono<WebhookOutcome> refer(RealtimeCallIncoming call, String caller, OpenCall open, String target) {
        return Mono.defer(() -> sessions.referCall(call.callId(), target, options))
                .then(Mono.fromSupplier(() -> {
                    SipCallAudit.referred(caller, call.callId(), target);
                    return WebhookOutcome.ACKNOWLEDGED;
                }))
                .onErrorResume(error -> {
                    LOG.warn("{}: could not refer call {} to {}: {}; hanging it up", NAME, call.callId(), target,
                            error.getMessage());
                    return keeper.end(open, CallEnd.REFER_FAILED).thenReturn(WebhookOutcome.ACKNOWLEDGED);
                });
    }

    /**
     * Rejects the call. {@code mayBeAccepted} says that an accept whose answer was lost may have
     * gone through: a call that is then no longer ringing is hung up, so that it does not run
     * without the endpoint's time limit.
     */
    private Mono<WebhookOutcome> reject(RealtimeCallIncoming call, String caller, int sipStatus, String reason,
            boolean mayBeAccepted) {
        return Mono.defer(() -> sessions.rejectCall(call.callId(), sipStatus, options))
                .then(Mono.fromSupplier(() -> {
                    SipCallAudit.rejected(caller, call.callId(), sipStatus, reason);
                    return WebhookOutcome.ACKNOWLEDGED;
                }))
                .onErrorResume(error -> notRejected(call, error, mayBeAccepted));
    }

    private Mono<WebhookOutcome> notRejected(RealtimeCallIncoming call, Throwable error, boolean mayBeAccepted) {
        if (error instanceof NotFoundException) {
            LOG.info("{}: call {} was over before it could be rejected", NAME, call.callId());
            return Mono.just(WebhookOutcome.ACKNOWLEDGED);
        }
        if (error instanceof ConflictException && mayBeAccepted) {
            LOG.warn("{}: call {} is no longer ringing after an accept whose answer was lost; hanging it up", NAME,
                    call.callId());
            return Mono.defer(() -> sessions.hangupCall(call.callId(), options))
                    .onErrorResume(hangup -> {
                        LOG.warn("{}: could not hang up call {}: {}; OpenAI ends it at its own limit", NAME,
                                call.callId(), hangup.getMessage());
                        return Mono.empty();
                    })
                    .thenReturn(WebhookOutcome.ACKNOWLEDGED);
        }
        if (error instanceof ConflictException) {
            LOG.info("{}: call {} is no longer ringing (answered elsewhere, or ended); nothing to reject", NAME,
                    call.callId());
            return Mono.just(WebhookOutcome.ACKNOWLEDGED);
        }
        if (CallKeeper.worthRetrying(error)) {
            LOG.warn("{}: could not answer call {}: {}; asking OpenAI to deliver the event again", NAME, call.callId(),
                    error.getMessage());
            return Mono.just(WebhookOutcome.CALL_UNANSWERED);
        }
        LOG.warn("{}: could not reject call {}: {}", NAME, call.callId(), error.getMessage());
        return Mono.just(WebhookOutcome.ACKNOWLEDGED);
    }

    private String caller(RealtimeCallIncoming call) {
        try {
            String name = handler.caller(call);
            return name == null || name.isBlank() ? TokenGuardrails.ANONYMOUS : name.strip();
        } catch (RuntimeException e) {
            LOG.warn("{}: the handler could not name the caller of call {} ({}); naming them {}", NAME, call.callId(),
                    e, TokenGuardrails.ANONYMOUS);
            return TokenGuardrails.ANONYMOUS;
        }
    }

    /** A decision, or without one the reason the call is rejected. */
    private record Decided(@Nullable IncomingCallDecision decision, String failure) {
    }
}
