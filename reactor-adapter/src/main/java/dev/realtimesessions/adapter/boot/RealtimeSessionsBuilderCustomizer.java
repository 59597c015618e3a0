package dev.realtimesessions.adapter.boot;

import dev.realtimesessions.RealtimeSessions;

/**
 * Adjusts the auto-configured {@link RealtimeSessions} client's builder beyond the
 * {@code realtime.openai.*} properties: a trust store, a rate-gate choice, a retry policy, extra
 * headers. Every such bean is applied, in {@code @Order}, after the properties and before the client
 * is built; what a customizer sets wins over the properties.
 *
 * <pre>{@code
 * @Bean
 * RealtimeSessionsBuilderCustomizer corporateTrust(SslBundles bundles) {
 *     return builder -> builder.trustManager(bundles.getBundle("corporate").getManagers().getTrustManagerFactory());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface RealtimeSessionsBuilderCustomizer {

    /**
     * Adjusts the builder.
     *
     * @param builder the builder, with the properties already applied
     */
    void customize(RealtimeSessions.Builder builder);
}
