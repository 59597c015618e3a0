package dev.realtimesessions.redis.boot;

import dev.realtimesessions.redis.RedisFailureMode;
import dev.realtimesessions.redis.RedisTokenQuota;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code realtime.openai.redis.*} properties: the Redis that replicas share the token
 * endpoint's quota and the rate gate's state through. Each {@code @param} below is also the property's description in the
 * generated configuration metadata, and each {@code @DefaultValue} its default.
 *
 * <pre>{@code
 * realtime.openai.redis.url=redis://redis.internal:6379
 * realtime.openai.endpoint.guardrails.quota.requests=10
 * realtime.openai.endpoint.guardrails.quota.per=1m
 * }</pre>
 *
 * <p>{@link #toString()} never shows a password in the URL.
 *
 * @param url The Redis to share state through, such as redis://host:6379, rediss://:password@host:6380/0
 *     (Lettuce's URI syntax). Setting it, together with a quota, replaces the in-memory quota with one
 *     counted in Redis.
 * @param keyPrefix What every key written starts with; give each application sharing a Redis its own.
 * @param timeout The longest a decision waits for Redis before it is taken as the failure mode says.
 * @param failureMode What a quota decision does when Redis is slow or down: local (count in this
 *     replica alone), fail-open (allow) or fail-closed (refuse). The rate gate always goes on locally.
 * @param shareRateGate Whether the replicas' rate gates share what they learn (a 429's hold, the
 *     server's rate) through Redis, so that a hold one replica meets holds them all; on by default
 *     once a URL is set.
 */
@ConfigurationProperties(prefix = RealtimeRedisProperties.PREFIX)
public record RealtimeRedisProperties(
        @Nullable String url,
        @DefaultValue(RedisTokenQuota.DEFAULT_KEY_PREFIX) String keyPrefix,
        @DefaultValue(RedisTokenQuota.DEFAULT_TIMEOUT_MILLIS + "ms") Duration timeout,
        @DefaultValue("local") RedisFailureMode failureMode,
        @DefaultValue("true") boolean shareRateGate) {

    /** The prefix of these properties. */
    public static final String PREFIX = "realtime.openai.redis";

    /**
     * Describes the properties with any password in the URL masked.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "RealtimeRedisProperties{url=" + (url == null ? null : url.replaceFirst("^([A-Za-z0-9+.-]+://)[^@/]*@",
                "$1***@")) + ", keyPrefix=" + keyPrefix + ", timeout=" + timeout + ", failureMode=" + failureMode
                + ", shareRateGate=" + shareRateGate + "}";
    }
}
