package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.ApiTimeoutException;
import dev.realtimesessions.RateLimitException;
import dev.realtimesessions.RealtimeSessionsException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Maps failures to answers a browser can act on, without forwarding anything from upstream: no
 * body, no header, no message of OpenAI's. One instance per endpoint, logging under its name.
 */
final class ErrorAnswers {

    /** The token endpoint's. */
    static final ErrorAnswers TOKENS = new ErrorAnswers(RealtimeTokenEndpoint.class, "realtime token endpoint");
    /** The call endpoint's. */
    static final ErrorAnswers CALLS = new ErrorAnswers(RealtimeCallEndpoint.class, "realtime call endpoint");

    /** The Retry-After sent on a 503 when OpenAI's 429 did not say how long to wait. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private final Logger log;
    private final String name;

    private ErrorAnswers(Class<?> endpoint, String name) {
        this.log = LoggerFactory.getLogger(endpoint);
        this.name = name;
    }

    Mono<ServerResponse> rejected() {
        return answer(HttpStatus.FORBIDDEN, "forbidden", "Not allowed to start a realtime session.");
    }

    Mono<ServerResponse> rejected(Throwable error) {
        if (error instanceof ResponseStatusException status) {
            log.debug("{}: the authorizer refused with {}", name, status.getStatusCode());
            return answer(status.getStatusCode(), "rejected", "Not allowed to start a realtime session.");
        }
        log.warn("{}: the authorizer failed, refusing the caller: {}", name, error.toString());
        return rejected();
    }

    Mono<ServerResponse> failed(Throwable error) {
        if (error instanceof OfferRefusal refusal) {
            log.debug("{}: refused the offer with {}: {}", name, refusal.status().value(), refusal.getMessage());
            return answer(refusal.status(), refusal.type(), refusal.getMessage());
        }
        if (error instanceof GuardrailRefusal refusal) {
            log.info("{}: guardrail {} refused the request, answering {}: {}", name, refusal.rule(),
                    refusal.status().value(), refusal.getMessage());
            ServerResponse.BodyBuilder builder = base(refusal.status());
            Duration wait = refusal.retryAfter();
            if (wait != null) {
                builder.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds(wait)));
            }
            return builder.bodyValue(TokenJson.error("guardrail", refusal.rule(), refusal.getMessage()));
        }
        if (error instanceof RateLimitException limited) {
            Duration wait = limited.retryAfter().filter(d -> !d.isNegative() && !d.isZero()).orElse(DEFAULT_RETRY_AFTER);
            long seconds = seconds(wait);
            log.warn("{}: OpenAI rate limited the call, answering 503 (retry after {} s): {}", name, seconds,
                    error.getMessage());
            return base(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .bodyValue(TokenJson.error("upstream_rate_limited",
                            "The realtime service is busy. Retry after " + seconds + " s."));
        }
        if (error instanceof ApiTimeoutException) {
            log.warn("{}: OpenAI did not answer in time, answering 504: {}", name, error.getMessage());
            return answer(HttpStatus.GATEWAY_TIMEOUT, "upstream_timeout", "The realtime service did not answer in time.");
        }
        if (error instanceof RealtimeSessionsException) {
            log.warn("{}: the call to OpenAI failed, answering 502: {}", name, error.getMessage());
            return answer(HttpStatus.BAD_GATEWAY, "upstream_error", "The realtime service could not issue a session.");
        }
        if (error instanceof ResponseStatusException status) {
            log.debug("{}: the customizer answered {}", name, status.getStatusCode());
            String reason = status.getReason() == null ? "The request was refused." : status.getReason();
            return answer(status.getStatusCode(), "rejected", reason);
        }
        log.error("{}: unexpected failure, answering 500", name, error);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Could not issue a realtime session.");
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    static ServerResponse.BodyBuilder base(HttpStatusCode status) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore());
    }

    static Mono<ServerResponse> answer(HttpStatusCode status, String type, String message) {
        return base(status).bodyValue(TokenJson.error(type, message));
    }
}
