package dev.realtimesessions.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.testsupport.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.test.StepVerifier;

/**
 * Proves BlockHound is active for the suite and watches Lettuce's event loops, where a quota's
 * decision is delivered: every other test's work there is checked by it.
 */
class BlockHoundTest {

    @Test
    void blockingWhereADecisionArrivesIsDetected() throws Exception {
        RedisClient client = RedisClient.create();
        try (RedisServer redis = RedisServer.start();
             RedisTokenQuota quota = RedisTokenQuota.builder(client, RedisURI.create(redis.url()))
                     .limit(1, Duration.ofMinutes(1)).timeout(Duration.ofSeconds(10)).build()) {
            StepVerifier.create(quota.tryAcquire("alice").doOnNext(decision -> {
                        assertThat(Thread.currentThread().getName()).as("delivered on Lettuce's event loop")
                                .containsIgnoringCase("eventloop");
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(BlockingOperationError.class))
                    .verify(Duration.ofSeconds(10));
        } finally {
            client.shutdown();
        }
    }
}
