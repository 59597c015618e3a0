/**
 * Spring Boot 4 auto-configuration: a shared {@link dev.realtimesessions.RealtimeSessions} bean
 * from {@code realtime.openai.*} properties ({@link dev.realtimesessions.adapter.boot.RealtimeSessionsProperties})
 * and, when {@code realtime.openai.endpoint.enabled=true}, the WebFlux token endpoint. Active only
 * when Spring Boot is on the class path.
 */
@NullMarked
package dev.realtimesessions.adapter.boot;

import org.jspecify.annotations.NullMarked;
