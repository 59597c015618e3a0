package dev.realtimesessions.adapter.webflux;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook endpoint's audit lines beyond the calls' start and end ({@link CallAudit}), on the same
 * logger ({@value TokenAudit#LOGGER}): one INFO line when an incoming SIP call is rejected (by the
 * application's decision or by the endpoint, and why) and one when it is referred. Never a SIP header
 * but the caller's name, a session's instructions, a secret or the API key.
 */
final class SipCallAudit {

    private static final Logger LOG = LoggerFactory.getLogger(TokenAudit.LOGGER);

    private SipCallAudit() {
    }

    static void rejected(String caller, String callId, int sipStatus, String reason) {
        LOG.info("realtime call rejected: user={} call={} status={} reason={}", TokenAudit.clean(caller),
                TokenAudit.clean(callId), sipStatus, reason);
    }

    static void referred(String caller, String callId, String targetUri) {
        LOG.info("realtime call referred: user={} call={} target={}", TokenAudit.clean(caller),
                TokenAudit.clean(callId), TokenAudit.clean(targetUri));
    }
}
