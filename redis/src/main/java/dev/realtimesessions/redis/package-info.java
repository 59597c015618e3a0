/**
 * State shared between the replicas of an application through Redis, on Lettuce's reactive API:
 * {@link dev.realtimesessions.redis.RedisTokenQuota}, the token endpoint's per-user quota counted in
 * Redis so that N replicas grant a user the quota once, not N times. Nothing here blocks; when Redis
 * is slow or down, each decision falls back as {@link dev.realtimesessions.redis.RedisFailureMode}
 * says, within a short timeout.
 */
@NullMarked
package dev.realtimesessions.redis;

import org.jspecify.annotations.NullMarked;
