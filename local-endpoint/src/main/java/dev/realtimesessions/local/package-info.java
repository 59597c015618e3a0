/**
 * An embedded stand-in for OpenAI's Realtime API on loopback: {@link dev.realtimesessions.local.LocalRealtimeEndpoint}
 * and the immutable snapshots it hands to tests ({@link dev.realtimesessions.local.LocalCall},
 * {@link dev.realtimesessions.local.LocalControl}, {@link dev.realtimesessions.local.LocalRequest},
 * {@link dev.realtimesessions.local.WebhookDelivery}). Nothing in this package accepts or returns
 * {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package dev.realtimesessions.local;

import org.jspecify.annotations.NullMarked;
