package dev.realtimesessions.webhooks;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An event OpenAI delivered to a webhook, as {@link WebhookVerifier} returns it once the delivery is
 * verified: {@link RealtimeCallIncoming} for an incoming SIP call to answer through the Realtime API,
 * {@link LiveTransportIncoming} for one to answer through the GPT-Live API, and
 * {@link UnknownWebhookEvent} for any other type (or one that lacks what identifies it), kept whole
 * rather than refused.
 *
 * <pre>{@code
 * WebhookEvent event = verifier.verify(headers, body);
 * if (event instanceof RealtimeCallIncoming call) {
 *     answer(call.callId(), call.sipHeaders());
 * } else if (event instanceof LiveTransportIncoming call) {
 *     answerLive(call.sessionId(), call.sipHeaders());
 * } else {
 *     log.info("ignoring webhook event {} of type {}", event.id(), event.type());
 * }
 * }</pre>
 *
 * <p>The envelope fields follow OpenAI's {@code Webhook*} schemas. Only {@link #type()} is needed
 * to tell events apart; the others are {@code null} when the sender left them out or sent them in
 * an unexpected shape.
 */
public sealed interface WebhookEvent permits RealtimeCallIncoming, LiveTransportIncoming, UnknownWebhookEvent {

    /**
     * The event's id ({@code id}), such as {@code evt_abc123}. Not the delivery's {@code webhook-id}
     * header, which is what replay protection keys on.
     *
     * @return the id, or {@code null} if the event had none
     */
    @Nullable String id();

    /**
     * The event's type ({@code type}), such as {@code realtime.call.incoming}.
     *
     * @return the type, empty if the event had none
     */
    String type();

    /**
     * When the event was created ({@code created_at}, Unix seconds).
     *
     * @return the instant, or {@code null} if the event had none
     */
    @Nullable Instant createdAt();

    /**
     * The object type ({@code object}), always {@code event} when present.
     *
     * @return the object type, or {@code null} if the event had none
     */
    @Nullable String object();
}
