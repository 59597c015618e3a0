package dev.realtimesessions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The body collector holds Netty's buffers instead of copying them: every path that does not hand
 * the body on (cancellation, an upstream error, the cap) releases what it held, and the answer it
 * hands on owns the chunks. Chunks are pooled direct buffers, released by the "connection" after
 * each is delivered, as Reactor Netty does; each test checks reference counts.
 */
class BodyCollectorTest {

    private static final HttpHeaders HEADERS = new DefaultHttpHeaders().add("x-request-id", "req_1");

    private final List<ByteBuf> chunks = new ArrayList<>();

    @AfterEach
    void everyChunkIsReleased() {
        assertThat(chunks).as("every chunk's last reference released").allMatch(chunk -> chunk.refCnt() == 0);
    }

    private ByteBuf chunk(String text) {
        ByteBuf chunk = PooledByteBufAllocator.DEFAULT.directBuffer();
        chunk.writeCharSequence(text, StandardCharsets.UTF_8);
        chunks.add(chunk);
        return chunk;
    }

    /** The connection's side: delivers each chunk, then releases it, as Reactor Netty's receive does. */
    private static final class Connection extends Flux<ByteBuf> implements Subscription {
        private @Nullable CoreSubscriber<? super ByteBuf> subscriber;
        private volatile boolean cancelled;

        @Override
        public void subscribe(CoreSubscriber<? super ByteBuf> actual) {
            subscriber = actual;
            actual.onSubscribe(this);
        }

        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        void deliver(ByteBuf chunk) {
            try {
                if (!cancelled) {
                    subscriber.onNext(chunk);
                }
            } finally {
                chunk.release();
            }
        }

        void fail(Throwable error) {
            subscriber.onError(error);
        }

        void complete() {
            subscriber.onComplete();
        }
    }

    @Test
    void aBodyInOneChunkIsThatChunkUncopied() {
        Connection connection = new Connection();
        ByteBuf only = chunk("{\"value\":\"ek_1\"}");
        StepVerifier.create(new BodyCollector(connection, 1024, 200, HEADERS))
                .then(() -> {
                    connection.deliver(only);
                    connection.complete();
                })
                .assertNext(response -> {
                    try {
                        assertThat(response.status()).isEqualTo(200);
                        assertThat(response.text(1024)).isEqualTo("{\"value\":\"ek_1\"}");
                        assertThat(response.body()).as("the chunk itself, held").isSameAs(only);
                    } finally {
                        response.release();
                    }
                })
                .verifyComplete();
    }

    @Test
    void aBodyInSeveralChunksIsHeldWholeAndReleasedWithTheAnswer() {
        Connection connection = new Connection();
        StepVerifier.create(new BodyCollector(connection, 1024, 200, HEADERS))
                .then(() -> {
                    connection.deliver(chunk("{\"value\":"));
                    connection.deliver(chunk("\"ek_"));
                    connection.deliver(chunk("1\"}"));
                    connection.complete();
                })
                .assertNext(response -> {
                    try {
                        assertThat(response.length()).isEqualTo(16);
                        String value = Json.read(response.body(), () -> "test", in -> {
                            String text = null;
                            for (String name = in.nextField(); name != null; name = in.nextField()) {
                                text = in.text();
                            }
                            return text;
                        });
                        assertThat(value).isEqualTo("ek_1");
                        assertThat(response.length()).as("reading leaves the body as it was").isEqualTo(16);
                    } finally {
                        response.release();
                    }
                })
                .verifyComplete();
    }

    @Test
    void anEmptyBodyIsAnEmptyAnswer() {
        StepVerifier.create(new BodyCollector(Flux.empty(), 1024, 204, HEADERS))
                .assertNext(response -> assertThat(response.length()).isZero())
                .verifyComplete();
    }

    @Test
    void aCancellationMidwayReleasesWhatArrived() {
        Connection connection = new Connection();
        Disposable collecting = new BodyCollector(connection, 1024, 200, HEADERS).subscribe();
        connection.deliver(chunk("{\"value\":"));
        connection.deliver(chunk("\"ek_"));
        collecting.dispose();
        assertThat(connection.cancelled).as("the cancellation reached the connection").isTrue();
    }

    @Test
    void anErrorMidwayReleasesWhatArrivedAndPassesTheErrorOn() {
        Connection connection = new Connection();
        IOException reset = new IOException("connection reset");
        StepVerifier.create(new BodyCollector(connection, 1024, 200, HEADERS))
                .then(() -> {
                    connection.deliver(chunk("{\"value\":"));
                    connection.fail(reset);
                })
                .expectErrorMatches(error -> error == reset)
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void passingTheCapReleasesWhatArrivedAndStopsReading() {
        Connection connection = new Connection();
        StepVerifier.create(new BodyCollector(connection, 12, 502, HEADERS))
                .then(() -> {
                    connection.deliver(chunk("<html>"));
                    connection.deliver(chunk("0123456789"));
                })
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(TransportException.class)
                            .hasMessageContaining("HTTP 502 answer's body is larger than maxResponseBytes (12 bytes)");
                    assertThat(((TransportException) error).requestId()).isEqualTo("req_1");
                })
                .verify(Duration.ofSeconds(10));
        assertThat(connection.cancelled).as("no more reading").isTrue();
    }
}
