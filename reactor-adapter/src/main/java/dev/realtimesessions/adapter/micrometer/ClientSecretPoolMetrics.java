package dev.realtimesessions.adapter.micrometer;

import dev.realtimesessions.ClientSecretPool;
import dev.realtimesessions.ValidationException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * A gauge {@value #STOCK} of the fresh secrets a {@link ClientSecretPool} holds ready, tagged
 * {@code pool} with a name of the caller's choosing (a tenant, a template; never a key).
 *
 * <pre>{@code
 * new ClientSecretPoolMetrics(pool, "voice-assistant").bindTo(meterRegistry);
 * }</pre>
 *
 * <p>The gauge holds the pool weakly, as Micrometer gauges do: it reads NaN once the pool is
 * garbage collected. Its mints are counted by the client's {@link MicrometerCallListener}, like
 * any other call.
 */
public final class ClientSecretPoolMetrics implements MeterBinder {

    /** The name of the gauge of a pool's stock. */
    public static final String STOCK = "realtime.sessions.pool.stock";

    private final ClientSecretPool pool;
    private final String name;

    /**
     * Metrics for one pool.
     *
     * @param pool the pool
     * @param name the value of the {@code pool} tag
     * @throws ValidationException if either is null, or the name is blank
     */
    public ClientSecretPoolMetrics(ClientSecretPool pool, String name) {
        if (pool == null) {
            throw new ValidationException("pool", "must not be null");
        }
        if (name == null || name.isBlank()) {
            throw new ValidationException("name", "must not be null or blank: it names the pool in the gauge's tag");
        }
        this.pool = pool;
        this.name = name;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(STOCK, pool, ClientSecretPool::available)
                .description("Fresh client secrets the pool holds ready to hand out")
                .tag("pool", name)
                .register(registry);
    }
}
