package dev.realtimesessions.adapter.boot;

import dev.realtimesessions.BearerTokenSource;
import dev.realtimesessions.CallListener;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.ValidationException;
import dev.realtimesessions.adapter.micrometer.MicrometerCallListener;
import dev.realtimesessions.adapter.micrometer.RealtimeCallEndpointMetrics;
import dev.realtimesessions.adapter.webflux.IncomingCallHandler;
import dev.realtimesessions.adapter.webflux.RealtimeCallEndpoint;
import dev.realtimesessions.adapter.webflux.RealtimeTokenAuthorizer;
import dev.realtimesessions.adapter.webflux.RealtimeTokenCustomizer;
import dev.realtimesessions.adapter.webflux.RealtimeTokenEndpoint;
import dev.realtimesessions.adapter.webflux.RealtimeTokenQuota;
import dev.realtimesessions.adapter.webflux.RealtimeWebhookEndpoint;
import dev.realtimesessions.adapter.webflux.TokenGuardrails;
import dev.realtimesessions.adapter.webflux.WebhookEventHandler;
import dev.realtimesessions.webhooks.WebhookReplayStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Auto-configures a shared {@link RealtimeSessions} client from {@code realtime.openai.*}
 * ({@link RealtimeSessionsProperties}) and, when {@code realtime.openai.endpoint.enabled=true} in a
 * reactive web application, the {@link RealtimeTokenEndpoint} as a {@code RouterFunction}.
 *
 * <pre>{@code
 * # application.properties
 * realtime.openai.api-key=${OPENAI_API_KEY}
 * realtime.openai.endpoint.enabled=true
 *
 * // and one bean saying who may have a secret
 * @Bean
 * RealtimeTokenAuthorizer realtimeTokenAuthorizer() {
 *     return request -> request.principal().hasElement();
 * }
 * }</pre>
 *
 * <ul>
 *   <li>The client bean backs off when the application defines its own {@code RealtimeSessions};
 *       {@code realtime.openai.enabled=false} turns the whole auto-configuration off. Without
 *       {@code realtime.openai.api-key} the application fails to start with a message naming the
 *       property.</li>
 *   <li>With {@code realtime.openai.azure.resource-url} the client targets that Azure OpenAI
 *       resource instead, with {@code realtime.openai.azure.api-key}, or else with Microsoft Entra ID
 *       tokens from the application's {@code TokenCredential} bean (needs {@code com.azure:azure-identity});
 *       OpenAI's {@code api-key}, {@code base-url}, {@code organization} and {@code project} then fail
 *       startup, each named.</li>
 *   <li>Where Spring has Reactor Netty resources (a {@code ReactorResourceFactory} bean, as a WebFlux
 *       application on Netty does), the client's own transport runs on the application's event loops
 *       ({@link RealtimeSessions.Builder#runOn}): the same transport as a client built by hand, with
 *       its own connection pool sized by {@code max-connections} and {@code max-pending-acquires}
 *       for bursts (released at shutdown), HTTP/2 over TLS, and the same limits.</li>
 *   <li>{@link RealtimeSessionsBuilderCustomizer} beans adjust the builder after the properties (a
 *       trust store, say).</li>
 *   <li>With Micrometer on the class path, the client records its calls with the application's
 *       {@code ObservationRegistry} and {@code MeterRegistry} ({@link MicrometerCallListener}); a
 *       {@link CallListener.Factory} bean of the application's replaces it.</li>
 *   <li>The endpoint needs a {@link RealtimeTokenAuthorizer} bean (startup fails clearly without
 *       one) and uses a {@link RealtimeTokenCustomizer} bean when there is one.</li>
 *   <li>The endpoint's guardrails come from {@code realtime.openai.endpoint.guardrails.*}
 *       (allowed models and voices, the longest secret lifetime, a per-user quota kept in memory);
 *       a {@link RealtimeTokenQuota} bean replaces the in-memory quota, and a {@link TokenGuardrails}
 *       bean (needed for fixed tools or another user resolver) replaces them all.</li>
 *   <li>With {@code realtime.openai.call-endpoint.enabled=true}, the {@link RealtimeCallEndpoint}
 *       too (the SDP exchange): the same authorizer, customizer and guardrails (one
 *       {@link TokenGuardrails} object, so one quota counts a user's tokens and calls), the session
 *       of {@code realtime.openai.endpoint.*}, and its own path, maximum call duration and per-user
 *       limit from {@code realtime.openai.call-endpoint.*}. At shutdown it hangs up the calls still
 *       open. With Micrometer, {@link RealtimeCallEndpointMetrics} gauges its open calls in the
 *       application's {@code MeterRegistry}.</li>
 *   <li>With {@code realtime.openai.webhook.enabled=true}, the {@link RealtimeWebhookEndpoint} too
 *       (incoming SIP calls): the signing secrets, tolerance, handler timeout, reject status, body
 *       limit and maximum call duration of {@code realtime.openai.webhook.*}, the application's
 *       {@link IncomingCallHandler} bean (required) and {@link WebhookEventHandler} bean (optional),
 *       its {@link WebhookReplayStore} bean if it has one (a store shared by replicas), the session
 *       of {@code realtime.openai.endpoint.*} for {@code accept()}, and the shared guardrails. At
 *       shutdown it hangs up the accepted calls still open.</li>
 * </ul>
 */
@AutoConfiguration(afterName = "org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration")
@ConditionalOnClass(RealtimeSessions.class)
@ConditionalOnBooleanProperty(prefix = RealtimeSessionsProperties.PREFIX, name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(RealtimeSessionsProperties.class)
public final class RealtimeSessionsAutoConfiguration {

    private static final String REACTOR_RESOURCE_FACTORY = "org.springframework.http.client.ReactorResourceFactory";
    private static final String TOKEN_CREDENTIAL = "com.azure.core.credential.TokenCredential";

    /** Creates the auto-configuration; Spring calls it. */
    public RealtimeSessionsAutoConfiguration() {
    }

    /**
     * The shared client, closed at shutdown.
     *
     * @param properties the bound {@code realtime.openai.*} properties
     * @param beanFactory to find Spring's Reactor Netty resources, when there are any
     * @param callListener the listener of every call (metrics, tracing), when there is one
     * @param customizers the application's adjustments to the builder, applied in order after the properties
     * @return the client
     * @throws InvalidConfigurationPropertyValueException if {@code realtime.openai.api-key} is
     *     missing (for Azure: {@code realtime.openai.azure.api-key} and a {@code TokenCredential}
     *     bean), if a property is unusable, or if OpenAI's properties are combined with Azure's,
     *     naming the property
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public RealtimeSessions realtimeSessions(RealtimeSessionsProperties properties, BeanFactory beanFactory,
            ObjectProvider<CallListener.Factory> callListener,
            ObjectProvider<RealtimeSessionsBuilderCustomizer> customizers) {
        RealtimeSessions.Builder builder = RealtimeSessions.builder();
        try {
            if (properties.azure().isConfigured()) {
                configureAzure(builder, properties, beanFactory);
            } else {
                configureOpenAi(builder, properties);
            }
            builder.connectTimeout(properties.connectTimeout())
                    .attemptTimeout(properties.attemptTimeout())
                    .timeout(properties.timeout())
                    .retryPolicy(RetryPolicy.defaults().withMaxRetries(properties.maxRetries()))
                    .maxConnections(properties.maxConnections())
                    .maxPendingAcquires(properties.maxPendingAcquires());
            callListener.ifUnique(builder::callListener);
            if (ClassUtils.isPresent(REACTOR_RESOURCE_FACTORY, getClass().getClassLoader())) {
                SpringReactorResources.useApplicationLoops(builder, beanFactory);
            }
        } catch (ValidationException e) {
            throw invalidProperty(e);
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        try {
            return builder.build();
        } catch (ValidationException e) {
            // build() checks the base URL against allowInsecureHttp; anything else it refuses came from a customizer
            throw e.field().equals("baseUrl") || e.field().equals("azure") ? invalidProperty(e) : e;
        }
    }

    private static void configureOpenAi(RealtimeSessions.Builder builder, RealtimeSessionsProperties properties) {
        if (isSet(properties.azure().apiKey())) {
            throw invalidProperty("azure.resource-url", null, "realtime.openai.azure.api-key is set, but"
                    + " realtime.openai.azure.resource-url is not: set it to https://{resource}.openai.azure.com");
        }
        String apiKey = properties.apiKey();
        if (!isSet(apiKey)) {
            throw invalidProperty("api-key", null, "realtime.openai.api-key is required to build the RealtimeSessions"
                    + " client: set it, for example realtime.openai.api-key=${OPENAI_API_KEY}, set"
                    + " realtime.openai.azure.resource-url for Azure OpenAI, or set realtime.openai.enabled=false");
        }
        builder.apiKey(apiKey).baseUrl(properties.baseUrl());
        if (isSet(properties.organization())) {
            builder.organization(properties.organization());
        }
        if (isSet(properties.project())) {
            builder.project(properties.project());
        }
    }

    /**
     * Azure OpenAI: the resource, and its key or else the application's {@code TokenCredential}
     * bean; OpenAI's own properties are refused, naming each.
     */
    private static void configureAzure(RealtimeSessions.Builder builder, RealtimeSessionsProperties properties,
            BeanFactory beanFactory) {
        RealtimeSessionsProperties.Azure azure = properties.azure();
        String withAzure = " cannot be combined with realtime.openai.azure.resource-url";
        if (isSet(properties.apiKey())) {
            throw invalidProperty("api-key", "(as configured)", "realtime.openai.api-key is OpenAI's key and" + withAzure
                    + ": set realtime.openai.azure.api-key to the resource's key, or leave it unset to authenticate with"
                    + " Microsoft Entra ID through a TokenCredential bean");
        }
        if (!RealtimeSessions.DEFAULT_BASE_URL.equals(properties.baseUrl())) {
            throw invalidProperty("base-url", "(as configured)", "realtime.openai.base-url" + withAzure
                    + ", which sets the base URL to {resource}/openai/v1: remove it");
        }
        for (String openAiOnly : new String[] {"organization", "project"}) {
            if (isSet(openAiOnly.equals("project") ? properties.project() : properties.organization())) {
                throw invalidProperty(openAiOnly, "(as configured)", "realtime.openai." + openAiOnly + " is a header only"
                        + " OpenAI reads, and" + withAzure + ": remove it");
            }
        }
        builder.azure(azure.resourceUrl());
        if (isSet(azure.apiKey())) {
            builder.azureApiKey(azure.apiKey());
            return;
        }
        ClassLoader classLoader = beanFactory instanceof ConfigurableBeanFactory configurable
                && configurable.getBeanClassLoader() != null ? configurable.getBeanClassLoader()
                : RealtimeSessionsAutoConfiguration.class.getClassLoader();
        BearerTokenSource tokens = ClassUtils.isPresent(TOKEN_CREDENTIAL, classLoader)
                ? AzureIdentityBeans.tokenSource(beanFactory, azure.tokenScope()) : null;
        if (tokens == null) {
            throw invalidProperty("azure.api-key", null, "realtime.openai.azure.api-key is required with"
                    + " realtime.openai.azure.resource-url unless the application has one TokenCredential bean for"
                    + " Microsoft Entra ID (add com.azure:azure-identity and define new DefaultAzureCredentialBuilder()"
                    + ".build()); or set realtime.openai.azure.api-key=${AZURE_OPENAI_API_KEY}");
        }
        builder.azureTokenSource(tokens).azureTokenRefreshMargin(azure.tokenRefreshMargin());
    }

    private static boolean isSet(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static InvalidConfigurationPropertyValueException invalidProperty(String property, @Nullable Object value,
            String reason) {
        return new InvalidConfigurationPropertyValueException(RealtimeSessionsProperties.PREFIX + "." + property, value,
                reason);
    }

    private static InvalidConfigurationPropertyValueException invalidProperty(ValidationException e) {
        return new InvalidConfigurationPropertyValueException(RealtimeSessionsProperties.PREFIX + "."
                + PropertyNames.of(e.field()), "(as configured)", e.getMessage());
    }

    /**
     * Records every call with the application's Micrometer registries, when Micrometer is on the
     * class path and the application has no {@link CallListener.Factory} bean of its own.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"io.micrometer.observation.ObservationRegistry", "io.micrometer.core.instrument.MeterRegistry"})
    public static final class MicrometerConfiguration {

        /** Creates the configuration; Spring calls it. */
        public MicrometerConfiguration() {
        }

        /**
         * The listener that records call and attempt Observations (timers, and spans when the
         * application has a tracer), retry and rate-gate counters and the in-flight gauge.
         *
         * @param observations the application's observation registry, when it has one
         * @param meters the application's meter registry, when it has one
         * @return the listener factory the client is built with
         */
        @Bean
        @ConditionalOnMissingBean(CallListener.Factory.class)
        public MicrometerCallListener realtimeSessionsCallListener(ObjectProvider<ObservationRegistry> observations,
                ObjectProvider<MeterRegistry> meters) {
            MicrometerCallListener.Builder builder = MicrometerCallListener.builder();
            observations.ifUnique(builder::observationRegistry);
            meters.ifUnique(builder::meterRegistry);
            return builder.build();
        }
    }

    /**
     * The guardrails the endpoints share, from {@code realtime.openai.endpoint.guardrails.*}, when
     * any endpoint is enabled in a reactive web application and the application has no
     * {@link TokenGuardrails} bean of its own.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.web.reactive.function.server.RouterFunction")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @Conditional(AnyEndpointEnabled.class)
    public static final class GuardrailsConfiguration {

        /** Creates the configuration; Spring calls it. */
        public GuardrailsConfiguration() {
        }

        /**
         * The guardrails, built once so that the endpoints count one quota per user.
         *
         * @param properties the bound properties
         * @param quota the application's per-user quota (a shared store, say), optional: when present
         *     it replaces the in-memory quota of {@code realtime.openai.endpoint.guardrails.quota.*}
         * @return the guardrails
         */
        @Bean
        @ConditionalOnMissingBean
        public TokenGuardrails realtimeTokenGuardrails(RealtimeSessionsProperties properties,
                ObjectProvider<RealtimeTokenQuota> quota) {
            return EndpointRequests.guardrails(properties.endpoint().guardrails(), null, quota.getIfUnique());
        }
    }

    /** Any endpoint enabled by its property. */
    static final class AnyEndpointEnabled extends AnyNestedCondition {

        AnyEndpointEnabled() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBooleanProperty(prefix = RealtimeSessionsProperties.PREFIX + ".endpoint", name = "enabled")
        static final class TokenEndpoint {
        }

        @ConditionalOnBooleanProperty(prefix = RealtimeSessionsProperties.PREFIX + ".call-endpoint", name = "enabled")
        static final class CallEndpoint {
        }

        @ConditionalOnBooleanProperty(prefix = RealtimeSessionsProperties.PREFIX + ".webhook", name = "enabled")
        static final class WebhookEndpoint {
        }
    }

    /** Registers the token endpoint in reactive web applications, when enabled by a property. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.web.reactive.function.server.RouterFunction")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnBooleanProperty(prefix = RealtimeSessionsProperties.PREFIX + ".endpoint", name = "enabled")
    public static final class TokenEndpointConfiguration {

        /** Creates the configuration; Spring calls it. */
        public TokenEndpointConfiguration() {
        }

        /**
         * The endpoint, from {@code realtime.openai.endpoint.*} and the application's authorizer and customizer.
         *
         * @param sessions the client to mint with
         * @param properties the bound properties
         * @param authorizer the application's authorizer, required
         * @param customizer the application's customizer, optional
         * @param guardrails the application's guardrails, optional: when present they replace
         *     {@code realtime.openai.endpoint.guardrails.*}
         * @param quota the application's per-user quota (a shared store, say), optional: when present
         *     it replaces the in-memory quota of {@code realtime.openai.endpoint.guardrails.quota.*}
         * @return the endpoint
         * @throws IllegalStateException if the application has no {@link RealtimeTokenAuthorizer} bean
         */
        @Bean
        @ConditionalOnMissingBean
        public RealtimeTokenEndpoint realtimeTokenEndpoint(RealtimeSessions sessions, RealtimeSessionsProperties properties,
                ObjectProvider<RealtimeTokenAuthorizer> authorizer, ObjectProvider<RealtimeTokenCustomizer> customizer,
                ObjectProvider<TokenGuardrails> guardrails, ObjectProvider<RealtimeTokenQuota> quota) {
            RealtimeTokenAuthorizer theAuthorizer = authorizer.getIfUnique();
            if (theAuthorizer == null) {
                throw new IllegalStateException("realtime.openai.endpoint.enabled=true needs one RealtimeTokenAuthorizer"
                        + " bean that says who may have a client secret (each costs money); define one, or use"
                        + " RealtimeTokenAuthorizer.permitAll() only behind something that already authenticates callers");
            }
            return EndpointRequests.builder(sessions, properties.endpoint())
                    .authorizer(theAuthorizer)
                    .customizer(customizer.getIfUnique(() -> new RealtimeTokenCustomizer() { }))
                    .guardrails(EndpointRequests.guardrails(properties.endpoint().guardrails(),
                            guardrails.getIfUnique(), quota.getIfUnique()))
                    .build();
        }

        /**
         * The endpoint's route.
         *
         * @param endpoint the endpoint
         * @return its router function
         */
        @Bean
        public RouterFunction<ServerResponse> realtimeTokenRouterFunction(RealtimeTokenEndpoint endpoint) {
            return endpoint.routerFunction();
        }
    }

    /** Registers the call endpoint in reactive web applications, when enabled by a property. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.web.reactive.function.server.RouterFunction")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnBooleanProperty(prefix = RealtimeSessionsProperties.PREFIX + ".call-endpoint", name = "enabled")
    public static final class CallEndpointConfiguration {

        /** Creates the configuration; Spring calls it. */
        public CallEndpointConfiguration() {
        }

        /**
         * The call endpoint, from {@code realtime.openai.call-endpoint.*}, the token endpoint's session
         * and guardrails, and the application's authorizer and customizer. Closed at shutdown, which
         * hangs up the calls still open.
         *
         * @param sessions the client to start and end calls with
         * @param properties the bound properties
         * @param authorizer the application's authorizer, required
         * @param customizer the application's customizer, optional
         * @param guardrails the guardrails the token endpoint uses too
         * @return the endpoint
         * @throws IllegalStateException if the application has no {@link RealtimeTokenAuthorizer} bean
         */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        public RealtimeCallEndpoint realtimeCallEndpoint(RealtimeSessions sessions,
                RealtimeSessionsProperties properties, ObjectProvider<RealtimeTokenAuthorizer> authorizer,
                ObjectProvider<RealtimeTokenCustomizer> customizer, TokenGuardrails guardrails) {
            RealtimeTokenAuthorizer theAuthorizer = authorizer.getIfUnique();
            if (theAuthorizer == null) {
                throw new IllegalStateException("realtime.openai.call-endpoint.enabled=true needs one"
                        + " RealtimeTokenAuthorizer bean that says who may start a call (each costs money); define one,"
                        + " or use RealtimeTokenAuthorizer.permitAll() only behind something that already authenticates"
                        + " callers");
            }
            return EndpointRequests.callEndpoint(sessions, properties)
                    .authorizer(theAuthorizer)
                    .customizer(customizer.getIfUnique(() -> new RealtimeTokenCustomizer() { }))
                    .guardrails(guardrails)
                    .build();
        }

        /**
         * The call endpoint's routes: {@code POST} an offer, {@code DELETE} a call by its handle.
         *
         * @param endpoint the endpoint
         * @return its router function
         */
        @Bean
        public RouterFunction<ServerResponse> realtimeCallRouterFunction(RealtimeCallEndpoint endpoint) {
            return endpoint.routerFunction();
        }

        /**
         * Closes the call endpoint when the application stops, while the client's event loops still
         * run, so that the calls still open are hung up.
         *
         * @param endpoint the endpoint
         * @return the lifecycle that closes it
         */
        @Bean
        public SmartLifecycle realtimeCallEndpointShutdown(RealtimeCallEndpoint endpoint) {
            return new EndpointShutdown(endpoint::close);
        }

        /** Gauges the call endpoint's open calls, when Micrometer is on the class path. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
        public static final class CallEndpointMetricsConfiguration {

            /** Creates the configuration; Spring calls it. */
            public CallEndpointMetricsConfiguration() {
            }

            /**
             * The gauges, bound to the application's meter registry when it has one (and by Spring Boot's
             * actuator to every registry it manages, as any {@code MeterBinder} bean).
             *
             * @param endpoint the endpoint
             * @param meters the application's meter registry, when it has one
             * @return the gauges' binder
             */
            @Bean
            @ConditionalOnMissingBean
            public RealtimeCallEndpointMetrics realtimeCallEndpointMetrics(RealtimeCallEndpoint endpoint,
                    ObjectProvider<MeterRegistry> meters) {
                RealtimeCallEndpointMetrics metrics = new RealtimeCallEndpointMetrics(endpoint);
                meters.ifUnique(metrics::bindTo);
                return metrics;
            }
        }
    }

    /** Registers the webhook endpoint in reactive web applications, when enabled by a property. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.web.reactive.function.server.RouterFunction")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnBooleanProperty(prefix = RealtimeSessionsProperties.PREFIX + ".webhook", name = "enabled")
    public static final class WebhookEndpointConfiguration {

        /** Creates the configuration; Spring calls it. */
        public WebhookEndpointConfiguration() {
        }

        /**
         * The webhook endpoint, from {@code realtime.openai.webhook.*}, the token endpoint's session
         * and guardrails, and the application's handlers. Closed at shutdown, which hangs up the
         * accepted calls still open.
         *
         * @param sessions the client to answer calls with
         * @param properties the bound properties
         * @param callHandler the application's handler of incoming calls, required
         * @param eventHandler the application's handler of other events, optional
         * @param replayStore the application's replay store (one shared by replicas), optional: without
         *     one, the endpoint's verifier remembers ids in memory
         * @param guardrails the guardrails the other endpoints use too
         * @return the endpoint
         * @throws IllegalStateException if the application has no {@link IncomingCallHandler} bean
         */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        public RealtimeWebhookEndpoint realtimeWebhookEndpoint(RealtimeSessions sessions,
                RealtimeSessionsProperties properties, ObjectProvider<IncomingCallHandler> callHandler,
                ObjectProvider<WebhookEventHandler> eventHandler, ObjectProvider<WebhookReplayStore> replayStore,
                TokenGuardrails guardrails) {
            IncomingCallHandler theCallHandler = callHandler.getIfUnique();
            if (theCallHandler == null) {
                throw new IllegalStateException("realtime.openai.webhook.enabled=true needs one IncomingCallHandler bean"
                        + " that decides about incoming SIP calls (accept, reject or refer); define one");
            }
            RealtimeWebhookEndpoint.Builder builder = EndpointRequests.webhookEndpoint(sessions, properties,
                    replayStore.getIfUnique());
            eventHandler.ifUnique(builder::eventHandler);
            return builder.callHandler(theCallHandler).guardrails(guardrails).build();
        }

        /**
         * The webhook endpoint's route: {@code POST} a delivery.
         *
         * @param endpoint the endpoint
         * @return its router function
         */
        @Bean
        public RouterFunction<ServerResponse> realtimeWebhookRouterFunction(RealtimeWebhookEndpoint endpoint) {
            return endpoint.routerFunction();
        }

        /**
         * Closes the webhook endpoint when the application stops, while the client's event loops
         * still run, so that the accepted calls still open are hung up.
         *
         * @param endpoint the endpoint
         * @return the lifecycle that closes it
         */
        @Bean
        public SmartLifecycle realtimeWebhookEndpointShutdown(RealtimeWebhookEndpoint endpoint) {
            return new EndpointShutdown(endpoint::close);
        }
    }
}
