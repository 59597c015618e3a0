package dev.realtimesessions.local;

import io.netty.buffer.Unpooled;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's side of an incoming SIP call: puts a ringing call in the table, then POSTs the signed
 * {@code realtime.call.incoming} or {@code live.transport.incoming} event (envelope and {@code data}
 * as in spec notes section C.1) to the application's webhook URL. The accept, reject or refer the
 * application sends back is recorded by the control handlers like any other.
 */
final class SipRinger {

    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    private final Clock clock;
    private final CallTable table;
    /** A connection per delivery: nothing stays pooled once the endpoint is closed. */
    private final HttpClient client = HttpClient.create(ConnectionProvider.newConnection())
            .responseTimeout(RESPONSE_TIMEOUT);

    SipRinger(Clock clock, CallTable table) {
        this.clock = clock;
        this.table = table;
    }

    Mono<WebhookDelivery> ring(LocalCall.Api api, String webhookUrl, String webhookSecret, List<SipHeader> sipHeaders,
            @Nullable String sipMediaSecurity) {
        return Mono.fromCallable(() -> {
            checkUrl(webhookUrl);
            if (Args.required("sipHeaders", sipHeaders).stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("sipHeaders must not contain null");
            }
            List<SipHeader> headers = List.copyOf(sipHeaders);
            Instant now = clock.instant();
            boolean live = api == LocalCall.Api.LIVE;
            String id = (live ? "live_local_" : "rtc_local_") + Ids.hex(16);
            ObjectNode event = Reply.JSON.createObjectNode();
            event.put("id", "evt_local_" + Ids.hex(12));
            event.put("object", "event");
            event.put("created_at", now.getEpochSecond());
            event.put("type", live ? "live.transport.incoming" : "realtime.call.incoming");
            ObjectNode data = event.putObject("data");
            if (live) {
                data.put("type", "sip");
                data.put("session_id", id);
            } else {
                data.put("call_id", id);
            }
            if (sipMediaSecurity != null) {
                data.put("sip_media_security", sipMediaSecurity);
            }
            ArrayNode sip = data.putArray("sip_headers");
            headers.forEach(header -> sip.addObject().put("name", header.name()).put("value", header.value()));
            String body = Reply.JSON.writeValueAsString(event);
            // Standard Webhooks' message id; OpenAI's docs show "wh_..." ids, distinct from the event's "evt_...".
            String webhookId = "wh_local_" + Ids.hex(12);
            String timestamp = Long.toString(now.getEpochSecond());
            String signature = WebhookSigner.signature(checkSecret(webhookSecret), webhookId,
                    timestamp, body.getBytes(StandardCharsets.UTF_8));
            table.add(CallTable.created(id, api, LocalCall.Transport.SIP, now, null, null, null, null));
            return new WebhookDelivery(webhookUrl, id, webhookId, timestamp, signature, body, 0);
        }).flatMap(this::deliver);
    }

    /** POSTs the delivery's body with its headers, unchanged, and answers it with the receiver's status. */
    Mono<WebhookDelivery> deliver(WebhookDelivery delivery) {
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        return client.headers(headers -> headers
                        .set("content-type", "application/json")
                        .set("webhook-id", delivery.webhookId())
                        .set("webhook-timestamp", delivery.webhookTimestamp())
                        .set("webhook-signature", delivery.webhookSignature()))
                .post()
                .uri(delivery.url())
                .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
                .responseSingle((response, content) -> content.asByteArray().then(Mono.just(response.status().code())))
                .map(status -> new WebhookDelivery(delivery.url(), delivery.callId(), delivery.webhookId(),
                        delivery.webhookTimestamp(), delivery.webhookSignature(), delivery.body(), status))
                // Netty's own exceptions stay causes: the caller sees one plain type with the URL.
                .onErrorMap(error -> !(error instanceof IllegalArgumentException),
                        error -> new IllegalStateException("Delivering the webhook to " + delivery.url() + " failed: "
                                + error, error));
    }

    private static void checkUrl(@Nullable String webhookUrl) {
        URI uri;
        try {
            uri = URI.create(Args.required("webhookUrl", webhookUrl));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(webhookUrl == null ? e.getMessage() : "webhookUrl is not a URI", e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("webhookUrl must be an absolute http or https URL, such as"
                    + " http://127.0.0.1:8080/webhooks/openai");
        }
    }

    private static String checkSecret(@Nullable String webhookSecret) {
        if (Args.required("webhookSecret", webhookSecret).isBlank()) {
            throw new IllegalArgumentException("webhookSecret must not be blank");
        }
        return webhookSecret;
    }
}
