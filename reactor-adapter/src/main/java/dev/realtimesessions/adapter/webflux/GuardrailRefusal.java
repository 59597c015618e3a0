package dev.realtimesessions.adapter.webflux;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** A request the {@link TokenGuardrails} refused: answered with its status, naming the rule. */
final class GuardrailRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String rule;
    private final transient @Nullable Duration retryAfter;

    GuardrailRefusal(HttpStatus status, String rule, String message, @Nullable Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.rule = rule;
        this.retryAfter = retryAfter;
    }

    static GuardrailRefusal forbidden(String rule, String message) {
        return new GuardrailRefusal(HttpStatus.FORBIDDEN, rule, message, null);
    }

    HttpStatus status() {
        return status;
    }

    String rule() {
        return rule;
    }

    @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
