package dev.realtimesessions.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.AuthenticationException;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.adapter.testing.Upstream;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.testsupport.StallingServer;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.observers.TestObserver;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RealtimeSessionsRxTest {

    @Test
    void aSingleSucceedsWithTheMintedSecret() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = RealtimeSessions.builder().apiKey(LocalRealtimeEndpoint.API_KEY)
                     .baseUrl(endpoint.baseUrl()).build()) {
            TestObserver<String> observer = RealtimeSessionsRx.of(sessions).createClientSecret(Upstream.request())
                    .map(secret -> secret.value()).test();
            assertThat(observer.await(10, TimeUnit.SECONDS)).isTrue();
            observer.assertComplete().assertValue(value -> value.startsWith("ek_local_"));
        }
    }

    @Test
    void aFailureArrivesAsTheTypedError() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = RealtimeSessions.builder().apiKey("sk-wrong-key")
                     .baseUrl(endpoint.baseUrl()).build()) {
            TestObserver<?> observer = RealtimeSessionsRx.of(sessions)
                    .createClientSecret(Upstream.request(), RequestOptions.none()).test();
            assertThat(observer.await(10, TimeUnit.SECONDS)).isTrue();
            observer.assertError(AuthenticationException.class);
        }
    }

    @Test
    void disposingAbortsTheHttpExchange() throws Exception {
        try (StallingServer server = new StallingServer(); RealtimeSessions sessions = Upstream.client(server)) {
            Disposable call = RealtimeSessionsRx.of(sessions).createClientSecret(Upstream.request())
                    .subscribe(secret -> { }, error -> { });
            assertThat(server.awaitFirstRequest(10)).as("the request reached the server").isTrue();
            call.dispose();
            assertThat(server.awaitClientClose(10)).as("the client closed the connection").isTrue();
        }
    }
}
