/**
 * A ready Spring WebFlux token endpoint: {@link dev.realtimesessions.adapter.webflux.RealtimeTokenEndpoint}
 * authorizes the caller, shapes the request per caller, mints a client secret and answers the
 * browser with it. Needs {@code spring-webflux} on the class path (an optional dependency of this
 * module). Nothing here accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package dev.realtimesessions.adapter.webflux;

import org.jspecify.annotations.NullMarked;
