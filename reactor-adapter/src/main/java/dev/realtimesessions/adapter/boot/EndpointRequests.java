package dev.realtimesessions.adapter.boot;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.ValidationException;
import dev.realtimesessions.adapter.webflux.RealtimeCallEndpoint;
import dev.realtimesessions.adapter.webflux.RealtimeTokenEndpoint;
import dev.realtimesessions.adapter.webflux.RealtimeTokenQuota;
import dev.realtimesessions.adapter.webflux.TokenGuardrails;
import dev.realtimesessions.model.AudioOutputConfig;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.Voice;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Builds the endpoints' configured requests and limits from {@code realtime.openai.endpoint.*} and
 * {@code realtime.openai.call-endpoint.*}.
 */
final class EndpointRequests {

    private EndpointRequests() {
    }

    /**
     * The guardrails: the application's {@code TokenGuardrails} bean if it has one, else built from
     * {@code realtime.openai.endpoint.guardrails.*} with the application's quota bean, if any, in
     * place of the in-memory one.
     */
    static TokenGuardrails guardrails(RealtimeSessionsProperties.Guardrails properties,
            @Nullable TokenGuardrails bean, @Nullable RealtimeTokenQuota quotaBean) {
        if (bean != null) {
            return bean;
        }
        TokenGuardrails.Builder builder = TokenGuardrails.builder();
        try {
            if (!properties.allowedModels().isEmpty()) {
                builder.allowedModels(properties.allowedModels());
            }
            if (!properties.allowedVoices().isEmpty()) {
                builder.allowedVoices(properties.allowedVoices());
            }
            if (properties.maxSecretLifetime() != null) {
                builder.maxSecretLifetime(properties.maxSecretLifetime());
            }
            if (quotaBean != null) {
                builder.quota(quotaBean);
            } else if (properties.quota().requests() != null) {
                builder.quota(RealtimeTokenQuota.inMemory(properties.quota().requests(), properties.quota().per()));
            }
        } catch (ValidationException e) {
            throw new InvalidConfigurationPropertyValueException(RealtimeSessionsProperties.PREFIX
                    + ".endpoint.guardrails." + PropertyNames.of(e.field()), "(as configured)", e.getMessage());
        }
        return builder.build();
    }

    /**
     * The call endpoint from {@code realtime.openai.call-endpoint.*}, starting calls with the token
     * endpoint's session.
     *
     * @throws InvalidConfigurationPropertyValueException naming the property if a value is unusable
     */
    static RealtimeCallEndpoint.Builder callEndpoint(RealtimeSessions sessions, RealtimeSessionsProperties properties) {
        RealtimeSessionsProperties.CallEndpoint calls = properties.callEndpoint();
        try {
            return RealtimeCallEndpoint.builder(sessions)
                    .path(calls.path())
                    .maxDuration(calls.maxDuration())
                    .maxCallsPerUser(calls.maxCallsPerUser())
                    .session(session(properties.endpoint()));
        } catch (ValidationException e) {
            throw new InvalidConfigurationPropertyValueException(RealtimeSessionsProperties.PREFIX + ".call-endpoint."
                    + PropertyNames.of(e.field()), "(as configured)", e.getMessage());
        }
    }

    /** The GA session of {@code realtime.openai.endpoint.*} (model, instructions, voice), for tokens and calls. */
    static RealtimeSessionConfig session(RealtimeSessionsProperties.Endpoint properties) {
        RealtimeSessionConfig.Builder config = RealtimeSessionConfig.builder().model(properties.model());
        String instructions = properties.instructions();
        if (instructions != null && !instructions.isBlank()) {
            config.instructions(instructions);
        }
        String voice = properties.voice();
        if (voice != null && !voice.isBlank()) {
            config.audioOutput(AudioOutputConfig.ofVoice(Voice.of(voice)));
        }
        return config.build();
    }

    @SuppressWarnings("deprecation") // also configures the beta mode's request, kept while OpenAI serves it
    static RealtimeTokenEndpoint.Builder builder(RealtimeSessions sessions, RealtimeSessionsProperties.Endpoint properties) {
        RealtimeSessionCreateRequest.Builder beta = RealtimeSessionCreateRequest.builder().model(properties.model());
        String instructions = properties.instructions();
        if (instructions != null && !instructions.isBlank()) {
            beta.instructions(instructions);
        }
        String voice = properties.voice();
        if (voice != null && !voice.isBlank()) {
            beta.voice(voice);
        }
        ClientSecretCreateRequest.Builder request = ClientSecretCreateRequest.builder().session(session(properties));
        if (properties.secretLifetime() != null) {
            request.expiresAfter(properties.secretLifetime());
            beta.clientSecretExpiresAfter(properties.secretLifetime());
        }
        return RealtimeTokenEndpoint.builder(sessions)
                .path(properties.path())
                .mode(properties.mode())
                .clientSecretRequest(request.build())
                .sessionRequest(beta.build());
    }
}
