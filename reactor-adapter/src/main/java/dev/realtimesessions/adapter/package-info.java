/**
 * Bridges from the {@code Mono} API of {@link dev.realtimesessions.RealtimeSessions} to the places
 * it is called from: {@link dev.realtimesessions.adapter.RealtimeSessionsFutures CompletableFuture},
 * {@link dev.realtimesessions.adapter.RealtimeSessionsBlocking blocking with a deadline},
 * {@link dev.realtimesessions.adapter.RealtimeSessionsFlow java.util.concurrent.Flow},
 * {@link dev.realtimesessions.adapter.RealtimeSessionsRx RxJava 3} and per-request options in the
 * Reactor {@link dev.realtimesessions.adapter.RealtimeSessionsContext Context}. The four views
 * have the same methods: the GA calls, and {@code adapt(Mono)} for any other call of the client.
 *
 * <p>Only {@link dev.realtimesessions.adapter.RealtimeSessionsRx} needs RxJava on the class path;
 * nothing in this package needs Spring. Nothing here accepts or returns {@code null} unless marked
 * {@code @Nullable}.
 */
@NullMarked
package dev.realtimesessions.adapter;

import org.jspecify.annotations.NullMarked;
