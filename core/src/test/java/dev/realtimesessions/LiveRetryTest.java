package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.LiveForkRequest;
import dev.realtimesessions.model.LiveModel;
import dev.realtimesessions.model.LiveSessionConfig;
import dev.realtimesessions.model.LiveSessionCreateRequest;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testing.Fixtures.MockOpenAi;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

/**
 * Which failures each GPT-Live operation retries, as for the Realtime calls. Creating and forking
 * start a new, billed session, a second accept could start a second session on the line, and a
 * refer sent twice could transfer a call twice: those are retried only when the server cannot have
 * processed the request. Rejecting and hanging up change nothing when repeated: those retry every
 * retryable failure, as the token endpoints do.
 */
class LiveRetryTest {

    @AutoClose
    private final MockOpenAi openAi = new MockOpenAi(builder -> builder.retryPolicy(
            RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(5))));

    /** An operation, the status of its success, and whether it may be sent again after a 5xx. */
    record Operation(String name, int okStatus, String okBody, boolean idempotent,
            Function<RealtimeSessions, Mono<?>> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> operations() {
        return Stream.of(
                new Operation("create", 201, LiveSessionsTest.CREATED, false, client -> client.createLiveSession(
                        LiveSessionCreateRequest.of(LiveSessionConfig.of(LiveModel.GPT_LIVE_1), LiveSessionsTest.OFFER))),
                new Operation("fork", 201, LiveSessionsTest.CREATED, false,
                        client -> client.forkLiveSession("live_1", LiveForkRequest.of(LiveSessionsTest.OFFER))),
                new Operation("refer", 200, "", false, client -> client.referLiveSession("live_1", "tel:+14155550123")),
                new Operation("accept", 200, "", false,
                        client -> client.acceptLiveSession("live_1", LiveSessionConfig.of(LiveModel.GPT_LIVE_1))),
                new Operation("reject", 200, "", true, client -> client.rejectLiveSession("live_1", 603)),
                new Operation("hangup", 200, "", true, client -> client.hangupLiveSession("live_1")))
                .map(Arguments::of);
    }

    private Throwable failureOf(Operation operation) {
        return Fixtures.failure(operation.call().apply(openAi.client));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void aServerErrorIsRetriedOnlyByTheOperationsThatCannotActTwice(Operation operation) {
        openAi.server.enqueue(Fixtures.status(500).build());
        openAi.answer(operation.okStatus(), operation.okBody());

        if (operation.idempotent()) {
            openAi.await(operation.call().apply(openAi.client).then());
            assertThat(openAi.server.getRequestCount()).isEqualTo(2);
        } else {
            assertThat(failureOf(operation)).isInstanceOf(InternalServerException.class);
            assertThat(openAi.server.getRequestCount()).as("sent once").isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void aRateLimitIsRetriedOnlyByTheOperationsThatCannotActTwice(Operation operation) {
        openAi.server.enqueue(new MockResponse.Builder(Fixtures.status(429).build()).addHeader("retry-after-ms", "1")
                .build());
        openAi.answer(operation.okStatus(), operation.okBody());

        if (operation.idempotent()) {
            openAi.await(operation.call().apply(openAi.client).then());
            assertThat(openAi.server.getRequestCount()).isEqualTo(2);
        } else {
            assertThat(failureOf(operation)).isInstanceOf(RateLimitException.class);
            assertThat(openAi.server.getRequestCount()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void everyOperationRetriesWhatTheServerSaysItDidNotProcess(Operation operation) {
        openAi.server.enqueue(new MockResponse.Builder(Fixtures.status(503).build()).addHeader("x-should-retry", "true")
                .build());
        openAi.answer(operation.okStatus(), operation.okBody());

        openAi.await(operation.call().apply(openAi.client).then());

        assertThat(openAi.server.getRequestCount()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void aConnectionLostAfterSendingIsRetriedOnlyByTheOperationsThatCannotActTwice(Operation operation) {
        openAi.server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        openAi.answer(operation.okStatus(), operation.okBody());

        if (operation.idempotent()) {
            openAi.await(operation.call().apply(openAi.client).then());
            assertThat(openAi.server.getRequestCount()).isEqualTo(2);
        } else {
            assertThat(failureOf(operation)).isInstanceOf(ApiConnectionException.class);
            assertThat(openAi.server.getRequestCount()).isEqualTo(1);
        }
    }
}
