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
 * body, no header, no message of OpenAI's.
 */
final class ErrorAnswers {

    static final Logger LOG = LoggerFactory.getLogger(RealtimeTokenEndpoint.class);

    /** The Retry-After sent on a 503 when OpenAI's 429 did not say how long to wait. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private ErrorAnswers() {
    }

    static Mono<ServerResponse> rejected() {
        return answer(HttpStatus.FORBIDDEN, "forbidden", "Not allowed to start a realtime session.");
    }

    static Mono<ServerResponse> rejected(Throwable error) {
        if (error instanceof ResponseStatusException status) {
            LOG.debug("realtime token endpoint: the authorizer refused with {}", status.getStatusCode());
            return answer(status.getStatusCode(), "rejected", "Not allowed to start a realtime session.");
        }
        LOG.warn("realtime token endpoint: the authorizer failed, refusing the caller: {}", error.toString());
        return rejected();
    }

    static Mono<ServerResponse> failed(Throwable error) {
        if (error instanceof GuardrailRefusal refusal) {
            LOG.info("realtime token endpoint: guardrail {} refused the request, answering {}: {}", refusal.rule(),
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
            LOG.warn("realtime token endpoint: OpenAI rate limited the call, answering 503 (retry after {} s): {}",
                    seconds, error.getMessage());
            return base(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .bodyValue(TokenJson.error("upstream_rate_limited",
                            "The realtime service is busy. Retry after " + seconds + " s."));
        }
        if (error instanceof ApiTimeoutException) {
            LOG.warn("realtime token endpoint: OpenAI did not answer in time, answering 504: {}", error.getMessage());
            return answer(HttpStatus.GATEWAY_TIMEOUT, "upstream_timeout", "The realtime service did not answer in time.");
        }
        if (error instanceof RealtimeSessionsException) {
            LOG.warn("realtime token endpoint: minting failed, answering 502: {}", error.getMessage());
            return answer(HttpStatus.BAD_GATEWAY, "upstream_error", "The realtime service could not issue a session.");
        }
        if (error instanceof ResponseStatusException status) {
            LOG.debug("realtime token endpoint: the customizer answered {}", status.getStatusCode());
            String reason = status.getReason() == null ? "The request was refused." : status.getReason();
            return answer(status.getStatusCode(), "rejected", reason);
        }
        LOG.error("realtime token endpoint: unexpected failure, answering 500", error);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Could not issue a realtime session.");
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    static ServerResponse.BodyBuilder base(HttpStatusCode status) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore());
    }

    private static Mono<ServerResponse> answer(HttpStatusCode status, String type, String message) {
        return base(status).bodyValue(TokenJson.error(type, message));
    }
}
