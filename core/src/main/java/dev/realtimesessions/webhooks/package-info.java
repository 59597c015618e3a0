/**
 * Verifying OpenAI's webhooks and reading their events: start with
 * {@link dev.realtimesessions.webhooks.WebhookVerifier}.
 *
 * <p>A delivery is checked the way OpenAI's SDKs check it (Standard Webhooks: HMAC-SHA256 over
 * {@code webhook-id.webhook-timestamp.body}, a timestamp tolerance), then remembered so that a replay
 * is refused, then read into a {@link dev.realtimesessions.webhooks.WebhookEvent}. Nothing in this
 * package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package dev.realtimesessions.webhooks;

import org.jspecify.annotations.NullMarked;
