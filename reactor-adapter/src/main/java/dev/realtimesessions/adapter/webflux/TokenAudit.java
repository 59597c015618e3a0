package dev.realtimesessions.adapter.webflux;

import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionDetails;
import dev.realtimesessions.model.SessionDetails;
import dev.realtimesessions.model.TranscriptionSessionDetails;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail: one INFO line per minted session on {@value #LOGGER} with the user, the session
 * id, the model and the secret's expiry; never the secret or the API key.
 */
final class TokenAudit {

    /** The audit logger's name. */
    static final String LOGGER = "dev.realtimesessions.adapter.audit";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final int MAX_USER_LENGTH = 200;

    private TokenAudit() {
    }

    static void minted(String user, ClientSecretCreateResponse response) {
        SessionDetails session = response.session();
        String id = null;
        String model = null;
        if (session instanceof RealtimeSessionDetails realtime) {
            id = realtime.id();
            model = realtime.model() == null ? null : realtime.model().value();
        } else if (session instanceof TranscriptionSessionDetails transcription) {
            id = transcription.id();
        }
        log(user, id, model, response.expiresAt(), MintMode.CLIENT_SECRETS);
    }

    @SuppressWarnings("deprecation") // names the beta mode, kept while OpenAI serves it
    static void minted(String user, RealtimeSession session) {
        log(user, session.id(), session.model() == null ? null : session.model().value(),
                session.clientSecret().expiresAt(), MintMode.BETA_SESSIONS);
    }

    private static void log(String user, @Nullable String id, @Nullable String model, Instant expiresAt, MintMode mode) {
        LOG.info("realtime session minted: user={} session={} model={} expires_at={} mode={}", clean(user),
                id == null ? "-" : clean(id), model == null ? "-" : clean(model), expiresAt, mode);
    }

    /** Keeps a value on one line and bounded: control characters become {@code _}. */
    static String clean(String value) {
        String bounded = value.length() > MAX_USER_LENGTH ? value.substring(0, MAX_USER_LENGTH) + "..." : value;
        StringBuilder result = new StringBuilder(bounded.length());
        for (int i = 0; i < bounded.length(); i++) {
            char c = bounded.charAt(i);
            result.append(Character.isISOControl(c) || Character.isWhitespace(c) ? '_' : c);
        }
        return result.toString();
    }
}
