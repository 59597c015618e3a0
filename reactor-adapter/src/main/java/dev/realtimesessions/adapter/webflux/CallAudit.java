package dev.realtimesessions.adapter.webflux;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call endpoint's audit trail, on the same logger as the token endpoint's
 * ({@value TokenAudit#LOGGER}): one INFO line when a call starts (user, call id, model, time limit)
 * and one when the endpoint ends it (user, call id, why, after how long). Never an SDP, the session's
 * instructions, a secret or the API key.
 */
final class CallAudit {

    private static final Logger LOG = LoggerFactory.getLogger(TokenAudit.LOGGER);

    private CallAudit() {
    }

    static void started(OpenCall call, @Nullable String model, Duration maxDuration) {
        LOG.info("realtime call started: user={} call={} model={} max_duration={}", TokenAudit.clean(call.user()),
                TokenAudit.clean(call.callId()), model == null ? "-" : TokenAudit.clean(model), maxDuration);
    }

    static void ended(OpenCall call, CallEnd reason, Duration after) {
        LOG.info("realtime call ended: user={} call={} reason={} after={}", TokenAudit.clean(call.user()),
                TokenAudit.clean(call.callId()), reason, after);
    }
}
