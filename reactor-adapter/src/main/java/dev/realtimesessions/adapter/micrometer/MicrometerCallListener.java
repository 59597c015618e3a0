package dev.realtimesessions.adapter.micrometer;

import dev.realtimesessions.CallListener;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RealtimeSessionsException;
import dev.realtimesessions.ValidationException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

/**
 * Micrometer metrics and tracing for a {@link RealtimeSessions} client, as its {@link CallListener}.
 *
 * <pre>{@code
 * RealtimeSessions sessions = RealtimeSessions.builder()
 *     .apiKey(System.getenv("OPENAI_API_KEY"))
 *     .callListener(MicrometerCallListener.builder()
 *         .observationRegistry(observationRegistry)   // Observations: timers, and spans with a tracer
 *         .meterRegistry(meterRegistry)               // counters and the in-flight gauge
 *         .build())
 *     .build();
 * }</pre>
 *
 * <p>What it records (every tag is low-cardinality; none holds a key, a secret or a message):
 * <ul>
 *   <li>An Observation {@value #CALL} per call, with tags {@code endpoint} (such as
 *       {@code /realtime/client_secrets}), {@code outcome} ({@code SUCCESS}, {@code CLIENT_ERROR},
 *       {@code SERVER_ERROR}, {@code TIMEOUT}, {@code CONNECTION_ERROR}, {@code INVALID_RESPONSE},
 *       {@code ERROR}, {@code CANCELLED}), {@code status} (the HTTP status, or {@code NONE}) and
 *       {@code exception} (the exception's simple name, or {@code none}); and {@code attempts} as a
 *       high-cardinality value. Its parent is the observation in the subscriber's Reactor context
 *       (key {@link ObservationThreadLocalAccessor#KEY}), else the registry's current one.</li>
 *   <li>An Observation {@value #ATTEMPT} per attempt, a child of its call, with the same tags, and
 *       {@code attempt} and {@code request.id} ({@code x-request-id}) as high-cardinality values.
 *       Its context is a {@link io.micrometer.observation.transport.SenderContext SenderContext}
 *       whose carrier is the attempt's request headers: with Micrometer Tracing, the tracer's
 *       propagating handler adds the trace context ({@code traceparent}, {@code b3}) to the request.</li>
 *   <li>With a meter registry: counters {@value #RETRIES} (tags {@code endpoint}, {@code reason},
 *       the failed attempt's exception type) and {@value #RATE_GATE_WAITS} (tag {@code endpoint}),
 *       and a gauge {@value #IN_FLIGHT} (tag {@code endpoint}) of the calls started and not yet
 *       ended. {@link ClientSecretPoolMetrics} adds a gauge of a pool's stock.</li>
 * </ul>
 * With a {@code DefaultMeterObservationHandler} on the observation registry (Spring Boot installs
 * one), each Observation also becomes a timer of the same name and a {@code .active} long task timer.
 *
 * <p>Thread-safe; one instance can serve several clients.
 */
public final class MicrometerCallListener implements CallListener.Factory {

    /** The name of the Observation of each call. */
    public static final String CALL = "realtime.sessions.call";
    /** The name of the Observation of each attempt. */
    public static final String ATTEMPT = "realtime.sessions.attempt";
    /** The name of the counter of retries scheduled. */
    public static final String RETRIES = "realtime.sessions.retries";
    /** The name of the counter of attempts the rate gate held back. */
    public static final String RATE_GATE_WAITS = "realtime.sessions.rate.gate.waits";
    /** The name of the gauge of calls in flight. */
    public static final String IN_FLIGHT = "realtime.sessions.calls.in.flight";

    static final String ENDPOINT = "endpoint";

    private final ObservationRegistry observations;
    private final @Nullable MeterRegistry meters;
    private final ConcurrentHashMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    private MicrometerCallListener(ObservationRegistry observations, @Nullable MeterRegistry meters) {
        this.observations = observations;
        this.meters = meters;
    }

    /**
     * A builder; give it an observation registry, a meter registry, or both.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the call's Observation, under the observation in the subscriber's context (or the
     * registry's current one), and counts it in flight.
     *
     * @param endpoint the endpoint's path
     * @param context the subscriber's Reactor context
     * @return the call's listener; {@link CallListener#NONE} when there is neither registry
     */
    @Override
    public CallListener callStarted(String endpoint, ContextView context) {
        if (observations.isNoop() && meters == null) {
            return CallListener.NONE;
        }
        Observation parent = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        if (parent == null) {
            parent = observations.getCurrentObservation();
        }
        return new ObservedCall(this, endpoint, parent);
    }

    ObservationRegistry observations() {
        return observations;
    }

    /** Counts a call in or out of flight for its endpoint; registers the endpoint's gauge the first time. */
    void inFlight(String endpoint, int delta) {
        if (meters == null) {
            return;
        }
        inFlight.computeIfAbsent(endpoint, name -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder(IN_FLIGHT, count, AtomicInteger::get)
                    .description("Calls to OpenAI's token endpoints started and not yet ended")
                    .tag(ENDPOINT, name)
                    .register(meters);
            return count;
        }).addAndGet(delta);
    }

    /** Counts a retry. */
    void retried(String endpoint, RealtimeSessionsException cause) {
        if (meters != null) {
            Counter.builder(RETRIES)
                    .description("Retries scheduled after a failed attempt")
                    .tags(ENDPOINT, endpoint, "reason", CallOutcome.reason(cause))
                    .register(meters)
                    .increment();
        }
    }

    /** Counts an attempt the rate gate held back. */
    void rateGateHeld(String endpoint) {
        if (meters != null) {
            Counter.builder(RATE_GATE_WAITS)
                    .description("Attempts held back by the rate gate until the server's limit reset")
                    .tag(ENDPOINT, endpoint)
                    .register(meters)
                    .increment();
        }
    }

    @Override
    public String toString() {
        return "MicrometerCallListener[observations=" + (observations.isNoop() ? "none" : "on")
                + ", meters=" + (meters == null ? "none" : meters.getClass().getSimpleName()) + "]";
    }

    /** Builds a {@link MicrometerCallListener}. */
    public static final class Builder {
        private ObservationRegistry observations = ObservationRegistry.NOOP;
        private @Nullable MeterRegistry meters;

        private Builder() {
        }

        /**
         * Where the call and attempt Observations go (timers through its meter handler, spans
         * through its tracing handlers); none by default.
         *
         * @param observationRegistry the application's observation registry
         * @return this builder
         * @throws ValidationException if it is null
         */
        public Builder observationRegistry(ObservationRegistry observationRegistry) {
            if (observationRegistry == null) {
                throw new ValidationException("observationRegistry", "must not be null");
            }
            this.observations = observationRegistry;
            return this;
        }

        /**
         * Where the counters and the in-flight gauge go; none by default.
         *
         * @param meterRegistry the application's meter registry
         * @return this builder
         * @throws ValidationException if it is null
         */
        public Builder meterRegistry(MeterRegistry meterRegistry) {
            if (meterRegistry == null) {
                throw new ValidationException("meterRegistry", "must not be null");
            }
            this.meters = meterRegistry;
            return this;
        }

        /**
         * Builds the listener factory to give to {@link RealtimeSessions.Builder#callListener}.
         *
         * @return the listener factory
         */
        public MicrometerCallListener build() {
            return new MicrometerCallListener(observations, meters);
        }
    }
}
