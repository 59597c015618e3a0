package dev.realtimesessions.local;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of one Realtime call or GPT-Live session in the endpoint's table: how it
 * began, every state it has been in, and every control request it received. Take a fresh one with
 * {@link LocalRealtimeEndpoint#call(String)}, or wait for a state with
 * {@link LocalRealtimeEndpoint#awaitCall(String, State)}.
 *
 * <pre>{@code
 * StepVerifier.create(endpoint.awaitCall(callId, LocalCall.State.ACCEPTED))
 *     .assertNext(call -> assertThat(call.acceptedSession()).contains("\"model\":\"gpt-realtime\""))
 *     .verifyComplete();
 * }</pre>
 *
 * @param id the call id ({@code rtc_...}) or Live session id ({@code live_...})
 * @param api which API the call belongs to
 * @param transport how it began
 * @param state the current state
 * @param states every state it has been in, oldest first, ending with {@code state}
 * @param createdAt when it was created, on the endpoint's clock
 * @param offerSdp the SDP offer it was created with, or null for a SIP call
 * @param answerSdp the SDP answer the endpoint gave, or null for a SIP call
 * @param session the session configuration it was created with, as JSON: the {@code session} part of
 *     {@code POST /realtime/calls}, the session of the client secret that created it, or the
 *     {@code session} of {@code POST /live/sessions} or of a fork; null when there was none
 * @param acceptedSession the session it was accepted with, as JSON (the Realtime accept body, or the
 *     {@code session} of a Live accept body), or null when it was not accepted
 * @param rejectStatus the SIP status it was rejected with (603 when the Realtime reject body had
 *     none), or null when it was not rejected
 * @param referTarget the {@code target_uri} it was referred to, or null when it was not referred
 * @param forkedFrom the id of the stored Live session it was forked from, or null
 * @param controls every control request received for it, oldest first, refused ones included
 */
public record LocalCall(String id, Api api, Transport transport, State state, List<State> states, Instant createdAt,
        @Nullable String offerSdp, @Nullable String answerSdp, @Nullable String session,
        @Nullable String acceptedSession, @Nullable Integer rejectStatus, @Nullable String referTarget,
        @Nullable String forkedFrom, List<LocalControl> controls) {

    /**
     * Checks the required components and copies the lists.
     *
     * @param id the id
     * @param api the API
     * @param transport the transport
     * @param state the current state
     * @param states the states so far
     * @param createdAt the creation time
     * @param offerSdp the offer, or null
     * @param answerSdp the answer, or null
     * @param session the creation session JSON, or null
     * @param acceptedSession the accept session JSON, or null
     * @param rejectStatus the reject SIP status, or null
     * @param referTarget the refer target, or null
     * @param forkedFrom the parent Live session, or null
     * @param controls the control requests
     * @throws IllegalArgumentException if a required component is null
     */
    public LocalCall {
        Args.required("id", id);
        Args.required("api", api);
        Args.required("transport", transport);
        Args.required("state", state);
        Args.required("createdAt", createdAt);
        states = List.copyOf(Args.required("states", states));
        controls = List.copyOf(Args.required("controls", controls));
    }

    /**
     * Whether the call has ever been in {@code state}; unlike {@link #state()}, this stays true after
     * the call moved on (an accepted call that was then hung up has reached {@link State#ACCEPTED}).
     *
     * @param state the state
     * @return true if it has been in it
     */
    public boolean reached(State state) {
        return states.contains(state);
    }

    /**
     * The control requests of one operation, oldest first.
     *
     * @param operation the operation
     * @return those requests, refused ones included
     */
    public List<LocalControl> controls(LocalControl.Operation operation) {
        return controls.stream().filter(control -> control.operation() == operation).toList();
    }

    /** The API a call belongs to, which decides its control paths. */
    public enum Api {
        /** A Realtime call: {@code /realtime/calls/{call_id}/...}, ids {@code rtc_...}. */
        REALTIME,
        /** A GPT-Live session: {@code /live/sessions/{session_id}/...}, ids {@code live_...}. */
        LIVE
    }

    /** How a call began. */
    public enum Transport {
        /** Created by an SDP offer ({@code POST /realtime/calls}, {@code POST /live/sessions}, a fork). */
        WEBRTC,
        /** Rung in over SIP by {@link LocalRealtimeEndpoint#ringSip} or {@link LocalRealtimeEndpoint#ringLiveSip}. */
        SIP
    }

    /**
     * The states of a call. A WebRTC call starts {@link #CREATED}; a SIP call starts
     * {@link #RINGING} and is accepted, rejected, then possibly referred; any call can be hung up.
     */
    public enum State {
        /** A SIP call waiting for accept, reject (or hangup). */
        RINGING,
        /** A WebRTC call whose offer was answered. */
        CREATED,
        /** A SIP call that was accepted. */
        ACCEPTED,
        /** A SIP call that was rejected. */
        REJECTED,
        /** An accepted SIP call that was transferred with REFER. */
        REFERRED,
        /** A call that was hung up. */
        HUNG_UP
    }
}
