package dev.realtimesessions.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The endpoint's table of calls and Live sessions, safe for the event loops and the test thread
 * at once: every change is made under one lock, stores a new immutable {@link LocalCall}, and is
 * published to those waiting for a state.
 */
final class CallTable {

    private final Map<String, LocalCall> calls = new LinkedHashMap<>();
    private final Sinks.Many<LocalCall> changes = Sinks.many().multicast().directBestEffort();

    /** What a control does to a call: the reply, and the call's next snapshot (null: unchanged). */
    record Decision(Reply reply, @Nullable LocalCall next) {

        static Decision keep(Reply reply) {
            return new Decision(reply, null);
        }
    }

    synchronized void add(LocalCall call) {
        calls.put(call.id(), call);
        changes.tryEmitNext(call);
    }

    /**
     * Applies one control request to a call of {@code api} and records it, with the status
     * {@code decide} chose, whatever that was.
     *
     * @return the reply, or null when the table holds no such call (the caller answers 404)
     */
    synchronized @Nullable Reply control(String id, LocalCall.Api api, LocalControl.Operation operation,
            @Nullable String body, Instant receivedAt, Function<LocalCall, Decision> decide) {
        LocalCall current = calls.get(id);
        if (current == null || current.api() != api) {
            return null;
        }
        Decision decision = decide.apply(current);
        LocalCall next = decision.next() == null ? current : decision.next();
        List<LocalControl> controls = new ArrayList<>(next.controls());
        controls.add(new LocalControl(id, operation, body, decision.reply().status(), receivedAt));
        LocalCall stored = new LocalCall(next.id(), next.api(), next.transport(), next.state(), next.states(),
                next.createdAt(), next.offerSdp(), next.answerSdp(), next.session(), next.acceptedSession(),
                next.rejectStatus(), next.referTarget(), next.forkedFrom(), controls);
        calls.put(id, stored);
        changes.tryEmitNext(stored);
        return decision.reply();
    }

    synchronized Optional<LocalCall> get(String id) {
        return Optional.ofNullable(calls.get(id));
    }

    synchronized List<LocalCall> all() {
        return List.copyOf(calls.values());
    }

    /**
     * The call once it has reached {@code state}: at once if it already has, else at the change
     * that gets it there. Subscribes to the changes before it reads the table, so no change is missed.
     */
    Mono<LocalCall> await(String id, LocalCall.State state) {
        return Flux.merge(changes.asFlux(), Mono.fromSupplier(() -> get(id).orElse(null)))
                .filter(call -> call.id().equals(id) && call.reached(state))
                .next();
    }

    /** Ends every wait: those still waiting complete empty. */
    synchronized void close() {
        changes.tryEmitComplete();
    }

    // --- the next snapshot of a call for each transition ---

    static LocalCall moved(LocalCall call, LocalCall.State state) {
        return with(call, state, call.acceptedSession(), call.rejectStatus(), call.referTarget());
    }

    static LocalCall accepted(LocalCall call, String session) {
        return with(call, LocalCall.State.ACCEPTED, session, call.rejectStatus(), call.referTarget());
    }

    static LocalCall rejected(LocalCall call, int sipStatus) {
        return with(call, LocalCall.State.REJECTED, call.acceptedSession(), sipStatus, call.referTarget());
    }

    static LocalCall referred(LocalCall call, String targetUri) {
        return with(call, LocalCall.State.REFERRED, call.acceptedSession(), call.rejectStatus(), targetUri);
    }

    private static LocalCall with(LocalCall call, LocalCall.State state, @Nullable String acceptedSession,
            @Nullable Integer rejectStatus, @Nullable String referTarget) {
        List<LocalCall.State> states = new ArrayList<>(call.states());
        states.add(state);
        return new LocalCall(call.id(), call.api(), call.transport(), state, states, call.createdAt(), call.offerSdp(),
                call.answerSdp(), call.session(), acceptedSession, rejectStatus, referTarget, call.forkedFrom(),
                call.controls());
    }

    /** A new call in its first state. */
    static LocalCall created(String id, LocalCall.Api api, LocalCall.Transport transport, Instant createdAt,
            @Nullable String offerSdp, @Nullable String answerSdp, @Nullable String session,
            @Nullable String forkedFrom) {
        LocalCall.State first = transport == LocalCall.Transport.SIP ? LocalCall.State.RINGING : LocalCall.State.CREATED;
        return new LocalCall(id, api, transport, first, List.of(first), createdAt, offerSdp, answerSdp, session, null,
                null, null, forkedFrom, List.of());
    }
}
