package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testing.HostileServer;
import dev.realtimesessions.testing.Memory;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * Every way {@link HostileServer} misbehaves at the transport (stalls, resets, bodies cut short,
 * malformed, compressed or too large, a full pool) ends in the documented outcome: the typed
 * exception (or success), the number of attempts, no hang, and a message a person can act on. Which
 * answers the retry policy retries, and how long it waits, is {@link RetryTest}'s.
 */
@SuppressWarnings("deprecation") // also calls the beta endpoints, which stay supported and tested
class HostileServerTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final RetryPolicy FAST = RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(5));

    private HostileServer server;

    @BeforeEach
    void start() {
        server = HostileServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RealtimeSessions.Builder client() {
        return RealtimeSessions.builder().apiKey(Fixtures.API_KEY).baseUrl(server.baseUrl()).retryPolicy(FAST);
    }

    private void fails(RealtimeSessions.Builder builder, Class<? extends Throwable> type, Consumer<Throwable> more) {
        try (RealtimeSessions sessions = builder.build()) {
            StepVerifier.create(sessions.create(request()))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(type);
                        assertThat(error.getMessage()).doesNotContain(Fixtures.API_KEY).doesNotContain(Fixtures.SECRET);
                        more.accept(error);
                    })
                    .verify(BOUND);
        }
    }

    private ApiResponse<RealtimeSession> succeeds(RealtimeSessions.Builder builder) {
        try (RealtimeSessions sessions = builder.build()) {
            ApiResponse<RealtimeSession> response = sessions.createWithResponse(request()).block(BOUND);
            assertThat(response).isNotNull();
            return response;
        }
    }

    @Test
    void aNormalAnswerSucceedsInOneAttemptAndTheServerRecordsTheRequest() {
        ApiResponse<RealtimeSession> response = succeeds(client());
        assertThat(response.attempts()).isEqualTo(1);
        assertThat(response.value().clientSecret().value()).isEqualTo(Fixtures.SECRET);
        assertThat(server.attempts()).isEqualTo(1);
        HostileServer.Received received = server.received().get(0);
        assertThat(received.uri()).isEqualTo("/v1/realtime/sessions");
        assertThat(received.headers().get("authorization")).isEqualTo("Bearer " + Fixtures.API_KEY);
        assertThat(received.body()).contains("\"model\":\"gpt-realtime\"");
    }

    @Test
    void aDelayedAnswerWithinTheAttemptTimeoutSucceeds() {
        server.otherwise(HostileServer.delay(Duration.ofMillis(300), HostileServer.ok()));
        assertThat(succeeds(client().attemptTimeout(Duration.ofSeconds(5))).attempts()).isEqualTo(1);
    }

    @Test
    void anAnswerSlowerThanTheAttemptTimeoutIsRetriedThenTimesOut() {
        server.otherwise(HostileServer.delay(Duration.ofSeconds(5), HostileServer.ok()));
        fails(client().attemptTimeout(Duration.ofMillis(200)), ApiTimeoutException.class, error -> {
            assertThat(error).hasMessageContaining("attempt 3").hasMessageContaining("attempt timeout of PT0.2S");
            assertThat(error.getSuppressed()).hasSize(2);
        });
        assertThat(server.attempts()).isEqualTo(3);
    }

    @Test
    void anHtmlBadGatewayFromAProxyIsRetriedAndQuotedWhenRetriesRunOut() {
        server.otherwise(HostileServer.htmlBadGateway());
        fails(client(), InternalServerException.class, error -> {
            assertThat(error.getMessage()).contains("HTTP 502").contains("text/html").contains("502 Bad Gateway")
                    .hasSizeLessThan(600);
            assertThat(((ApiException) error).errorType()).isEmpty();
        });
        assertThat(server.attempts()).isEqualTo(3);
    }

    @Test
    void aConnectionResetBeforeAnsweringIsRetriedThenAnApiConnectionException() {
        server.otherwise(HostileServer.reset());
        fails(client(), ApiConnectionException.class, error -> {
            assertThat(error.getMessage()).contains("attempt 3");
            assertThat(error.getSuppressed()).hasSize(2).allMatch(e -> e instanceof ApiConnectionException);
        });
        assertThat(server.attempts()).isEqualTo(3);
    }

    @Test
    void aConnectionResetThenSuccessSucceeds() {
        server.enqueue(HostileServer.reset());
        assertThat(succeeds(client()).attempts()).isEqualTo(2);
    }

    @Test
    void headersThenSilenceEndsAtTheAttemptTimeout() {
        server.otherwise(HostileServer.headersThenStall());
        fails(client().attemptTimeout(Duration.ofMillis(300)), ApiTimeoutException.class, error -> {
            assertThat(error).hasMessageContaining("no complete answer within the attempt timeout of PT0.3S");
            assertThat(error.getSuppressed()).hasSize(2);
        });
        assertThat(server.attempts()).isEqualTo(3);
    }

    @Test
    void aBodyCutOffMidwayByTheAttemptTimeoutReleasesWhatHadArrived() {
        // The first 40 bytes are held (retained, not copied) when the timer cancels the attempt: the
        // leak detector, at PARANOID, fails the class if they are not released.
        server.otherwise(HostileServer.partOfTheBodyThenStall());
        fails(client().attemptTimeout(Duration.ofMillis(300)).retryPolicy(RetryPolicy.none()), ApiTimeoutException.class,
                error -> assertThat(error).hasMessageContaining("no complete answer within the attempt timeout"));
        assertThat(server.attempts()).isEqualTo(1);
    }

    @Test
    void headersThenSilenceEndsAtTheOverallDeadline() {
        server.otherwise(HostileServer.headersThenStall());
        fails(client().timeout(Duration.ofMillis(500)), ApiTimeoutException.class, error ->
                assertThat(error).hasMessageContaining("overall timeout of PT0.5S").hasMessageContaining("raise timeout"));
        assertThat(server.attempts()).isEqualTo(1);
    }

    @Test
    void aBodyShorterThanItsContentLengthThenCloseIsAConnectionError() {
        server.otherwise(HostileServer.truncatedBody());
        fails(client(), ApiConnectionException.class, error -> {
            assertThat(error).hasMessageContaining("closed the connection before the answer was complete");
            assertThat(error.getSuppressed()).hasSize(2);
        });
        assertThat(server.attempts()).isEqualTo(3);
    }

    @Test
    void malformedJsonIsADecodingErrorAndNotRetried() {
        server.otherwise(HostileServer.malformedJson());
        fails(client(), ResponseDecodingException.class, error -> {
            assertThat(error.getMessage()).contains("200").contains("could not be decoded");
            assertThat(((ResponseDecodingException) error).status()).isEqualTo(200);
            assertThat(((ResponseDecodingException) error).requestId()).contains("req_hostile_body");
        });
        assertThat(server.attempts()).isEqualTo(1);
    }

    @Test
    void textThatIsNotJsonIsADecodingErrorAndNotRetried() {
        server.otherwise(HostileServer.notJson());
        fails(client(), ResponseDecodingException.class, error ->
                assertThat(error.getMessage()).contains("could not be decoded"));
        assertThat(server.attempts()).isEqualTo(1);
    }

    @Test
    void anEmptySuccessBodyIsADecodingErrorAndNotRetried() {
        server.otherwise(HostileServer.emptyBody());
        fails(client(), ResponseDecodingException.class, error ->
                assertThat(error.getMessage()).contains("could not be decoded"));
        assertThat(server.attempts()).isEqualTo(1);
    }

    @Test
    void jsonWithoutTheClientSecretIsADecodingError() {
        server.otherwise(HostileServer.json(200, "{\"id\":\"sess_1\",\"object\":\"realtime.session\"}"));
        fails(client(), ResponseDecodingException.class, error -> assertThat(error.getMessage()).contains("client_secret"));
        assertThat(server.attempts()).isEqualTo(1);
    }

    @ParameterizedTest(name = "declared length {0}")
    @ValueSource(booleans = {true, false})
    void a64MiBBodyFailsAtTheCapWithoutBeingBuffered(boolean declareLength) {
        server.otherwise(server.huge(64L << 20, declareLength));
        Consumer<Throwable> tooLarge = error -> {
            assertThat(error.getMessage()).contains("maxResponseBytes (1048576 bytes)").contains("raise maxResponseBytes");
            assertThat(error.getSuppressed()).isEmpty();
        };
        fails(client(), ResponseDecodingException.class, tooLarge); // warms up the failure path
        long producedBefore = server.bodyBytesProduced();
        long allocatedBefore = Memory.allocatedBytesOfAllThreads();
        fails(client(), ResponseDecodingException.class, tooLarge);
        long allocated = Memory.allocatedBytesOfAllThreads() - allocatedBefore;
        assertThat(server.attempts()).as("not retried").isEqualTo(2);
        assertThat(server.bodyBytesProduced() - producedBefore)
                .as("body bytes the server got to send before the client hung up").isLessThan(32L << 20);
        assertThat(allocated).as("heap allocated by all threads during the call; buffering 64 MiB would take more")
                .isLessThan(40L << 20);
    }

    @Test
    void aGzipBombFailsAtTheCapWithoutBeingInflatedWhole() {
        server.otherwise(HostileServer.gzipBomb(64 << 20));
        Consumer<Throwable> tooLarge = error -> {
            assertThat(error.getMessage()).as("refused by the inflater as it passed the cap, not after inflating a read whole")
                    .contains("inflates past maxResponseBytes (1048576 bytes)").contains("raise maxResponseBytes");
            assertThat(error.getSuppressed()).isEmpty();
        };
        fails(client().acceptGzip(true), ResponseDecodingException.class, tooLarge); // warms up the failure path
        long allocatedBefore = Memory.allocatedBytesOfAllThreads();
        fails(client().acceptGzip(true), ResponseDecodingException.class, tooLarge);
        long allocated = Memory.allocatedBytesOfAllThreads() - allocatedBefore;
        assertThat(server.attempts()).as("not retried").isEqualTo(2);
        assertThat(allocated).as("heap allocated by all threads while inflating; inflating 64 MiB would take more")
                .isLessThan(40L << 20);
    }

    @ParameterizedTest(name = "declared length {0}")
    @ValueSource(booleans = {true, false})
    void anOversizedErrorPageKeepsItsStatusAndRequestId(boolean declareLength) {
        String page = "<html>" + "x".repeat(4096) + "</html>";
        HostileServer.Behaviour big = (request, response) -> {
            response.status(502).header("content-type", "text/html").header("x-request-id", "req_big");
            if (!declareLength) {
                return response.send(Flux.just(page, page).map(piece -> Unpooled
                        .wrappedBuffer(piece.getBytes(java.nio.charset.StandardCharsets.UTF_8))), piece -> true).then();
            }
            return response.sendString(Mono.just(page + page)).then();
        };
        server.otherwise(big);
        fails(client().maxResponseBytes(4096), ResponseDecodingException.class, error -> {
            assertThat(((ResponseDecodingException) error).status()).isEqualTo(502);
            assertThat(((ResponseDecodingException) error).requestId()).contains("req_big");
            assertThat(error.getMessage()).contains("502").contains("maxResponseBytes (4096 bytes)");
        });
    }

    @Test
    void aBodyJustUnderALoweredCapIsAcceptedAndJustOverIsRefused() {
        int length = Fixtures.SESSION_JSON.length();
        assertThat(succeeds(client().maxResponseBytes(length)).attempts()).isEqualTo(1);
        fails(client().maxResponseBytes(length - 1), ResponseDecodingException.class, error ->
                assertThat(error.getMessage()).contains("maxResponseBytes (" + (length - 1) + " bytes)"));
    }

    @Test
    void gzipEncodedJsonIsDecodedWhenAskedFor() {
        server.otherwise(HostileServer.gzip(Fixtures.SESSION_JSON));
        ApiResponse<RealtimeSession> response = succeeds(client().acceptGzip(true));
        assertThat(response.value().clientSecret().value()).isEqualTo(Fixtures.SECRET);
        assertThat(server.received().get(0).headers().get("accept-encoding")).contains("gzip");
    }

    @Test
    void byDefaultNoCompressionIsAskedFor() {
        succeeds(client());
        assertThat(server.received().get(0).headers().contains("accept-encoding")).isFalse();
    }

    @Test
    void aCompressedAnswerNotAskedForIsRefusedNamingTheSettingAndNotRetried() {
        server.otherwise(HostileServer.gzipBomb(64 << 20));
        fails(client(), ResponseDecodingException.class, error -> {
            assertThat(error.getMessage()).contains("gzip-encoded").contains("acceptGzip(true)");
            assertThat(((ResponseDecodingException) error).status()).isEqualTo(200);
        });
        assertThat(server.attempts()).isEqualTo(1);
    }

    @Test
    void anIdentityEncodedAnswerIsReadAsItIs() {
        server.otherwise((request, response) -> response.status(200).header("content-type", "application/json")
                .header("content-encoding", "identity").sendString(Mono.just(Fixtures.SESSION_JSON)).then());
        assertThat(succeeds(client()).value().clientSecret().value()).isEqualTo(Fixtures.SECRET);
    }

    @Test
    void aCorruptGzipBodyIsADecodingErrorAndNotRetried() {
        server.otherwise((request, response) -> response.status(200).header("content-type", "application/json")
                .header("content-encoding", "gzip").sendString(Mono.just("this is not gzip at all"))
                .then());
        fails(client().acceptGzip(true), ResponseDecodingException.class, error ->
                assertThat(error.getMessage()).contains("could not be inflated"));
        assertThat(server.attempts()).isEqualTo(1);
    }

    @Test
    void aFullPoolWaitQueueRefusesTheExtraCallAtOnceWithoutRetrying() throws Exception {
        Sinks.Empty<Void> release = Sinks.empty();
        server.otherwise(HostileServer.holdUntil(release.asMono(), HostileServer.ok()));
        try (RealtimeSessions sessions = client().maxConnections(1).maxPendingAcquires(1).build()) {
            List<Object> outcomes = new CopyOnWriteArrayList<>();
            sessions.create(request()).subscribe(outcomes::add, outcomes::add);
            long end = System.nanoTime() + BOUND.toNanos();
            while (server.inFlight() < 1 && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            sessions.create(request()).subscribe(outcomes::add, outcomes::add);
            StepVerifier.create(sessions.create(request()))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ApiConnectionException.class)
                            .hasMessageContaining("wait queue is full")
                            .hasMessageContaining("maxPendingAcquires 1 waiting for 1 maxConnections"))
                    .verify(BOUND);
            release.tryEmitEmpty();
            while (outcomes.size() < 2 && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            assertThat(outcomes).hasSize(2).allMatch(outcome -> outcome instanceof RealtimeSession);
        }
        assertThat(server.attempts()).as("the refused call sent nothing").isEqualTo(2);
    }

    @Test
    void chunkedJsonInTinyPiecesIsDecoded() {
        server.otherwise(HostileServer.chunked(Fixtures.SESSION_JSON, 7, Duration.ofMillis(2)));
        assertThat(succeeds(client()).value().clientSecret().value()).isEqualTo(Fixtures.SECRET);
    }

    @Test
    void unknownFieldsAndEnumValuesAreAccepted() {
        server.otherwise(HostileServer.json(200, "{\"id\":\"sess_9\",\"object\":\"realtime.session\","
                + "\"model\":\"gpt-realtime-2031\",\"voice\":\"nebula\",\"modalities\":[\"audio\",\"smell\"],"
                + "\"brand_new\":{\"nested\":[1,2,{\"x\":null}]},"
                + "\"client_secret\":{\"value\":\"" + Fixtures.SECRET + "\",\"expires_at\":1756310470,\"extra\":true}}"));
        RealtimeSession session = succeeds(client()).value();
        assertThat(session.voice().value()).isEqualTo("nebula");
        assertThat(session.voice().isKnown()).isFalse();
        assertThat(session.additionalProperties()).containsKey("brand_new");
        assertThat(session.clientSecret().value()).isEqualTo(Fixtures.SECRET);
    }
}
