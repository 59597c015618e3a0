package dev.realtimesessions.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.AuthenticationException;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.adapter.testing.Upstream;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.testsupport.StallingServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RealtimeSessionsFlowTest {

    /** Requests one value and records what arrives. */
    static final class Recorder<T> implements Flow.Subscriber<T> {
        final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
        final CompletableFuture<T> value = new CompletableFuture<>();

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription.complete(s);
            s.request(1);
        }

        @Override
        public void onNext(T item) {
            value.complete(item);
        }

        @Override
        public void onError(Throwable throwable) {
            value.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            value.complete(null);
        }
    }

    @Test
    void aPublisherEmitsTheMintedSecret() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = RealtimeSessions.builder().apiKey(LocalRealtimeEndpoint.API_KEY)
                     .baseUrl(endpoint.baseUrl()).build()) {
            Recorder<ClientSecretCreateResponse> recorder = new Recorder<>();
            RealtimeSessionsFlow.of(sessions).createClientSecret(Upstream.request()).subscribe(recorder);
            assertThat(recorder.value.get(10, TimeUnit.SECONDS).value()).startsWith("ek_local_");
        }
    }

    @Test
    void aFailureArrivesAsTheTypedError() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = RealtimeSessions.builder().apiKey("sk-wrong-key")
                     .baseUrl(endpoint.baseUrl()).build()) {
            Recorder<ClientSecretCreateResponse> recorder = new Recorder<>();
            RealtimeSessionsFlow.of(sessions).createClientSecret(Upstream.request(), RequestOptions.none())
                    .subscribe(recorder);
            assertThat(recorder.value).failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(Exception.class)
                    .havingCause().isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void cancellingTheSubscriptionAbortsTheHttpExchange() throws Exception {
        try (StallingServer server = new StallingServer(); RealtimeSessions sessions = Upstream.client(server)) {
            Recorder<ClientSecretCreateResponse> recorder = new Recorder<>();
            RealtimeSessionsFlow.of(sessions).createClientSecret(Upstream.request()).subscribe(recorder);
            assertThat(server.awaitFirstRequest(10)).as("the request reached the server").isTrue();
            recorder.subscription.get(10, TimeUnit.SECONDS).cancel();
            assertThat(server.awaitClientClose(10)).as("the client closed the connection").isTrue();
            assertThat(recorder.value).isNotDone();
        }
    }
}
