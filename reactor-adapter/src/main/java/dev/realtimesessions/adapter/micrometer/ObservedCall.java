package dev.realtimesessions.adapter.micrometer;

import dev.realtimesessions.CallListener;
import dev.realtimesessions.RealtimeSessionsException;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One call's Observation and its attempts' Observations, and its share of the counters and the
 * in-flight gauge. The client reports the call's end once; a cancellation can race with the last
 * attempt's events, so each attempt's Observation is taken out before it is stopped.
 */
final class ObservedCall implements CallListener {

    private static final String REMOTE_SERVICE = "openai";

    private final MicrometerCallListener metrics;
    private final String endpoint;
    private final Observation call;
    private final AtomicReference<@Nullable Observation> attempt = new AtomicReference<>();

    ObservedCall(MicrometerCallListener metrics, String endpoint, @Nullable Observation parent) {
        this.metrics = metrics;
        this.endpoint = endpoint;
        this.call = Observation.createNotStarted(MicrometerCallListener.CALL, metrics.observations())
                .contextualName("realtime.sessions " + endpoint)
                .lowCardinalityKeyValue(MicrometerCallListener.ENDPOINT, endpoint)
                .parentObservation(parent)
                .start();
        metrics.inFlight(endpoint, 1);
    }

    @Override
    public void attemptStarted(int number, BiConsumer<String, String> requestHeaders) {
        SenderContext<BiConsumer<String, String>> context = new SenderContext<>(
                (carrier, name, value) -> {
                    if (carrier != null) {
                        carrier.accept(name, value);
                    }
                }, Kind.CLIENT);
        context.setCarrier(requestHeaders);
        context.setRemoteServiceName(REMOTE_SERVICE);
        Observation started = Observation.createNotStarted(MicrometerCallListener.ATTEMPT, () -> context,
                        metrics.observations())
                .contextualName("POST " + endpoint)
                .lowCardinalityKeyValue(MicrometerCallListener.ENDPOINT, endpoint)
                .highCardinalityKeyValue("attempt", Integer.toString(number))
                .parentObservation(call)
                .start();
        Observation previous = attempt.getAndSet(started);
        if (previous != null) {
            previous.stop();
        }
    }

    @Override
    public void attemptSucceeded(int number, int status, @Nullable String requestId) {
        Observation current = attempt.getAndSet(null);
        if (current != null) {
            if (requestId != null) {
                current.highCardinalityKeyValue("request.id", requestId);
            }
            current.lowCardinalityKeyValues(CallOutcome.success(status)).stop();
        }
    }

    @Override
    public void attemptFailed(int number, RealtimeSessionsException error) {
        Observation current = attempt.getAndSet(null);
        if (current != null) {
            String requestId = CallOutcome.requestId(error);
            if (requestId != null) {
                current.highCardinalityKeyValue("request.id", requestId);
            }
            current.lowCardinalityKeyValues(CallOutcome.failure(error)).error(error).stop();
        }
    }

    @Override
    public void retryScheduled(int failedAttempt, Duration delay, RealtimeSessionsException cause) {
        metrics.retried(endpoint, cause);
    }

    @Override
    public void rateGateHeld(Duration wait) {
        metrics.rateGateHeld(endpoint);
    }

    @Override
    public void callSucceeded(int status, int attempts) {
        end(CallOutcome.success(status), null, attempts);
    }

    @Override
    public void callFailed(RealtimeSessionsException error, int attempts) {
        end(CallOutcome.failure(error), error, attempts);
    }

    @Override
    public void callCancelled(int attempts) {
        end(CallOutcome.cancelled(), null, attempts);
    }

    private void end(KeyValues outcome, @Nullable RealtimeSessionsException error, int attempts) {
        metrics.inFlight(endpoint, -1);
        Observation open = attempt.getAndSet(null);
        if (open != null) {
            open.lowCardinalityKeyValues(outcome);
            if (error != null) {
                open.error(error);
            }
            open.stop();
        }
        call.lowCardinalityKeyValues(outcome).highCardinalityKeyValue("attempts", Integer.toString(attempts));
        if (error != null) {
            call.error(error);
        }
        call.stop();
    }
}
