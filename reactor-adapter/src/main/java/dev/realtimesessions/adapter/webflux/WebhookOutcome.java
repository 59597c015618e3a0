package dev.realtimesessions.adapter.webflux;

import org.springframework.http.HttpStatus;

/**
 * How the {@link RealtimeWebhookEndpoint} answers a verified delivery once its event is dealt with:
 * {@code 200}, or a 5xx that asks OpenAI to deliver it again (the endpoint then forgets its
 * {@code webhook-id} first, so that the retry is accepted).
 *
 * @param status the answer's status
 * @param type the error's {@code error.type}, empty for an acknowledgement
 * @param message the error's message, empty for an acknowledgement
 */
record WebhookOutcome(HttpStatus status, String type, String message) {

    /** The event was handled, or there was nothing (more) to do: OpenAI stops delivering it. */
    static final WebhookOutcome ACKNOWLEDGED = new WebhookOutcome(HttpStatus.OK, "", "");

    /** Neither the decision nor a reject reached OpenAI's call control: the call may still be ringing. */
    static final WebhookOutcome CALL_UNANSWERED = new WebhookOutcome(HttpStatus.BAD_GATEWAY, "upstream_error",
            "The call could not be answered; deliver the event again.");

    /** The application's event handler failed or did not finish in time. */
    static final WebhookOutcome HANDLER_FAILED = new WebhookOutcome(HttpStatus.INTERNAL_SERVER_ERROR, "handler_failed",
            "The event could not be handled; deliver it again.");

    boolean acknowledged() {
        return status.is2xxSuccessful();
    }
}
