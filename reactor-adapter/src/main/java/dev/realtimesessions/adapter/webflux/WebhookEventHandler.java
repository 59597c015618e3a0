package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.webhooks.WebhookEvent;
import reactor.core.publisher.Mono;

/**
 * Handles the verified webhook events the {@link RealtimeWebhookEndpoint} has no typed handler for:
 * every type but {@code realtime.call.incoming}, each as the {@link WebhookEvent} the verifier read:
 * a {@link dev.realtimesessions.webhooks.LiveTransportIncoming} for a GPT-Live SIP call (which the
 * endpoint does not answer itself for now), an {@link dev.realtimesessions.webhooks.UnknownWebhookEvent},
 * kept whole, for a type this library does not model.
 *
 * <pre>{@code
 * WebhookEventHandler events = event -> outbox.save(event.type(), event.id());   // a Mono<Void>
 * }</pre>
 *
 * <p>The endpoint answers OpenAI {@code 200} once the returned {@code Mono} completes: handle the
 * event or queue it durably first. If it fails, or does not complete within the endpoint's handler
 * timeout, the endpoint forgets the delivery's {@code webhook-id} and answers {@code 500}, so that
 * OpenAI delivers the event again. Must not block.
 */
@FunctionalInterface
public interface WebhookEventHandler {

    /**
     * Handles one event.
     *
     * @param event the verified event
     * @return a {@code Mono} that completes once the event is handled or safely queued
     */
    Mono<Void> handle(WebhookEvent event);
}
