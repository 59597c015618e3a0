package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Proves BlockHound is active for the suite: every other test's event-loop work is checked by it. */
class BlockHoundTest {

    @Test
    void blockingOnAReactorThreadIsDetected() {
        StepVerifier.create(Mono.delay(Duration.ofMillis(1)).doOnNext(tick -> {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(BlockingOperationError.class))
                .verify(Duration.ofSeconds(5));
    }
}
