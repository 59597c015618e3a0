package dev.realtimesessions.model;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the browser of a GPT-Live WebRTC session may send and receive on its data channel
 * ({@code session.client.data_channel}): <strong>the way to limit an untrusted frontend</strong>.
 *
 * <p>A GPT-Live WebRTC session is started by your server ({@code POST /live/sessions} with your API
 * key); the browser only gets the SDP answer, and then talks to the session over a data channel.
 * Without these permissions that browser may send <em>every</em> client event (append
 * instructions, update the delegation, close the session, ...) and receives <em>every</em> server
 * event, including the events of the delegated Responses model. Set them whenever the browser is
 * not trusted with all of that:
 *
 * <pre>{@code
 * LiveDataChannelPermissions.builder()
 *     .allowClientEvents("session.input_audio.mute", "session.input_audio.unmute") // nothing else
 *     .allowServerEvents(LiveServerEventSelector.of("session.output_transcript.delta"),
 *                        LiveServerEventSelector.of("session.closed"),
 *                        LiveServerEventSelector.of("error"))
 *     .build();
 * }</pre>
 *
 * <p>Each list is one of three things: absent (not sent: every event is allowed, or, in a fork,
 * the stored session's setting is kept), {@link Allowed#all()} ({@code "all"}), or
 * {@link Allowed#only(List)} those events ({@code [...]}; an empty list allows none). The
 * permissions are fixed when the session starts; they apply to the browser's data channel only,
 * never to trusted sideband connections from your server; the session may report the permissions it
 * applied in an {@code info} event (code {@code data_channel_permissions}).
 *
 * <p>Source: {@code ClientConfig}, {@code DataChannelConfig} and {@code ServerEventSelector} in
 * {@code openai/openai-node} {@code src/resources/live/live.ts}; the published spec holds this
 * shape only as a placeholder (GPT-Live is an alpha API).
 *
 * @param clientEvents the client event types the browser may send, or {@code null} to leave the
 *     field out ({@code allowed_client_events})
 * @param serverEvents the server events the browser may receive, or {@code null} to leave the
 *     field out ({@code allowed_server_events})
 */
public record LiveDataChannelPermissions(@Nullable Allowed<String> clientEvents,
        @Nullable Allowed<LiveServerEventSelector> serverEvents) {

    /**
     * Checks the event types.
     *
     * @param clientEvents the client event types the browser may send ({@code allowed_client_events})
     * @param serverEvents the server events the browser may receive ({@code allowed_server_events})
     * @throws dev.realtimesessions.ValidationException if a client event type is blank
     */
    public LiveDataChannelPermissions {
        if (clientEvents instanceof Allowed.Only<String> only) {
            for (int i = 0; i < only.events().size(); i++) {
                Checks.notBlank("session.client.data_channel.allowed_client_events[" + i + "]", only.events().get(i));
            }
        }
    }

    /**
     * A builder with both lists absent (every event allowed).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Which events are allowed: all of them ({@code "all"}) or only those listed.
     *
     * @param <T> how an event is named: a type, or a {@link LiveServerEventSelector}
     */
    public sealed interface Allowed<T> permits Allowed.All, Allowed.Only {

        /**
         * Every event: {@code "all"}.
         *
         * @param <T> how an event is named
         * @return the permission
         */
        static <T> Allowed<T> all() {
            return new All<>();
        }

        /**
         * Only these events: a JSON array; an empty list allows none.
         *
         * @param events the events allowed
         * @param <T> how an event is named
         * @return the permission
         * @throws dev.realtimesessions.ValidationException if the list or an event is null
         */
        static <T> Allowed<T> only(List<? extends T> events) {
            return new Only<>(Checks.copyOrNull("events", Checks.notNull("events", events)));
        }

        /**
         * Every event, written {@code "all"}.
         *
         * @param <T> how an event is named
         */
        record All<T>() implements Allowed<T> {
        }

        /**
         * Only the events listed.
         *
         * @param events the events allowed, in order; empty allows none
         * @param <T> how an event is named
         */
        record Only<T>(List<T> events) implements Allowed<T> {

            /**
             * Copies the list.
             *
             * @param events the events allowed
             * @throws dev.realtimesessions.ValidationException if the list or an event is null
             */
            public Only {
                events = Checks.copyOrNull("events", Checks.notNull("events", events));
            }
        }
    }

    /** Builds {@link LiveDataChannelPermissions}; a later call for the same list replaces an earlier one. */
    public static final class Builder {
        private @Nullable Allowed<String> clientEvents;
        private @Nullable Allowed<LiveServerEventSelector> serverEvents;

        private Builder() {
        }

        /**
         * Lets the browser send only these client events ({@code allowed_client_events: [...]});
         * none at all when called without arguments.
         *
         * @param types client event types, such as {@code session.input_audio.mute}
         * @return this builder
         */
        public Builder allowClientEvents(String... types) {
            this.clientEvents = Allowed.only(Arrays.asList(Checks.notNull("allowed_client_events", types)));
            return this;
        }

        /**
         * Lets the browser send every client event ({@code allowed_client_events: "all"}).
         *
         * @return this builder
         */
        public Builder allowAllClientEvents() {
            this.clientEvents = Allowed.all();
            return this;
        }

        /**
         * Lets the browser receive only these server events ({@code allowed_server_events: [...]});
         * none at all when called without arguments.
         *
         * @param selectors the server events
         * @return this builder
         */
        public Builder allowServerEvents(LiveServerEventSelector... selectors) {
            this.serverEvents = Allowed.only(Arrays.asList(Checks.notNull("allowed_server_events", selectors)));
            return this;
        }

        /**
         * Lets the browser receive every server event ({@code allowed_server_events: "all"}).
         *
         * @return this builder
         */
        public Builder allowAllServerEvents() {
            this.serverEvents = Allowed.all();
            return this;
        }

        /**
         * Builds the permissions.
         *
         * @return the permissions
         * @throws dev.realtimesessions.ValidationException if a client event type is blank
         */
        public LiveDataChannelPermissions build() {
            return new LiveDataChannelPermissions(clientEvents, serverEvents);
        }
    }
}
