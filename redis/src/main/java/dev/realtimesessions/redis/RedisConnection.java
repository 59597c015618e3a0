package dev.realtimesessions.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.StringCodec;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Where a {@link RedisTokenQuota} or a {@link RedisSharedRateGate} sends its commands: a connection
 * the application gave (used, never closed), or one it opens itself through the application's
 * {@link RedisClient}.
 *
 * <p>Lettuce takes a lock when it writes a command (and when it sets a connection up), which a
 * writer waits for when another holds it. So that no caller's event loop ever waits there, every
 * command is sent from one thread of its own, the dispatcher: the lock is then hardly ever
 * contended, and when Lettuce's own bookkeeping holds it a moment, only the dispatcher waits.
 * Answers arrive on Lettuce's event loop as usual.
 *
 * <p>An own connection starts opening when its owner is built, in the background; if opening it
 * fails, the next use after a pause opens it again. Once open, Lettuce reconnects it by
 * itself after a drop.
 */
abstract sealed class RedisConnection {

    private static final AtomicInteger DISPATCHERS = new AtomicInteger();

    /**
     * One plain daemon thread (not a non-blocking one: Lettuce may make it wait a moment) behind the
     * same kind of queue as Reactor's own schedulers, which callers hand their commands to without
     * waiting.
     */
    private final Scheduler dispatcher = Schedulers.fromExecutorService(new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "realtime-sessions-redis-" + DISPATCHERS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }), "realtime-sessions-redis");

    /** Sends a command from the dispatcher once there is a connection; its answers as Lettuce delivers them. */
    final <T> Flux<T> send(Function<RedisReactiveCommands<String, String>, Flux<T>> command) {
        return Mono.defer(this::commands).flatMapMany(command).subscribeOn(dispatcher);
    }

    /** The commands, once there is a connection to send them on. */
    abstract Mono<RedisReactiveCommands<String, String>> commands();

    /** Starts opening the connection, if this opens its own, without waiting for it. */
    abstract void open();

    /**
     * Closes what this opened (a given connection is left alone) and stops the dispatcher; the
     * future completes once the connection is closed, one still being opened included, so that the
     * client can be shut down after it without a connection outliving it.
     */
    CompletableFuture<Void> close() {
        dispatcher.dispose();
        return CompletableFuture.completedFuture(null);
    }

    static RedisConnection given(StatefulRedisConnection<String, String> connection) {
        return new Given(connection.reactive());
    }

    static RedisConnection opened(RedisClient client, RedisURI uri) {
        return new Opened(client, uri);
    }

    private static final class Given extends RedisConnection {
        private final Mono<RedisReactiveCommands<String, String>> commands;

        Given(RedisReactiveCommands<String, String> commands) {
            this.commands = Mono.just(commands);
        }

        @Override
        Mono<RedisReactiveCommands<String, String>> commands() {
            return commands;
        }

        @Override
        void open() {
        }
    }

    private static final class Opened extends RedisConnection {
        private final RedisClient client;
        private final RedisURI uri;
        private final AtomicReference<@Nullable CompletableFuture<StatefulRedisConnection<String, String>>> current =
                new AtomicReference<>();
        private volatile boolean closed;

        Opened(RedisClient client, RedisURI uri) {
            this.client = client;
            this.uri = uri;
        }

        @Override
        void open() {
            CompletableFuture<StatefulRedisConnection<String, String>> connection = current.get();
            if (connection == null || connection.isCompletedExceptionally()) {
                connect(connection);
            }
        }

        @Override
        Mono<RedisReactiveCommands<String, String>> commands() {
            CompletableFuture<StatefulRedisConnection<String, String>> connection = current.get();
            if (connection == null || connection.isCompletedExceptionally()) {
                connection = connect(connection);
            }
            if (connection.isDone() && !connection.isCompletedExceptionally()) {
                return Mono.just(connection.join().reactive());
            }
            // shared by every caller waiting for it: one caller's timeout must not cancel it for the others
            return Mono.fromFuture(connection, true).map(StatefulRedisConnection::reactive);
        }

        private CompletableFuture<StatefulRedisConnection<String, String>> connect(
                @Nullable CompletableFuture<StatefulRedisConnection<String, String>> failed) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("closed"));
            }
            CompletableFuture<StatefulRedisConnection<String, String>> fresh = new CompletableFuture<>();
            if (!current.compareAndSet(failed, fresh)) {
                CompletableFuture<StatefulRedisConnection<String, String>> other = current.get();
                return other == null ? connect(null) : other;
            }
            try {
                // Lettuce sets a connection up under its lock too: on bounded-elastic, not on anyone's event loop
                Schedulers.boundedElastic().schedule(() -> connectInto(fresh));
            } catch (RuntimeException e) {
                fresh.completeExceptionally(e);
            }
            return fresh;
        }

        private void connectInto(CompletableFuture<StatefulRedisConnection<String, String>> fresh) {
            if (closed) {
                // closed while this waited for its thread: a connection begun now could outlive the client
                fresh.completeExceptionally(new IllegalStateException("closed"));
                return;
            }
            try {
                client.connectAsync(StringCodec.UTF8, uri).whenComplete((connection, error) -> {
                    if (error != null) {
                        fresh.completeExceptionally(error);
                    } else if (closed) {
                        // completed once closed: close() waits for this
                        connection.closeAsync().whenComplete((done, ignored) ->
                                fresh.completeExceptionally(new IllegalStateException("closed")));
                    } else {
                        fresh.complete(connection);
                    }
                });
            } catch (RuntimeException e) {
                fresh.completeExceptionally(e);
            }
        }

        @Override
        CompletableFuture<Void> close() {
            closed = true;
            CompletableFuture<StatefulRedisConnection<String, String>> connection = current.getAndSet(null);
            super.close();
            if (connection == null) {
                return CompletableFuture.completedFuture(null);
            }
            return connection.handle((made, error) -> made)
                    .thenCompose(made -> made == null ? CompletableFuture.<Void>completedFuture(null)
                            : made.closeAsync());
        }
    }
}
