package dev.realtimesessions.model;

import dev.realtimesessions.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /live/sessions/{session_id}/fork}: continue a stored GPT-Live session (one
 * started with {@code store: true}) on a new WebRTC connection, as a new session. The model, voice,
 * instructions and conversation come from the stored session; these fields override the rest,
 * and every absent one is inherited.
 *
 * <pre>{@code
 * sessions.forkLiveSession(storedSessionId, LiveForkRequest.of(offerFromTheBrowser))
 *     .map(fork -> fork.sdpAnswer());
 * }</pre>
 *
 * <p>GPT-Live is an alpha API (see {@link LiveSessionCreateRequest}). Source: {@code LiveForkRequest}
 * in the spec OpenAI's Node SDK is generated from, and {@code MediaSessionForkConfig} in
 * {@code openai/openai-node} {@code src/resources/live/live.ts}.
 *
 * @param sdp the browser's SDP offer for the new connection ({@code transport.sdp})
 * @param store whether to store the new session; absent keeps the stored session's setting
 *     ({@code session.store})
 * @param delegation settings of the stored session's Responses delegation to change; only a
 *     session that already delegates to Responses takes it, and its {@code model} may be left out
 *     ({@code session.delegation})
 * @param dataChannel what the new connection's browser may send and receive; each absent list keeps
 *     the stored one ({@code session.client.data_channel})
 */
public record LiveForkRequest(
        String sdp,
        @Nullable Boolean store,
        LiveDelegation.@Nullable Responses delegation,
        @Nullable LiveDataChannelPermissions dataChannel) {

    /**
     * Checks the offer.
     *
     * @param sdp the browser's SDP offer for the new connection ({@code transport.sdp})
     * @param store whether to store the new session ({@code session.store})
     * @param delegation settings of the Responses delegation to change ({@code session.delegation})
     * @param dataChannel what the new connection's browser may send and receive ({@code session.client.data_channel})
     * @throws ValidationException if {@code sdp} is null, blank, not text, larger than
     *     {@link LiveSessionCreateRequest#MAX_SDP_BYTES} or does not start with the line {@code v=0}
     */
    public LiveForkRequest {
        SdpOfferRule.check("transport.sdp", sdp);
    }

    /**
     * A fork that inherits everything from the stored session.
     *
     * @param sdpOffer the browser's SDP offer for the new connection
     * @return the request
     * @throws ValidationException if the offer breaks the rule of {@link LiveForkRequest}
     */
    public static LiveForkRequest of(String sdpOffer) {
        return new LiveForkRequest(sdpOffer, null, null, null);
    }

    /**
     * A builder with no overrides; {@link Builder#sdp(String)} is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether the request overrides anything; without overrides it sends no {@code session}.
     *
     * @return {@code true} if a component other than {@code sdp} is set
     */
    public boolean hasOverrides() {
        return store != null || delegation != null || dataChannel != null;
    }

    /**
     * Shows the overrides and the offer's length, not the offer.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "LiveForkRequest[sdp=<" + sdp.length() + " characters>, store=" + store + ", delegation=" + delegation
                + ", dataChannel=" + dataChannel + "]";
    }

    /** Builds a {@link LiveForkRequest}; every setter rejects {@code null}. */
    public static final class Builder {
        private @Nullable String sdp;
        private @Nullable Boolean store;
        private LiveDelegation.@Nullable Responses delegation;
        private @Nullable LiveDataChannelPermissions dataChannel;

        private Builder() {
        }

        /**
         * Sets {@code transport.sdp} (required).
         *
         * @param sdpOffer the browser's SDP offer for the new connection
         * @return this builder
         */
        public Builder sdp(String sdpOffer) {
            this.sdp = SdpOfferRule.check("transport.sdp", sdpOffer);
            return this;
        }

        /**
         * Sets {@code session.store}.
         *
         * @param store whether to store the new session
         * @return this builder
         */
        public Builder store(boolean store) {
            this.store = store;
            return this;
        }

        /**
         * Sets {@code session.delegation}: settings of the stored session's Responses delegation to
         * change (the delegation's type cannot change in a fork).
         *
         * @param delegation the settings to change; {@code model} may be left out
         * @return this builder
         */
        public Builder delegation(LiveDelegation.Responses delegation) {
            this.delegation = Checks.notNull("session.delegation", delegation);
            return this;
        }

        /**
         * Sets {@code session.client.data_channel}.
         *
         * @param dataChannel what the new connection's browser may send and receive
         * @return this builder
         */
        public Builder dataChannel(LiveDataChannelPermissions dataChannel) {
            this.dataChannel = Checks.notNull("session.client.data_channel", dataChannel);
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if no offer was set
         */
        public LiveForkRequest build() {
            if (sdp == null) {
                throw new ValidationException("transport.sdp", "is required: call sdp(offer)");
            }
            return new LiveForkRequest(sdp, store, delegation, dataChannel);
        }
    }
}
