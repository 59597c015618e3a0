package dev.realtimesessions.adapter.boot;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.ValidationException;
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

/** Builds the endpoint's configured requests from {@code realtime.openai.endpoint.*}. */
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

    @SuppressWarnings("deprecation") // also configures the beta mode's request, kept while OpenAI serves it
    static RealtimeTokenEndpoint.Builder builder(RealtimeSessions sessions, RealtimeSessionsProperties.Endpoint properties) {
        RealtimeSessionConfig.Builder config = RealtimeSessionConfig.builder().model(properties.model());
        RealtimeSessionCreateRequest.Builder beta = RealtimeSessionCreateRequest.builder().model(properties.model());
        String instructions = properties.instructions();
        if (instructions != null && !instructions.isBlank()) {
            config.instructions(instructions);
            beta.instructions(instructions);
        }
        String voice = properties.voice();
        if (voice != null && !voice.isBlank()) {
            config.audioOutput(AudioOutputConfig.ofVoice(Voice.of(voice)));
            beta.voice(voice);
        }
        ClientSecretCreateRequest.Builder request = ClientSecretCreateRequest.builder().session(config.build());
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
