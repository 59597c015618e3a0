package dev.realtimesessions.adapter.boot;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.ValidationException;
import dev.realtimesessions.adapter.webflux.RealtimeCallEndpoint;
import dev.realtimesessions.adapter.webflux.RealtimeTokenEndpoint;
import dev.realtimesessions.adapter.webflux.RealtimeTokenQuota;
import dev.realtimesessions.adapter.webflux.RealtimeWebhookEndpoint;
import dev.realtimesessions.adapter.webflux.TokenGuardrails;
import dev.realtimesessions.model.AudioOutputConfig;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.LiveModel;
import dev.realtimesessions.model.LiveSessionConfig;
import dev.realtimesessions.model.LiveVoice;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.Voice;
import dev.realtimesessions.webhooks.WebhookReplayStore;
import dev.realtimesessions.webhooks.WebhookVerifier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Builds the endpoints' configured requests and limits from {@code realtime.openai.endpoint.*},
 * {@code realtime.openai.call-endpoint.*} and {@code realtime.openai.webhook.*}.
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
            RealtimeCallEndpoint.Builder endpoint = RealtimeCallEndpoint.builder(sessions)
                    .path(calls.path())
                    .maxDuration(calls.maxDuration())
                    .maxCallsPerUser(calls.maxCallsPerUser())
                    .session(session(properties.endpoint()));
            return calls.api() == RealtimeSessionsProperties.CallApi.LIVE
                    ? endpoint.live(liveSession(calls.liveModel(), properties.endpoint())) : endpoint;
        } catch (ValidationException e) {
            throw new InvalidConfigurationPropertyValueException(RealtimeSessionsProperties.PREFIX + ".call-endpoint."
                    + PropertyNames.of(e.field()), "(as configured)", e.getMessage());
        }
    }

    /**
     * The webhook endpoint from {@code realtime.openai.webhook.*}: its verifier (the secrets, the
     * tolerance, and the application's replay store if it has one), its limits, and the token
     * endpoint's session for {@code accept()}. The handlers and guardrails are the caller's to add.
     *
     * @throws InvalidConfigurationPropertyValueException naming the property if a value is missing or
     *     unusable; never with a secret's value
     */
    static RealtimeWebhookEndpoint.Builder webhookEndpoint(RealtimeSessions sessions,
            RealtimeSessionsProperties properties, @Nullable WebhookReplayStore replayStore) {
        RealtimeSessionsProperties.Webhook webhook = properties.webhook();
        String prefix = RealtimeSessionsProperties.PREFIX + ".webhook.";
        if (webhook.secrets().isEmpty()) {
            throw new InvalidConfigurationPropertyValueException(prefix + "secrets", null, prefix + "secrets is"
                    + " required with " + prefix + "enabled=true: set it to the webhook's signing secret, for example "
                    + prefix + "secrets=${OPENAI_WEBHOOK_SECRET}");
        }
        long maxBodyBytes = webhook.maxBodySize().toBytes();
        if (maxBodyBytes > Integer.MAX_VALUE) {
            throw new InvalidConfigurationPropertyValueException(prefix + "max-body-size", webhook.maxBodySize(),
                    "must be at most " + Integer.MAX_VALUE + " bytes; OpenAI's events are a few kilobytes");
        }
        try {
            WebhookVerifier.Builder verifier = WebhookVerifier.builder()
                    .secrets(webhook.secrets().toArray(String[]::new))
                    .tolerance(webhook.tolerance());
            if (replayStore != null) {
                verifier.replayStore(replayStore);
            }
            return RealtimeWebhookEndpoint.builder(sessions)
                    .verifier(verifier.build())
                    .path(webhook.path())
                    .handlerTimeout(webhook.handlerTimeout())
                    .rejectStatus(webhook.rejectStatus())
                    .maxBodyBytes((int) maxBodyBytes)
                    .maxDuration(webhook.maxDuration())
                    .session(session(properties.endpoint()));
        } catch (ValidationException e) {
            String property = e.field().equals("maxBodyBytes") ? "max-body-size" : PropertyNames.of(e.field());
            throw new InvalidConfigurationPropertyValueException(prefix + property, "(as configured)", e.getMessage());
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

    /** The GPT-Live session of the call endpoint in Live mode: the model, and the token endpoint's instructions and voice. */
    static LiveSessionConfig liveSession(String model, RealtimeSessionsProperties.Endpoint properties) {
        LiveSessionConfig.Builder config = LiveSessionConfig.builder().model(LiveModel.of(model));
        String instructions = properties.instructions();
        if (instructions != null && !instructions.isBlank()) {
            config.instructions(instructions);
        }
        String voice = properties.voice();
        if (voice != null && !voice.isBlank()) {
            config.voice(LiveVoice.of(voice));
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
