package dev.realtimesessions.local;


/**
 * One webhook POST the endpoint made, exactly as sent, and the status the receiver answered.
 * {@link LocalRealtimeEndpoint#redeliver} sends one again unchanged (a replay); a test that wants a
 * tampered delivery builds a copy with another body and redelivers that.
 *
 * <p>{@code toString()} leaves the signature out: with the body it would let a reader check guesses
 * of the secret.
 *
 * @param url where it was posted
 * @param callId the call id ({@code rtc_...}) or Live session id ({@code live_...}) the event announces
 * @param webhookId the {@code webhook-id} header, the same on a redelivery
 * @param webhookTimestamp the {@code webhook-timestamp} header (Unix seconds as text)
 * @param webhookSignature the {@code webhook-signature} header ({@code v1,<base64>})
 * @param body the JSON event, as sent (UTF-8)
 * @param status the HTTP status the receiver answered
 */
public record WebhookDelivery(String url, String callId, String webhookId, String webhookTimestamp,
        String webhookSignature, String body, int status) {

    /**
     * Checks that no component is null.
     *
     * @param url the URL
     * @param callId the call or session id
     * @param webhookId the webhook id
     * @param webhookTimestamp the timestamp text
     * @param webhookSignature the signature header
     * @param body the body
     * @param status the receiver's status
     * @throws IllegalArgumentException if a required component is null
     */
    public WebhookDelivery {
        Args.required("url", url);
        Args.required("callId", callId);
        Args.required("webhookId", webhookId);
        Args.required("webhookTimestamp", webhookTimestamp);
        Args.required("webhookSignature", webhookSignature);
        Args.required("body", body);
    }

    /**
     * This delivery with another body and the same headers, as a tampering test sends it.
     *
     * @param tamperedBody the body to send instead
     * @return the copy
     */
    public WebhookDelivery withBody(String tamperedBody) {
        return new WebhookDelivery(url, callId, webhookId, webhookTimestamp, webhookSignature, tamperedBody, status);
    }

    @Override
    public String toString() {
        return "WebhookDelivery[url=" + url + ", callId=" + callId + ", webhookId=" + webhookId
                + ", webhookTimestamp=" + webhookTimestamp + ", status=" + status + "]";
    }
}
