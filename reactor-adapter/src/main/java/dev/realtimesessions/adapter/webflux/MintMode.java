package dev.realtimesessions.adapter.webflux;

/**
 * Which OpenAI endpoint the {@link RealtimeTokenEndpoint} mints through. The browser gets the same
 * JSON either way.
 */
public enum MintMode {

    /** The generally available {@code POST /realtime/client_secrets}: the default. */
    CLIENT_SECRETS,

    /**
     * The beta {@code POST /realtime/sessions}, for apps still on the beta Realtime interface.
     *
     * @deprecated OpenAI has deprecated the beta Realtime interface: use {@link #CLIENT_SECRETS}.
     *     Works as long as OpenAI serves the beta endpoint.
     */
    @Deprecated
    BETA_SESSIONS
}
