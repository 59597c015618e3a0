package dev.realtimesessions.adapter.boot;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.adapter.webflux.MintMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code realtime.openai.*} properties the auto-configured {@link RealtimeSessions} client and
 * token endpoint are built from, bound through the constructor. Each {@code @param} below is also
 * the property's description in the generated configuration metadata (what IDEs show), and each
 * {@code @DefaultValue} its default.
 *
 * <pre>{@code
 * realtime.openai.api-key=${OPENAI_API_KEY}
 * realtime.openai.project=proj_123
 * realtime.openai.timeout=10s
 * realtime.openai.endpoint.enabled=true
 * realtime.openai.endpoint.instructions=You are a friendly assistant.
 * realtime.openai.endpoint.voice=marin
 * realtime.openai.call-endpoint.enabled=true
 * realtime.openai.call-endpoint.max-duration=5m
 * realtime.openai.webhook.enabled=true
 * realtime.openai.webhook.secrets=${OPENAI_WEBHOOK_SECRET}
 * }</pre>
 *
 * <p>For Azure OpenAI, {@code realtime.openai.azure.resource-url} with the resource's key, or with
 * a {@code TokenCredential} bean for Microsoft Entra ID (see {@link Azure}); the endpoint's
 * {@code model} is then a deployment's name:
 *
 * <pre>{@code
 * realtime.openai.azure.resource-url=https://my-resource.openai.azure.com
 * realtime.openai.azure.api-key=${AZURE_OPENAI_API_KEY}
 * realtime.openai.endpoint.model=my-gpt-realtime-deployment
 * }</pre>
 *
 * <p>{@link #toString()} never shows an API key or a webhook secret.
 *
 * @param enabled Whether to auto-configure the RealtimeSessions client at all.
 * @param apiKey The OpenAI API key, sent as Authorization: Bearer. Required unless
 *     realtime.openai.azure.resource-url is set, typically ${OPENAI_API_KEY}.
 * @param baseUrl The API base URL; paths such as /realtime/client_secrets are appended to it. Not
 *     with Azure OpenAI.
 * @param organization The OpenAI-Organization header, org-... Not with Azure OpenAI.
 * @param project The OpenAI-Project header, proj_... Not with Azure OpenAI.
 * @param connectTimeout Time to open a TCP (and TLS) connection.
 * @param attemptTimeout Time for one attempt, from asking for a connection to the last byte of the answer.
 * @param timeout The overall deadline over all attempts and the waits between them.
 * @param maxRetries How many times a failed call is retried (connection errors, 408, 409, 429, 5xx).
 * @param maxConnections The client's own connection pool size.
 * @param maxPendingAcquires Calls that may wait for a pooled connection before being refused.
 * @param azure Azure OpenAI instead of OpenAI.
 * @param endpoint The token endpoint.
 * @param callEndpoint The call endpoint (the SDP exchange).
 * @param webhook The webhook endpoint (incoming SIP calls).
 */
@ConfigurationProperties(prefix = RealtimeSessionsProperties.PREFIX)
public record RealtimeSessionsProperties(
        @DefaultValue("true") boolean enabled,
        @Nullable String apiKey,
        @DefaultValue(RealtimeSessions.DEFAULT_BASE_URL) String baseUrl,
        @Nullable String organization,
        @Nullable String project,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration attemptTimeout,
        @DefaultValue("45s") Duration timeout,
        @DefaultValue("2") int maxRetries,
        @DefaultValue("2000") int maxConnections,
        @DefaultValue("20000") int maxPendingAcquires,
        @DefaultValue Azure azure,
        @DefaultValue Endpoint endpoint,
        @DefaultValue CallEndpoint callEndpoint,
        @DefaultValue Webhook webhook) {

    /** The prefix of these properties. */
    public static final String PREFIX = "realtime.openai";

    /**
     * Describes the properties without the API key and the webhook secrets.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "RealtimeSessionsProperties{apiKey=" + (apiKey == null ? "<unset>" : "***") + ", baseUrl=" + baseUrl
                + ", organization=" + organization + ", project=" + project + ", connectTimeout=" + connectTimeout
                + ", attemptTimeout=" + attemptTimeout + ", timeout=" + timeout + ", maxRetries=" + maxRetries
                + ", maxConnections=" + maxConnections + ", maxPendingAcquires=" + maxPendingAcquires
                + ", azure=" + azure + ", endpoint=" + endpoint + ", callEndpoint=" + callEndpoint + ", webhook=" + webhook
                + "}";
    }

    /**
     * The {@code realtime.openai.azure.*} properties: Azure OpenAI instead of OpenAI. With
     * {@code resource-url} set, the client calls the resource's v1 API and authenticates with
     * {@code api-key} when it is set, else with Microsoft Entra ID tokens from the application's
     * {@code TokenCredential} bean (with {@code com.azure:azure-identity} on the class path; Spring
     * Cloud Azure defines one, or define {@code new DefaultAzureCredentialBuilder().build()}).
     * {@code realtime.openai.api-key}, {@code base-url}, {@code organization} and {@code project}
     * are OpenAI's and refused with it.
     *
     * @param resourceUrl The Azure OpenAI resource's endpoint, https://{resource}.openai.azure.com;
     *     /openai/v1 is appended.
     * @param apiKey The resource's key, sent as api-key. Leave unset to use Microsoft Entra ID through a
     *     TokenCredential bean.
     * @param tokenScope The scope of the Entra ID tokens asked of the TokenCredential bean.
     * @param tokenRefreshMargin How long before an Entra ID token expires it is refreshed.
     */
    public record Azure(
            @Nullable String resourceUrl,
            @Nullable String apiKey,
            @DefaultValue(COGNITIVE_SERVICES_SCOPE) String tokenScope,
            @DefaultValue("5m") Duration tokenRefreshMargin) {

        /** The default {@code token-scope}, Azure OpenAI's (as {@code AzureIdentityTokens.COGNITIVE_SERVICES_SCOPE}). */
        static final String COGNITIVE_SERVICES_SCOPE = "https://cognitiveservices.azure.com/.default";

        /**
         * Whether Azure OpenAI is configured at all.
         *
         * @return whether {@code resource-url} is set
         */
        public boolean isConfigured() {
            return resourceUrl != null && !resourceUrl.isBlank();
        }

        /**
         * Describes the properties without the key.
         *
         * @return a description safe to log
         */
        @Override
        public String toString() {
            return "Azure{resourceUrl=" + resourceUrl + ", apiKey=" + (apiKey == null ? "<unset>" : "***")
                    + ", tokenScope=" + tokenScope + ", tokenRefreshMargin=" + tokenRefreshMargin + "}";
        }
    }

    /**
     * The {@code realtime.openai.endpoint.*} properties of the WebFlux token endpoint.
     *
     * @param enabled Whether to register the WebFlux token endpoint (needs a RealtimeTokenAuthorizer bean).
     * @param path The path the token endpoint serves (POST).
     * @param mode Which OpenAI endpoint to mint through: the GA client-secrets (default) or the
     *     deprecated beta-sessions.
     * @param model The Realtime model of the minted sessions.
     * @param instructions The system instructions of the minted sessions (default: the server's).
     * @param voice The voice of the minted sessions, such as marin (default: the server's).
     * @param secretLifetime How long a minted client secret lives (default: the server's, 10 minutes).
     * @param guardrails Limits on what the endpoint mints.
     */
    public record Endpoint(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("/realtime/session") String path,
            @DefaultValue("client-secrets") MintMode mode,
            @DefaultValue("gpt-realtime") String model,
            @Nullable String instructions,
            @Nullable String voice,
            @Nullable Duration secretLifetime,
            @DefaultValue Guardrails guardrails) {
    }

    /**
     * The {@code realtime.openai.call-endpoint.*} properties of the WebFlux call endpoint, where the
     * browser posts its SDP offer. The session its calls start with ({@code model},
     * {@code instructions}, {@code voice}) and its guardrails are the token endpoint's, from
     * {@code realtime.openai.endpoint.*}, so that both endpoints start the same sessions and share
     * one quota.
     *
     * @param enabled Whether to register the WebFlux call endpoint (needs a RealtimeTokenAuthorizer bean).
     * @param path The path the call endpoint serves: POST an SDP offer to start a call, DELETE
     *     path/handle to hang it up.
     * @param maxDuration How long a call may last before the endpoint hangs it up, whatever the browser does.
     * @param maxCallsPerUser How many calls one user may hold open at once; more are refused with 429.
     * @param api Which API the offers go through: realtime (POST /realtime/calls) or live (GPT-Live,
     *     alpha at OpenAI: POST /live/sessions, with live-model and the endpoint's instructions and voice).
     * @param liveModel The GPT-Live model, when api is live.
     */
    public record CallEndpoint(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("/realtime/call") String path,
            @DefaultValue("10m") Duration maxDuration,
            @DefaultValue("2") int maxCallsPerUser,
            @DefaultValue("realtime") CallApi api,
            @DefaultValue("gpt-live-1") String liveModel) {
    }

    /** The API the call endpoint exchanges offers through. */
    public enum CallApi {
        /** The Realtime API's {@code POST /realtime/calls}. */
        REALTIME,
        /** GPT-Live's {@code POST /live/sessions} (alpha at OpenAI). */
        LIVE
    }

    /**
     * The {@code realtime.openai.webhook.*} properties of the WebFlux webhook endpoint, which OpenAI
     * posts its events to: incoming SIP calls are handed to the application's
     * {@code IncomingCallHandler} bean and accepted, rejected or referred as it decides. Accepted
     * calls start with the token endpoint's session ({@code realtime.openai.endpoint.*}) unless the
     * handler gives its own, under the same guardrails.
     *
     * @param enabled Whether to register the WebFlux webhook endpoint (needs an IncomingCallHandler bean).
     * @param path The path the webhook endpoint serves (POST); its public https URL is the webhook URL
     *     configured at OpenAI.
     * @param secrets The webhook signing secrets (whsec_...), typically ${OPENAI_WEBHOOK_SECRET}; two
     *     while rotating, a delivery signed with either is accepted. Never logged.
     * @param tolerance How far a delivery's timestamp may be from this server's clock, either way.
     * @param handlerTimeout How long the IncomingCallHandler may take to decide before the endpoint
     *     rejects the call.
     * @param rejectStatus The SIP status (400 to 699) the endpoint rejects a call with when the handler
     *     is too slow or fails, the guardrails refuse, or the accept fails.
     * @param maxBodySize The largest webhook body read; a larger delivery is refused with 413.
     * @param maxDuration How long an accepted call may last before the endpoint hangs it up.
     */
    public record Webhook(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("/realtime/webhook") String path,
            @DefaultValue List<String> secrets,
            @DefaultValue("5m") Duration tolerance,
            @DefaultValue("5s") Duration handlerTimeout,
            @DefaultValue("480") int rejectStatus,
            @DefaultValue("64KB") DataSize maxBodySize,
            @DefaultValue("10m") Duration maxDuration) {

        /**
         * Copies the secrets, so that the bound properties cannot change afterwards.
         *
         * @param enabled whether to register the endpoint
         * @param path the path served
         * @param secrets the signing secrets; empty when unset
         * @param tolerance the timestamp tolerance
         * @param handlerTimeout how long the handler may take
         * @param rejectStatus the SIP status of the endpoint's own rejects
         * @param maxBodySize the largest body read
         * @param maxDuration the longest an accepted call may last
         */
        public Webhook {
            secrets = secrets == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(secrets));
        }

        /**
         * Describes the properties without the secrets.
         *
         * @return a description safe to log
         */
        @Override
        public String toString() {
            return "Webhook{enabled=" + enabled + ", path=" + path + ", secrets=" + secrets.size() + " (not shown)"
                    + ", tolerance=" + tolerance + ", handlerTimeout=" + handlerTimeout + ", rejectStatus="
                    + rejectStatus + ", maxBodySize=" + maxBodySize + ", maxDuration=" + maxDuration + "}";
        }
    }

    /**
     * The {@code realtime.openai.endpoint.guardrails.*} properties: limits on what the token endpoint
     * mints, whatever the browser asks for. Every limit is off until set.
     *
     * @param allowedModels The models the endpoint may mint; a request naming another (or none) is refused with 403.
     * @param allowedVoices The voices the endpoint may mint; a request naming another is refused with 403.
     * @param maxSecretLifetime The longest a minted client secret may live; longer requests are refused,
     *     unset ones get this.
     * @param quota The per-user quota of minted secrets.
     */
    public record Guardrails(
            @DefaultValue List<String> allowedModels,
            @DefaultValue List<String> allowedVoices,
            @Nullable Duration maxSecretLifetime,
            @DefaultValue Quota quota) {

        /**
         * Copies the lists, so that the bound properties cannot change afterwards.
         *
         * @param allowedModels the model names; empty allows any
         * @param allowedVoices the voice names or custom voice ids; empty allows any
         * @param maxSecretLifetime the longest lifetime, or {@code null} for no limit
         * @param quota the per-user quota
         */
        public Guardrails {
            allowedModels = copy(allowedModels);
            allowedVoices = copy(allowedVoices);
        }

        /** An unmodifiable copy that keeps any null element for the guardrails to refuse by name. */
        private static List<String> copy(@Nullable List<String> names) {
            return names == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(names));
        }
    }

    /**
     * The {@code realtime.openai.endpoint.guardrails.quota.*} properties: secrets per user per window.
     *
     * @param requests How many secrets each user may mint per window (default none: no quota).
     * @param per The length of the quota window.
     */
    public record Quota(@Nullable Integer requests, @DefaultValue("1m") Duration per) {
    }
}
