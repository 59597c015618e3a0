package dev.realtimesessions;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Settings for one call that override the client's: another API key (one app minting for many
 * OpenAI projects), extra headers, tighter timeouts, another retry policy. Unset options fall
 * back to the client's. Immutable; share freely.
 *
 * <pre>{@code
 * RequestOptions interactive = RequestOptions.builder()
 *     .timeout(Duration.ofSeconds(3))           // a browser is waiting
 *     .retryPolicy(RetryPolicy.defaults().withMaxRetries(1))
 *     .build();
 * sessions.create(request, interactive);
 * }</pre>
 *
 * <p>Options can also come from the subscriber's Reactor {@code Context}, under
 * {@link #CONTEXT_KEY}: one app minting for many OpenAI projects puts each tenant's key and
 * project there, and every call made within that subscription uses them. Options passed to a call
 * win over those in the {@code Context}, option by option (headers are merged, the call's winning).
 *
 * <pre>{@code
 * sessions.createClientSecret(request)
 *     .contextWrite(Context.of(RequestOptions.CONTEXT_KEY,
 *         RequestOptions.builder().apiKey(tenant.key()).project(tenant.project()).build()));
 * }</pre>
 *
 * <p>{@link #toString()} never shows the API key.
 */
public final class RequestOptions {

    /**
     * The Reactor {@code Context} key under which a call looks for {@code RequestOptions} to apply
     * beneath the options passed to it.
     */
    public static final String CONTEXT_KEY = "dev.realtimesessions.RequestOptions";

    private static final RequestOptions NONE = new Builder().build();

    private final @Nullable String apiKey;
    private final Map<String, String> headers;
    private final @Nullable Duration attemptTimeout;
    private final @Nullable Duration timeout;
    private final @Nullable Duration connectTimeout;
    private final @Nullable RetryPolicy retryPolicy;

    private RequestOptions(Builder builder) {
        this.apiKey = builder.apiKey;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
        this.attemptTimeout = builder.attemptTimeout;
        this.timeout = builder.timeout;
        this.connectTimeout = builder.connectTimeout;
        this.retryPolicy = builder.retryPolicy;
    }

    /**
     * No overrides: the client's settings apply.
     *
     * @return the empty options
     */
    public static RequestOptions none() {
        return NONE;
    }

    /**
     * A builder with nothing overridden.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The API key for this call instead of the client's.
     *
     * @return the key, if overridden
     */
    public Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /**
     * Headers added to this call, after the client's ({@code OpenAI-Organization} and
     * {@code OpenAI-Project} here override the client's for this call).
     *
     * @return the headers, in the order set
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * The time limit of each attempt of this call.
     *
     * @return the attempt timeout, if overridden
     */
    public Optional<Duration> attemptTimeout() {
        return Optional.ofNullable(attemptTimeout);
    }

    /**
     * The overall deadline of this call, over all attempts and the waits between them.
     *
     * @return the overall timeout, if overridden
     */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * The time limit to open a connection for this call.
     *
     * @return the connect timeout, if overridden
     */
    public Optional<Duration> connectTimeout() {
        return Optional.ofNullable(connectTimeout);
    }

    /**
     * The retry policy of this call.
     *
     * @return the policy, if overridden
     */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    /**
     * Describes the overrides, with the API key redacted.
     *
     * @return a description that is safe to log
     */
    @Override
    public String toString() {
        return "RequestOptions{apiKey=" + (apiKey == null ? "<client's>" : "***")
                + ", headers=" + headers.keySet()
                + ", attemptTimeout=" + attemptTimeout + ", timeout=" + timeout
                + ", connectTimeout=" + connectTimeout + ", retryPolicy=" + retryPolicy + "}";
    }

    /**
     * These options, with each option they leave unset taken from {@code fallback}; the headers of
     * both, these winning for a header both set (names compared ignoring case).
     *
     * @param fallback the options beneath these, such as those from the Reactor {@code Context}
     * @return the combined options
     */
    public RequestOptions orElse(RequestOptions fallback) {
        if (fallback == null || fallback == NONE || fallback == this) {
            return this;
        }
        if (this == NONE) {
            return fallback;
        }
        Builder builder = new Builder();
        builder.apiKey = apiKey != null ? apiKey : fallback.apiKey;
        fallback.headers.forEach((name, value) -> {
            if (headers.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
                builder.headers.put(name, value);
            }
        });
        builder.headers.putAll(headers);
        builder.attemptTimeout = attemptTimeout != null ? attemptTimeout : fallback.attemptTimeout;
        builder.timeout = timeout != null ? timeout : fallback.timeout;
        builder.connectTimeout = connectTimeout != null ? connectTimeout : fallback.connectTimeout;
        builder.retryPolicy = retryPolicy != null ? retryPolicy : fallback.retryPolicy;
        return builder.build();
    }

    /** Builds {@link RequestOptions}. Setters reject {@code null} and non-positive durations. */
    public static final class Builder {
        private @Nullable String apiKey;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private @Nullable Duration attemptTimeout;
        private @Nullable Duration timeout;
        private @Nullable Duration connectTimeout;
        private @Nullable RetryPolicy retryPolicy;

        private Builder() {
        }

        /**
         * Uses this API key for the call, sent the way the client sends its own: OpenAI's as
         * {@code Authorization: Bearer}, an Azure resource's as {@code api-key}. A client that
         * authenticates with Microsoft Entra ID tokens refuses a call with a key.
         *
         * @param apiKey the key, not blank
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = Arguments.apiKey(apiKey);
            return this;
        }

        /**
         * Sets {@code OpenAI-Organization} for this call; a client for Azure OpenAI refuses it.
         *
         * @param organization the organization id
         * @return this builder
         */
        public Builder organization(String organization) {
            return header(Arguments.ORGANIZATION, organization);
        }

        /**
         * Sets {@code OpenAI-Project} for this call; a client for Azure OpenAI refuses it.
         *
         * @param project the project id
         * @return this builder
         */
        public Builder project(String project) {
            return header(Arguments.PROJECT, project);
        }

        /**
         * Adds a header to this call, replacing a client header of the same name.
         *
         * @param name the header name; not one the library owns ({@code Authorization},
         *     {@code Content-Type}, {@code Content-Length}, {@code Host}, {@code OpenAI-Beta})
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            Arguments.header(name, value);
            headers.put(name, value);
            return this;
        }

        /**
         * Sets the time limit of each attempt.
         *
         * @param attemptTimeout positive
         * @return this builder
         */
        public Builder attemptTimeout(Duration attemptTimeout) {
            this.attemptTimeout = Arguments.positive("attemptTimeout", attemptTimeout);
            return this;
        }

        /**
         * Sets the overall deadline over all attempts and waits.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Arguments.positive("timeout", timeout);
            return this;
        }

        /**
         * Sets the time limit to open a connection.
         *
         * @param connectTimeout positive
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Arguments.positive("connectTimeout", connectTimeout);
            return this;
        }

        /**
         * Sets the retry policy.
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Arguments.notNull("retryPolicy", retryPolicy, "use RetryPolicy.none() to disable retries");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
