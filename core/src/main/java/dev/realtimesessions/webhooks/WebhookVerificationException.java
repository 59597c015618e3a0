package dev.realtimesessions.webhooks;

import dev.realtimesessions.RealtimeSessionsException;
import org.jspecify.annotations.Nullable;

/**
 * A webhook delivery was refused: it is not proven to come from OpenAI, it is stale, it was seen
 * before, or its body could not be read. {@link #reason()} says which, for a program to act on; the
 * message says it for a person. Neither ever holds a webhook secret or the signature the verifier
 * expected.
 *
 * <p>What an endpoint answers depends on the reason: a delivery that is not authentic or not
 * timely ({@link Reason#MISSING_HEADER} to {@link Reason#NO_MATCHING_SIGNATURE}) gets a 400 and is
 * not processed; a {@link Reason#REPLAYED} one was processed before and may be acknowledged with a
 * 2xx so that the sender stops retrying; a {@link Reason#REPLAY_CHECK_FAILED} one is authentic but
 * could not be deduplicated, so a 5xx asks the sender to deliver it again later.
 */
public final class WebhookVerificationException extends RealtimeSessionsException {

    private static final long serialVersionUID = 1L;

    /** Why the delivery was refused. */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason why the delivery was refused
     * @param message what was wrong and what to check, without any secret
     */
    public WebhookVerificationException(Reason reason, String message) {
        this(reason, message, null);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param reason why the delivery was refused
     * @param message what was wrong and what to check, without any secret
     * @param cause the underlying failure, if any
     */
    public WebhookVerificationException(Reason reason, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /**
     * Why the delivery was refused.
     *
     * @return the reason, for a program to switch on
     */
    public Reason reason() {
        return reason;
    }

    /** Why a webhook delivery was refused, in the order the verifier checks. */
    public enum Reason {

        /** A {@code webhook-id}, {@code webhook-timestamp} or {@code webhook-signature} header is absent or empty. */
        MISSING_HEADER,

        /** The {@code webhook-timestamp} header is not a whole number of Unix seconds. */
        MALFORMED_TIMESTAMP,

        /** The {@code webhook-timestamp} is further in the past than the tolerance allows. */
        TIMESTAMP_TOO_OLD,

        /** The {@code webhook-timestamp} is further in the future than the tolerance allows. */
        TIMESTAMP_TOO_NEW,

        /**
         * No {@code v1} signature in {@code webhook-signature} matches the raw body with any of the
         * configured secrets: a wrong secret, a body that was changed (or re-serialized) on the
         * way, or a delivery that does not come from OpenAI.
         */
        NO_MATCHING_SIGNATURE,

        /** The body is authentic but is not a JSON object. */
        MALFORMED_BODY,

        /**
         * The delivery is authentic and timely, but its {@code webhook-id} was already accepted within
         * the tolerance window: a replay, or a retry of a delivery that was already processed.
         */
        REPLAYED,

        /** The delivery is authentic, but the replay store failed or gave no answer. */
        REPLAY_CHECK_FAILED
    }
}
