package dev.realtimesessions.adapter.webflux;

/**
 * Which OpenAI endpoint the {@link RealtimeTokenEndpoint} mints through. The browser gets the same
 * JSON either way.
 */
public enum MintMode {

    /** The generally available {@code POST /realtime/client_secrets}: the default. */
    CLIENT_SECRETS,

    /** The deprecated beta {@code POST /realtime/sessions}, for apps still on the beta Realtime interface. */
    BETA_SESSIONS
}
