package dev.realtimesessions.adapter.boot;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.adapter.webflux.RealtimeTokenEndpoint;
import dev.realtimesessions.model.AudioOutputConfig;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.Voice;

/** Builds the endpoint's configured requests from {@code realtime.openai.endpoint.*}. */
final class EndpointRequests {

    private EndpointRequests() {
    }

    static RealtimeTokenEndpoint.Builder builder(RealtimeSessions sessions, RealtimeSessionsProperties.Endpoint properties) {
        RealtimeSessionConfig.Builder config = RealtimeSessionConfig.builder().model(properties.getModel());
        RealtimeSessionCreateRequest.Builder beta = RealtimeSessionCreateRequest.builder().model(properties.getModel());
        String instructions = properties.getInstructions();
        if (instructions != null && !instructions.isBlank()) {
            config.instructions(instructions);
            beta.instructions(instructions);
        }
        String voice = properties.getVoice();
        if (voice != null && !voice.isBlank()) {
            config.audioOutput(AudioOutputConfig.ofVoice(Voice.of(voice)));
            beta.voice(voice);
        }
        ClientSecretCreateRequest.Builder request = ClientSecretCreateRequest.builder().session(config.build());
        if (properties.getSecretLifetime() != null) {
            request.expiresAfter(properties.getSecretLifetime());
            beta.clientSecretExpiresAfter(properties.getSecretLifetime());
        }
        return RealtimeTokenEndpoint.builder(sessions)
                .path(properties.getPath())
                .mode(properties.getMode())
                .clientSecretRequest(request.build())
                .sessionRequest(beta.build());
    }
}
