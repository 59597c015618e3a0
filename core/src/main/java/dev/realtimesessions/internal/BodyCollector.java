package dev.realtimesessions.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Collects a response body as Netty delivers it, without copying: each chunk is retained (a body in
 * one chunk, the usual case, is that chunk; more are joined in a composite buffer), and the
 * {@link RawResponse} it yields owns them. It refuses to hold more than the cap: an oversized body
 * fails as soon as the cap is passed, without being buffered whole. What it holds is released on
 * every path that does not hand it on: the cap, an upstream error, a cancellation.
 */
final class BodyCollector extends Mono<RawResponse> {

    private final Flux<ByteBuf> content;
    private final int maxBytes;
    private final int status;
    private final HttpHeaders headers;

    BodyCollector(Flux<ByteBuf> content, int maxBytes, int status, HttpHeaders headers) {
        this.content = content;
        this.maxBytes = maxBytes;
        this.status = status;
        this.headers = headers;
    }

    @Override
    public void subscribe(CoreSubscriber<? super RawResponse> actual) {
        content.subscribe(new Collecting(actual, this));
    }

    /**
     * The failure of a body past {@code maxBytes}; with {@code inflating}, the cap was passed while
     * inflating a compressed body.
     */
    static TransportException tooLarge(int maxBytes, int status, HttpHeaders headers, boolean inflating) {
        return new TransportException(TransportException.Kind.BODY_TOO_LARGE, "the HTTP " + status + " answer's body "
                + (inflating ? "inflates past" : "is larger than") + " maxResponseBytes (" + maxBytes + " bytes)", null,
                status, RawResponse.requestId(headers));
    }

    /**
     * The collecting subscriber. Chunks arrive on the connection's event loop; a cancellation may
     * come from any thread, so what is held is only touched under the subscriber's lock, and
     * whoever ends the collection first (the last chunk, the cap, an error, a cancellation) is the
     * one who hands the body on or releases it.
     */
    private static final class Collecting implements CoreSubscriber<ByteBuf>, Subscription {

        private final CoreSubscriber<? super RawResponse> actual;
        private final BodyCollector spec;
        private @Nullable Subscription upstream;
        /** Null until the first chunk, then that chunk or a composite of all of them. */
        private @Nullable ByteBuf body;
        private boolean done;

        Collecting(CoreSubscriber<? super RawResponse> actual, BodyCollector spec) {
            this.actual = actual;
            this.spec = spec;
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription s) {
            if (Operators.validate(upstream, s)) {
                upstream = s;
                actual.onSubscribe(this);
            }
        }

        @Override
        public void request(long n) {
            Subscription s = upstream;
            if (s != null && Operators.validate(n)) {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(ByteBuf chunk) {
            boolean overCap;
            synchronized (this) {
                if (done) {
                    return;
                }
                int held = body == null ? 0 : body.readableBytes();
                overCap = (long) held + chunk.readableBytes() > spec.maxBytes;
                if (overCap) {
                    done = true;
                    releaseHeld();
                } else {
                    add(chunk);
                }
            }
            if (overCap) {
                Subscription s = upstream;
                if (s != null) {
                    s.cancel();
                }
                actual.onError(tooLarge(spec.maxBytes, spec.status, spec.headers, false));
            }
        }

        /** Holds {@code chunk} (retained: the chunk is the connection's, released after this returns). */
        private void add(ByteBuf chunk) {
            ByteBuf held = body;
            if (held == null) {
                body = chunk.retain();
            } else if (held instanceof CompositeByteBuf composite) {
                composite.addComponent(true, chunk.retain());
            } else {
                CompositeByteBuf composite = ByteBufAllocator.DEFAULT.compositeBuffer();
                composite.addComponent(true, held);
                composite.addComponent(true, chunk.retain());
                body = composite;
            }
        }

        @Override
        public void onError(Throwable error) {
            synchronized (this) {
                if (done) {
                    Operators.onErrorDropped(error, actual.currentContext());
                    return;
                }
                done = true;
                releaseHeld();
            }
            boolean inflatedPastCap = error instanceof DecompressionException
                    && String.valueOf(error.getMessage()).contains("maximum size");
            actual.onError(inflatedPastCap ? tooLarge(spec.maxBytes, spec.status, spec.headers, true) : error);
        }

        @Override
        public void onComplete() {
            ByteBuf complete;
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
                complete = body == null ? Unpooled.EMPTY_BUFFER : body;
                body = null;
            }
            actual.onNext(new RawResponse(spec.status, spec.headers, complete));
            actual.onComplete();
        }

        @Override
        public void cancel() {
            synchronized (this) {
                if (!done) {
                    done = true;
                    releaseHeld();
                }
            }
            Subscription s = upstream;
            if (s != null) {
                s.cancel();
            }
        }

        private void releaseHeld() {
            ByteBuf held = body;
            body = null;
            if (held != null) {
                held.release();
            }
        }
    }
}
