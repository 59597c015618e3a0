package dev.realtimesessions.redis.boot;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;

/**
 * The Lettuce client the auto-configuration makes for {@code realtime.openai.redis.url}, shut down
 * with the application context. Not a {@code RedisClient} bean, so that it never meets the
 * application's own. Commands fail at once while it is disconnected, so that a Redis outage turns
 * into fallback decisions at once instead of after the timeout.
 */
final class OwnedRedisClient implements DisposableBean {

    private final RedisClient client = RedisClient.create();

    OwnedRedisClient() {
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
    }

    RedisClient client() {
        return client;
    }

    @Override
    public void destroy() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
