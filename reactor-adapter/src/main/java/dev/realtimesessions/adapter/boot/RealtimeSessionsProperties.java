package dev.realtimesessions.adapter.boot;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.adapter.webflux.MintMode;
import dev.realtimesessions.adapter.webflux.RealtimeTokenEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code realtime.openai.*} properties the auto-configured {@link RealtimeSessions} client and
 * token endpoint are built from.
 *
 * <pre>{@code
 * realtime.openai.api-key=${OPENAI_API_KEY}
 * realtime.openai.project=proj_123
 * realtime.openai.timeout=10s
 * realtime.openai.endpoint.enabled=true
 * realtime.openai.endpoint.instructions=You are a friendly assistant.
 * realtime.openai.endpoint.voice=marin
 * }</pre>
 *
 * <p>{@link #toString()} never shows the API key.
 */
@ConfigurationProperties(prefix = RealtimeSessionsProperties.PREFIX)
public final class RealtimeSessionsProperties {

    /** The prefix of these properties. */
    public static final String PREFIX = "realtime.openai";

    /** Whether to auto-configure the RealtimeSessions client at all. */
    private boolean enabled = true;

    /** The OpenAI API key, sent as Authorization: Bearer. Required, typically ${OPENAI_API_KEY}. */
    private @Nullable String apiKey;

    /** The API base URL; paths such as /realtime/client_secrets are appended to it. */
    private String baseUrl = "https://api.openai.com/v1";

    /** The OpenAI-Organization header, org-... */
    private @Nullable String organization;

    /** The OpenAI-Project header, proj_... */
    private @Nullable String project;

    /** Time to open a TCP (and TLS) connection. */
    private Duration connectTimeout = Duration.ofSeconds(5);

    /** Time for one attempt, from asking for a connection to the last byte of the answer. */
    private Duration attemptTimeout = Duration.ofSeconds(15);

    /** The overall deadline over all attempts and the waits between them. */
    private Duration timeout = Duration.ofSeconds(45);

    /** How many times a failed call is retried (connection errors, 408, 409, 429, 5xx). */
    private int maxRetries = 2;

    /** The client's own connection pool size. */
    private int maxConnections = 2000;

    /** Calls that may wait for a pooled connection before being refused. */
    private int maxPendingAcquires = 20_000;

    /** The token endpoint. */
    private final Endpoint endpoint = new Endpoint();

    /**
     * Whether to auto-configure the client (default {@code true}).
     *
     * @return whether enabled
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Sets whether to auto-configure the client.
     *
     * @param enabled whether enabled
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * The API key ({@code realtime.openai.api-key}), required.
     *
     * @return the key, or {@code null} when not set
     */
    public @Nullable String getApiKey() {
        return apiKey;
    }

    /**
     * Sets the API key.
     *
     * @param apiKey the key
     */
    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }

    /**
     * The API base URL (default {@value RealtimeSessions#DEFAULT_BASE_URL}).
     *
     * @return the base URL
     */
    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Sets the API base URL.
     *
     * @param baseUrl the base URL
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * The organization header (default none).
     *
     * @return the organization id, or {@code null}
     */
    public @Nullable String getOrganization() {
        return organization;
    }

    /**
     * Sets the organization header.
     *
     * @param organization the organization id
     */
    public void setOrganization(@Nullable String organization) {
        this.organization = organization;
    }

    /**
     * The project header (default none).
     *
     * @return the project id, or {@code null}
     */
    public @Nullable String getProject() {
        return project;
    }

    /**
     * Sets the project header.
     *
     * @param project the project id
     */
    public void setProject(@Nullable String project) {
        this.project = project;
    }

    /**
     * The connect timeout (default 5 s).
     *
     * @return the connect timeout
     */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets the connect timeout.
     *
     * @param connectTimeout the connect timeout
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * The per-attempt timeout (default 15 s).
     *
     * @return the attempt timeout
     */
    public Duration getAttemptTimeout() {
        return attemptTimeout;
    }

    /**
     * Sets the per-attempt timeout.
     *
     * @param attemptTimeout the attempt timeout
     */
    public void setAttemptTimeout(Duration attemptTimeout) {
        this.attemptTimeout = attemptTimeout;
    }

    /**
     * The overall deadline (default 45 s).
     *
     * @return the overall timeout
     */
    public Duration getTimeout() {
        return timeout;
    }

    /**
     * Sets the overall deadline.
     *
     * @param timeout the overall timeout
     */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * How many times a failed call is retried (default 2).
     *
     * @return the retry count
     */
    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * Sets how many times a failed call is retried.
     *
     * @param maxRetries the retry count, 0 for none
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    /**
     * The connection pool size (default 2000).
     *
     * @return the pool size
     */
    public int getMaxConnections() {
        return maxConnections;
    }

    /**
     * Sets the connection pool size.
     *
     * @param maxConnections the pool size
     */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /**
     * How many calls may wait for a connection (default 20,000).
     *
     * @return the wait queue size
     */
    public int getMaxPendingAcquires() {
        return maxPendingAcquires;
    }

    /**
     * Sets how many calls may wait for a connection.
     *
     * @param maxPendingAcquires the wait queue size
     */
    public void setMaxPendingAcquires(int maxPendingAcquires) {
        this.maxPendingAcquires = maxPendingAcquires;
    }

    /**
     * The token endpoint's properties ({@code realtime.openai.endpoint.*}).
     *
     * @return the endpoint properties
     */
    public Endpoint getEndpoint() {
        return endpoint;
    }

    /**
     * Describes the properties without the API key.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "RealtimeSessionsProperties{apiKey=" + (apiKey == null ? "<unset>" : "***") + ", baseUrl=" + baseUrl
                + ", organization=" + organization + ", project=" + project + ", connectTimeout=" + connectTimeout
                + ", attemptTimeout=" + attemptTimeout + ", timeout=" + timeout + ", maxRetries=" + maxRetries
                + ", maxConnections=" + maxConnections + ", maxPendingAcquires=" + maxPendingAcquires
                + ", endpoint=" + endpoint + "}";
    }

    /** The {@code realtime.openai.endpoint.*} properties of the WebFlux token endpoint. */
    public static final class Endpoint {

        /** Whether to register the WebFlux token endpoint (needs a RealtimeTokenAuthorizer bean). */
        private boolean enabled;

        /** The path the token endpoint serves (POST). */
        private String path = "/realtime/session";

        /** Which OpenAI endpoint to mint through: the GA client_secrets (default) or the beta sessions. */
        private MintMode mode = MintMode.CLIENT_SECRETS;

        /** The Realtime model of the minted sessions. */
        private String model = "gpt-realtime";

        /** The system instructions of the minted sessions (default: the server's). */
        private @Nullable String instructions;

        /** The voice of the minted sessions, such as marin (default: the server's). */
        private @Nullable String voice;

        /** How long a minted client secret lives (default: the server's, 10 minutes). */
        private @Nullable Duration secretLifetime;

        /** Limits on what the endpoint mints. */
        private final Guardrails guardrails = new Guardrails();

        /**
         * Whether the endpoint is registered (default {@code false}).
         *
         * @return whether enabled
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the endpoint is registered.
         *
         * @param enabled whether enabled
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The path (default {@value RealtimeTokenEndpoint#DEFAULT_PATH}).
         *
         * @return the path
         */
        public String getPath() {
            return path;
        }

        /**
         * Sets the path.
         *
         * @param path the path, starting with {@code /}
         */
        public void setPath(String path) {
            this.path = path;
        }

        /**
         * The mint mode (default {@link MintMode#CLIENT_SECRETS}).
         *
         * @return the mint mode
         */
        public MintMode getMode() {
            return mode;
        }

        /**
         * Sets the mint mode.
         *
         * @param mode the mint mode
         */
        public void setMode(MintMode mode) {
            this.mode = mode;
        }

        /**
         * The model (default {@code gpt-realtime}).
         *
         * @return the model
         */
        public String getModel() {
            return model;
        }

        /**
         * Sets the model.
         *
         * @param model the model
         */
        public void setModel(String model) {
            this.model = model;
        }

        /**
         * The instructions (default none).
         *
         * @return the instructions, or {@code null}
         */
        public @Nullable String getInstructions() {
            return instructions;
        }

        /**
         * Sets the instructions.
         *
         * @param instructions the instructions
         */
        public void setInstructions(@Nullable String instructions) {
            this.instructions = instructions;
        }

        /**
         * The voice (default none).
         *
         * @return the voice, or {@code null}
         */
        public @Nullable String getVoice() {
            return voice;
        }

        /**
         * Sets the voice.
         *
         * @param voice the voice
         */
        public void setVoice(@Nullable String voice) {
            this.voice = voice;
        }

        /**
         * The client secret's lifetime (default none: the server's).
         *
         * @return the lifetime, or {@code null}
         */
        public @Nullable Duration getSecretLifetime() {
            return secretLifetime;
        }

        /**
         * Sets the client secret's lifetime.
         *
         * @param secretLifetime the lifetime, 10 s to 2 h
         */
        public void setSecretLifetime(@Nullable Duration secretLifetime) {
            this.secretLifetime = secretLifetime;
        }

        /**
         * The endpoint's guardrails ({@code realtime.openai.endpoint.guardrails.*}).
         *
         * @return the guardrail properties
         */
        public Guardrails getGuardrails() {
            return guardrails;
        }

        /**
         * Describes the endpoint properties.
         *
         * @return a description
         */
        @Override
        public String toString() {
            return "Endpoint{enabled=" + enabled + ", path=" + path + ", mode=" + mode + ", model=" + model
                    + ", voice=" + voice + ", secretLifetime=" + secretLifetime + ", guardrails=" + guardrails + "}";
        }
    }

    /**
     * The {@code realtime.openai.endpoint.guardrails.*} properties: limits on what the token endpoint
     * mints, whatever the browser asks for. Every limit is off until set.
     */
    public static final class Guardrails {

        /** The models the endpoint may mint; a request naming another (or none) is refused with 403. */
        private List<String> allowedModels = new ArrayList<>();

        /** The voices the endpoint may mint; a request naming another is refused with 403. */
        private List<String> allowedVoices = new ArrayList<>();

        /** The longest a minted client secret may live; longer requests are refused, unset ones get this. */
        private @Nullable Duration maxSecretLifetime;

        /** The per-user quota of minted secrets. */
        private final Quota quota = new Quota();

        /** Creates the properties with every limit off; Spring calls it. */
        public Guardrails() {
        }

        /**
         * The allowed models (default empty: any).
         *
         * @return the model names
         */
        public List<String> getAllowedModels() {
            return allowedModels;
        }

        /**
         * Sets the allowed models.
         *
         * @param allowedModels model names such as gpt-realtime; empty allows any
         */
        public void setAllowedModels(List<String> allowedModels) {
            this.allowedModels = allowedModels;
        }

        /**
         * The allowed voices (default empty: any).
         *
         * @return the voice names or custom voice ids
         */
        public List<String> getAllowedVoices() {
            return allowedVoices;
        }

        /**
         * Sets the allowed voices.
         *
         * @param allowedVoices voice names such as marin, or custom voice ids; empty allows any
         */
        public void setAllowedVoices(List<String> allowedVoices) {
            this.allowedVoices = allowedVoices;
        }

        /**
         * The longest secret lifetime (default none: no limit).
         *
         * @return the lifetime, or {@code null}
         */
        public @Nullable Duration getMaxSecretLifetime() {
            return maxSecretLifetime;
        }

        /**
         * Sets the longest secret lifetime.
         *
         * @param maxSecretLifetime whole seconds, at least 10 s
         */
        public void setMaxSecretLifetime(@Nullable Duration maxSecretLifetime) {
            this.maxSecretLifetime = maxSecretLifetime;
        }

        /**
         * The per-user quota ({@code realtime.openai.endpoint.guardrails.quota.*}).
         *
         * @return the quota properties
         */
        public Quota getQuota() {
            return quota;
        }

        /**
         * Describes the guardrail properties.
         *
         * @return a description
         */
        @Override
        public String toString() {
            return "Guardrails{allowedModels=" + allowedModels + ", allowedVoices=" + allowedVoices
                    + ", maxSecretLifetime=" + maxSecretLifetime + ", quota=" + quota + "}";
        }
    }

    /** The {@code realtime.openai.endpoint.guardrails.quota.*} properties: secrets per user per window. */
    public static final class Quota {

        /** How many secrets each user may mint per window (default none: no quota). */
        private @Nullable Integer requests;

        /** The length of the quota window. */
        private Duration per = Duration.ofMinutes(1);

        /** Creates the properties with no quota; Spring calls it. */
        public Quota() {
        }

        /**
         * The secrets per user per window (default none: no quota).
         *
         * @return the count, or {@code null}
         */
        public @Nullable Integer getRequests() {
            return requests;
        }

        /**
         * Sets the secrets per user per window.
         *
         * @param requests at least 1
         */
        public void setRequests(@Nullable Integer requests) {
            this.requests = requests;
        }

        /**
         * The window's length (default 1 minute).
         *
         * @return the window
         */
        public Duration getPer() {
            return per;
        }

        /**
         * Sets the window's length.
         *
         * @param per at least one second
         */
        public void setPer(Duration per) {
            this.per = per;
        }

        /**
         * Describes the quota properties.
         *
         * @return a description
         */
        @Override
        public String toString() {
            return "Quota{requests=" + requests + ", per=" + per + "}";
        }
    }
}
