package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.webhooks.RealtimeCallIncoming;
import reactor.core.publisher.Mono;

/**
 * Decides what happens to an incoming SIP call ({@code realtime.call.incoming}): the application's
 * part of the {@link RealtimeWebhookEndpoint}, which verifies the webhook first and carries the
 * decision out afterwards.
 *
 * <pre>{@code
 * IncomingCallHandler handler = call -> {
 *     String from = call.sipHeaderValues("From").stream().findFirst().orElse("");
 *     return Mono.just(from.contains("+14155550123")
 *         ? IncomingCallDecision.accept(session)
 *         : IncomingCallDecision.reject(486));
 * };
 * }</pre>
 *
 * <p>The phone is ringing meanwhile: the endpoint waits for the decision at most its handler
 * timeout ({@link RealtimeWebhookEndpoint.Builder#handlerTimeout}, 5 s by default), then rejects
 * the call itself. So does it when the decision fails, completes empty, or is refused by the
 * guardrails. {@link #decide} must not block; a lookup that takes time (a customer record, say)
 * belongs in the {@code Mono}. Everything in the event's SIP headers is what the caller's side
 * sent: untrusted.
 */
@FunctionalInterface
public interface IncomingCallHandler {

    /**
     * Decides what happens to the call.
     *
     * @param call the verified event: the call id, the SIP headers of the {@code INVITE}, the media security
     * @return the decision, once; an error or an empty {@code Mono} has the endpoint reject the call
     */
    Mono<IncomingCallDecision> decide(RealtimeCallIncoming call);

    /**
     * Who is calling, as the guardrails' quota and the audit lines name them (the "user" of a phone
     * call). By default the address of the first {@code From} header, without its display name and
     * parameters ({@code "Alice" <sip:+14155550123@example.com>;tag=9fx} is
     * {@code sip:+14155550123@example.com}), or {@value TokenGuardrails#ANONYMOUS} without one. The
     * caller's side chooses its {@code From}: override this to use a header your SIP trunk vouches
     * for ({@code P-Asserted-Identity}, say). Blank, {@code null} or a throw mean
     * {@value TokenGuardrails#ANONYMOUS}.
     *
     * @param call the verified event
     * @return the caller's name; must not block
     */
    default String caller(RealtimeCallIncoming call) {
        return SipCallers.fromHeader(call);
    }
}
