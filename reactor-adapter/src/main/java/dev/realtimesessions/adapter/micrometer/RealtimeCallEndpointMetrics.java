package dev.realtimesessions.adapter.micrometer;

import dev.realtimesessions.ValidationException;
import dev.realtimesessions.adapter.webflux.RealtimeCallEndpoint;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Gauges of the calls a {@link RealtimeCallEndpoint} holds open, each tagged {@code endpoint} with
 * the endpoint's path:
 * <ul>
 *   <li>{@value #OPEN}: the calls open now, of all users;</li>
 *   <li>{@value #USERS}: the users who hold at least one open call;</li>
 *   <li>{@value #MOST_PER_USER}: the most calls any one user holds open, to watch against the
 *       endpoint's {@code maxCallsPerUser}.</li>
 * </ul>
 *
 * <pre>{@code
 * new RealtimeCallEndpointMetrics(callEndpoint).bindTo(meterRegistry);
 * }</pre>
 *
 * <p>No gauge is tagged with a user: user names are unbounded in number (a tag per user would grow
 * the registry without end) and are often personal data. A user's own count is
 * {@link RealtimeCallEndpoint#openCalls(String)}. Nor does any tag hold a call id. The gauges hold the
 * endpoint weakly, as Micrometer gauges do.
 */
public final class RealtimeCallEndpointMetrics implements MeterBinder {

    /** The name of the gauge of open calls. */
    public static final String OPEN = "realtime.sessions.open.calls";
    /** The name of the gauge of users with open calls. */
    public static final String USERS = "realtime.sessions.open.calls.users";
    /** The name of the gauge of the most open calls of one user. */
    public static final String MOST_PER_USER = "realtime.sessions.open.calls.per.user.max";

    private final RealtimeCallEndpoint endpoint;

    /**
     * Metrics for one call endpoint.
     *
     * @param endpoint the endpoint
     * @throws ValidationException if {@code endpoint} is null
     */
    public RealtimeCallEndpointMetrics(RealtimeCallEndpoint endpoint) {
        if (endpoint == null) {
            throw new ValidationException("endpoint", "must not be null");
        }
        this.endpoint = endpoint;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(OPEN, endpoint, RealtimeCallEndpoint::openCalls)
                .description("Realtime calls the endpoint started and has not ended")
                .tag(MicrometerCallListener.ENDPOINT, endpoint.path())
                .register(registry);
        Gauge.builder(USERS, endpoint, RealtimeCallEndpoint::usersWithOpenCalls)
                .description("Users who hold at least one open realtime call")
                .tag(MicrometerCallListener.ENDPOINT, endpoint.path())
                .register(registry);
        Gauge.builder(MOST_PER_USER, endpoint, RealtimeCallEndpoint::mostOpenCallsOfOneUser)
                .description("The most open realtime calls any one user holds")
                .tag(MicrometerCallListener.ENDPOINT, endpoint.path())
                .register(registry);
    }
}
