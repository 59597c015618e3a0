package dev.realtimesessions.redis.boot;

import dev.realtimesessions.ValidationException;
import dev.realtimesessions.adapter.boot.RealtimeSessionsAutoConfiguration;
import dev.realtimesessions.adapter.boot.RealtimeSessionsProperties;
import dev.realtimesessions.adapter.webflux.RealtimeTokenQuota;
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
 * Auto-configures a {@link RedisTokenQuota} when both {@code realtime.openai.redis.url} and
 * {@code realtime.openai.endpoint.guardrails.quota.requests} are set: the token endpoint of
 * {@link RealtimeSessionsAutoConfiguration} then counts each user's secrets in Redis, shared by every
 * replica, instead of in memory.
 *
 * <pre>{@code
 * # application.properties, the same on every replica
 * realtime.openai.endpoint.guardrails.quota.requests=10
 * realtime.openai.endpoint.guardrails.quota.per=1m
 * realtime.openai.redis.url=redis://redis.internal:6379
 * # optional: realtime.openai.redis.key-prefix, .timeout (200ms), .failure-mode (local, fail-open, fail-closed)
 * }</pre>
 *
 * <ul>
 *   <li>The quota connects through a Lettuce client of its own, made from the URL and shut down with
 *       the context; its commands fail at once while it is disconnected. To use a client or
 *       connection of the application's, define a {@link RealtimeTokenQuota} bean
 *       ({@code RedisTokenQuota.builder(client, uri)...}): this auto-configuration backs off.</li>
 *   <li>With Micrometer on the class path and one {@code MeterRegistry} bean, decisions taken
 *       without Redis are counted in {@code realtime.sessions.redis.fallbacks}.</li>
 *   <li>{@code realtime.openai.enabled=false} turns it off, as it does the client.</li>
 * </ul>
 */
@AutoConfiguration(before = RealtimeSessionsAutoConfiguration.class)
@ConditionalOnClass({RedisClient.class, RealtimeTokenQuota.class, RealtimeSessionsProperties.class})
@ConditionalOnBooleanProperty(prefix = RealtimeSessionsProperties.PREFIX, name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = RealtimeRedisProperties.PREFIX, name = "url")
@ConditionalOnProperty(prefix = RealtimeRedisAutoConfiguration.QUOTA_PREFIX, name = "requests")
@ConditionalOnMissingBean(RealtimeTokenQuota.class)
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
    RedisTokenQuota realtimeRedisTokenQuota(RealtimeRedisProperties redis, RealtimeSessionsProperties properties,
            OwnedRedisClient client, BeanFactory beanFactory) {
        RedisURI uri;
        try {
            uri = RedisURI.create(String.valueOf(redis.url()));
        } catch (RuntimeException e) {
            throw new InvalidConfigurationPropertyValueException(RealtimeRedisProperties.PREFIX + ".url",
                    "(as configured)", "not a Redis URL such as redis://host:6379 (" + e.getClass().getSimpleName() + ")");
        }
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
            throw new InvalidConfigurationPropertyValueException(PROPERTIES.getOrDefault(e.field(),
                    RealtimeRedisProperties.PREFIX), "(as configured)", e.getMessage());
        }
    }
}
