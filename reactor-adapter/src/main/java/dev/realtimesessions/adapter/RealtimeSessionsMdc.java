package dev.realtimesessions.adapter;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import reactor.core.publisher.Hooks;

/**
 * Makes SLF4J MDC values that a caller puts in the Reactor {@code Context} visible in the library's
 * log lines for that call, through Micrometer's context propagation. Needs
 * {@code io.micrometer:context-propagation} on the class path (an optional dependency of this
 * module; Spring Boot applications usually have it).
 *
 * <pre>{@code
 * RealtimeSessionsMdc.propagate("requestId", "tenant");     // once, at startup
 *
 * sessions.createClientSecret(request)
 *     .contextWrite(Context.of("requestId", id, "tenant", tenantId));
 * // the library's DEBUG lines for this call carry %X{requestId} and %X{tenant}
 * }</pre>
 *
 * <p>Reactor's {@code Context} is not a thread-local, and the library works on Reactor Netty's
 * event loops, where the caller's MDC is not set. This registers a {@link ThreadLocalAccessor} per
 * MDC key with the global {@link ContextRegistry} and turns on
 * {@link Hooks#enableAutomaticContextPropagation() automatic context propagation}, so Reactor
 * restores the keys from the {@code Context} around each signal of the call and clears them
 * afterwards. Both are global, JVM-wide settings. Tracing systems (Micrometer Tracing) register
 * their own accessors; with Spring Boot, {@code spring.reactor.context-propagation=auto} enables the
 * hook and this class is only needed for plain MDC keys.
 */
public final class RealtimeSessionsMdc {

    private RealtimeSessionsMdc() {
    }

    /**
     * Propagates the given MDC keys from the Reactor {@code Context} into the MDC of the threads a
     * call runs on, and enables automatic context propagation. Idempotent per key.
     *
     * @param keys the MDC keys, also used as the {@code Context} keys
     * @throws dev.realtimesessions.ValidationException if a key is {@code null} or blank
     */
    public static void propagate(String... keys) {
        Arguments.notNull("keys", keys);
        for (String key : keys) {
            if (key == null || key.isBlank()) {
                throw new dev.realtimesessions.ValidationException("keys", "must not hold a null or blank key");
            }
        }
        ContextRegistry registry = ContextRegistry.getInstance();
        for (String key : keys) {
            registry.registerThreadLocalAccessor(new MdcAccessor(key));
        }
        Hooks.enableAutomaticContextPropagation();
    }

    /** One MDC key as a thread-local. */
    private static final class MdcAccessor implements ThreadLocalAccessor<String> {
        private final String key;

        MdcAccessor(String key) {
            this.key = key;
        }

        @Override
        public Object key() {
            return key;
        }

        @Override
        public @Nullable String getValue() {
            return MDC.get(key);
        }

        @Override
        public void setValue(String value) {
            MDC.put(key, value);
        }

        @Override
        public void setValue() {
            MDC.remove(key);
        }
    }
}
