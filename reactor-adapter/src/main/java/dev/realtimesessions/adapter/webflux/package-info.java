/**
 * Ready Spring WebFlux endpoints: {@link dev.realtimesessions.adapter.webflux.RealtimeTokenEndpoint}
 * authorizes the caller, shapes the request per caller, mints a client secret and answers the
 * browser with it; {@link dev.realtimesessions.adapter.webflux.RealtimeCallEndpoint} takes the
 * browser's SDP offer instead, starts the call with OpenAI, answers with the SDP answer, and keeps the
 * call to limit its length and hang it up. Both share the authorizer, customizer and guardrails.
 * {@link dev.realtimesessions.adapter.webflux.RealtimeWebhookEndpoint} receives OpenAI's signed
 * webhooks: it verifies each delivery, asks the application's
 * {@link dev.realtimesessions.adapter.webflux.IncomingCallHandler} about each incoming SIP call and
 * accepts, rejects or refers the call as it decides, under the same guardrails and time limits.
 * Needs {@code spring-webflux} on the class path (an optional dependency of this module). Nothing
 * here accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package dev.realtimesessions.adapter.webflux;

import org.jspecify.annotations.NullMarked;
