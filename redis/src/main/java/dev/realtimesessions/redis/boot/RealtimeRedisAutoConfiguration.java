package dev.realtimesessions.redis.boot;

import dev.realtimesessions.ValidationException;
import dev.realtimesessions.adapter.boot.RealtimeSessionsAutoConfiguration;
import dev.realtimesessions.adapter.boot.RealtimeSessionsBuilderCustomizer;
import dev.realtimesessions.adapter.boot.RealtimeSessionsProperties;
import dev.realtimesessions.adapter.webflux.RealtimeTokenQuota;
import dev.realtimesessions.redis.RedisSharedRateGate;
import dev.realtimesessions.redis.RedisTokenQuota;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Auto-configures what replicas share through Redis when {@code realtime.openai.redis.url} is set:
 * the rate gate's state ({@link RedisSharedRateGate}, unless
 * {@code realtime.openai.redis.share-rate-gate=false}), given to the auto-configured
 * {@code RealtimeSessions} client through a {@link RealtimeSessionsBuilderCustomizer}; and, when
 * {@code realtime.openai.endpoint.guardrails.quota.requests} is set too, a {@link RedisTokenQuota}:
 * the token endpoint of {@link RealtimeSessionsAutoConfiguration} then counts each user's secrets
 * in Redis, shared by every replica, instead of in memory.
 *
 * <pre>{@code
 * # application.properties, the same on every replica
 * realtime.openai.redis.url=redis://redis.internal:6379
 * realtime.openai.endpoint.guardrails.quota.requests=10
 * realtime.openai.endpoint.guardrails.quota.per=1m
 * # optional: realtime.openai.redis.key-prefix, .timeout (200ms), .failure-mode (local, fail-open, fail-closed),
 * #           .share-rate-gate (true)
 * }</pre>
 *
 * <ul>
 *   <li>Both connect through a Lettuce client of their own, made from the URL and shut down with
 *       the context; its commands fail at once while it is disconnected. To use a client or
 *       connection of the application's, define a {@link RealtimeTokenQuota} bean
 *       ({@code RedisTokenQuota.builder(client, uri)...}) or a {@link RedisSharedRateGate} bean:
 *       this auto-configuration backs off for that one. (A gate of the application's is given to
 *       the client too.)</li>
 *   <li>With Micrometer on the class path and one {@code MeterRegistry} bean, what is decided or
 *       dropped without Redis is counted in {@code realtime.sessions.redis.fallbacks}.</li>
 *   <li>{@code realtime.openai.enabled=false} turns it off, as it does the client.</li>
 * </ul>
 */
@AutoConfiguration(before = RealtimeSessionsAutoConfiguration.class)
@ConditionalOnClass({RedisClient.class, RealtimeTokenQuota.class, RealtimeSessionsProperties.class})
@ConditionalOnBooleanProperty(prefix = RealtimeSessionsProperties.PREFIX, name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = RealtimeRedisProperties.PREFIX, name = "url")
@EnableConfigurationProperties({RealtimeRedisProperties.class, RealtimeSessionsProperties.class})
public final class RealtimeRedisAutoConfiguration {

    static final String QUOTA_PREFIX = RealtimeSessionsProperties.PREFIX + ".endpoint.guardrails.quota";

    private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    /** Where the builder's option names come from, as properties. */
    private static final Map<String, String> PROPERTIES = Map.of(
            "requests", QUOTA_PREFIX + ".requests",
            "per", QUOTA_PREFIX + ".per",
            "keyPrefix", RealtimeRedisProperties.PREFIX + ".key-prefix",
            "timeout", RealtimeRedisProperties.PREFIX + ".timeout",
            "failureMode", RealtimeRedisProperties.PREFIX + ".failure-mode");

    /** Creates the auto-configuration; Spring calls it. */
    public RealtimeRedisAutoConfiguration() {
    }

    @Bean
    OwnedRedisClient realtimeRedisClient() {
        return new OwnedRedisClient();
    }

