/**
 * Spring Boot 4 auto-configuration: a {@link dev.realtimesessions.redis.RedisTokenQuota} from
 * {@code realtime.openai.redis.*} ({@link dev.realtimesessions.redis.boot.RealtimeRedisProperties})
 * and {@code realtime.openai.endpoint.guardrails.quota.*}, which the reactor adapter's token endpoint
 * then uses in place of its in-memory quota. Active only when Spring Boot and Lettuce are on the
 * class path.
 */
@NullMarked
package dev.realtimesessions.redis.boot;

import org.jspecify.annotations.NullMarked;