    /**
     * The quota, closed at shutdown (before its client).
     *
     * @param redis the bound {@code realtime.openai.redis.*} properties
     * @param properties the bound {@code realtime.openai.*} properties, for the quota's limit
     * @param beanFactory to find the application's {@code MeterRegistry}, when it has one
     * @return the quota the token endpoint uses
     * @throws InvalidConfigurationPropertyValueException if a property is unusable, naming it (a URL's
     *     value is never shown)
     */
    @Bean
    @ConditionalOnProperty(prefix = QUOTA_PREFIX, name = "requests")
    @ConditionalOnMissingBean(RealtimeTokenQuota.class)
    RedisTokenQuota realtimeRedisTokenQuota(RealtimeRedisProperties redis, RealtimeSessionsProperties properties,
            OwnedRedisClient client, BeanFactory beanFactory) {
        RedisURI uri = uri(redis);
        RealtimeSessionsProperties.Quota quota = properties.endpoint().guardrails().quota();
        try {
            RedisTokenQuota.Builder builder = RedisTokenQuota.builder(client.client(), uri)
                    .limit(quota.requests() == null ? 0 : quota.requests(), quota.per())
                    .keyPrefix(redis.keyPrefix())
                    .timeout(redis.timeout())
                    .failureMode(redis.failureMode());
            if (ClassUtils.isPresent(METER_REGISTRY, getClass().getClassLoader())) {
                MeterRegistries.apply(builder, beanFactory);
            }
            return builder.build();
        } catch (ValidationException e) {
            throw invalid(e);
        }
    }

    /**
     * The shared rate gate, closed at shutdown (before its client, after the RealtimeSessions
     * client that uses it).
     *
     * @param redis the bound {@code realtime.openai.redis.*} properties
     * @param beanFactory to find the application's {@code MeterRegistry}, when it has one
     * @return the gate the client shares its rate gate's state through
     * @throws InvalidConfigurationPropertyValueException if a property is unusable, naming it (a URL's
     *     value is never shown)
     */
    @Bean
    @ConditionalOnBooleanProperty(prefix = RealtimeRedisProperties.PREFIX, name = "share-rate-gate",
            matchIfMissing = true)
    @ConditionalOnMissingBean(RedisSharedRateGate.class)
    RedisSharedRateGate realtimeRedisSharedRateGate(RealtimeRedisProperties redis, OwnedRedisClient client,
            BeanFactory beanFactory) {
        RedisURI uri = uri(redis);
        try {
            RedisSharedRateGate.Builder builder = RedisSharedRateGate.builder(client.client(), uri)
                    .keyPrefix(redis.keyPrefix())
                    .timeout(redis.timeout());
            if (ClassUtils.isPresent(METER_REGISTRY, getClass().getClassLoader())) {
                MeterRegistries.apply(builder, beanFactory);
            }
            return builder.build();
        } catch (ValidationException e) {
            throw invalid(e);
        }
    }

    /**
     * Gives the shared rate gate (this configuration's, or the application's own
     * {@link RedisSharedRateGate} bean) to the auto-configured client's builder.
     *
     * @param gate the gate
     * @return the customizer
     */
    @Bean
    @ConditionalOnBooleanProperty(prefix = RealtimeRedisProperties.PREFIX, name = "share-rate-gate",
            matchIfMissing = true)
    RealtimeSessionsBuilderCustomizer realtimeRedisSharedRateGateCustomizer(RedisSharedRateGate gate) {
        return builder -> builder.sharedRateGate(gate);
    }

    private static RedisURI uri(RealtimeRedisProperties redis) {
        try {
            return RedisURI.create(String.valueOf(redis.url()));
        } catch (RuntimeException e) {
            throw new InvalidConfigurationPropertyValueException(RealtimeRedisProperties.PREFIX + ".url",
                    "(as configured)", "not a Redis URL such as redis://host:6379 (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static InvalidConfigurationPropertyValueException invalid(ValidationException e) {
        return new InvalidConfigurationPropertyValueException(PROPERTIES.getOrDefault(e.field(),
                RealtimeRedisProperties.PREFIX), "(as configured)", e.getMessage());
    }
}
