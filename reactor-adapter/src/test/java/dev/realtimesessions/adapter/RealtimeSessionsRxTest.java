package dev.realtimesessions.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimesessions.ApiResponse;
import dev.realtimesessions.AuthenticationException;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.ValidationException;
import dev.realtimesessions.adapter.testing.Upstream;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.TranscriptionSession;
import dev.realtimesessions.testsupport.StallingServer;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.observers.TestObserver;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class RealtimeSessionsRxTest {

    @Test
    void aSingleSucceedsWithTheMintedSecret() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, LocalRealtimeEndpoint.API_KEY)) {
            TestObserver<String> observer = RealtimeSessionsRx.of(sessions).createClientSecret(Upstream.request())
                    .map(secret -> secret.value()).test();
            assertThat(observer.await(10, TimeUnit.SECONDS)).isTrue();
            observer.assertComplete().assertValue(value -> value.startsWith("ek_local_"));
        }
    }

    @Test
    void aFailureArrivesAsTheTypedError() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, "sk-wrong-key")) {
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

    @Test
    void eachSubscriptionIsANewCall() {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, LocalRealtimeEndpoint.API_KEY)) {
            Single<ClientSecretCreateResponse> single = RealtimeSessionsRx.of(sessions)
                    .createClientSecret(Upstream.request());
            assertThat(single.blockingGet().value()).isNotEqualTo(single.blockingGet().value());
        }
    }

    @Test
    void theResponseVariantsCarryTheResponseDetails() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, LocalRealtimeEndpoint.API_KEY)) {
            TestObserver<ApiResponse<ClientSecretCreateResponse>> observer = RealtimeSessionsRx.of(sessions)
                    .createClientSecretWithResponse(Upstream.request()).test();
            assertThat(observer.await(10, TimeUnit.SECONDS)).isTrue();
            observer.assertComplete().assertValue(response -> response.status() == 200
                    && response.requestId().orElse("").startsWith("req_local_")
                    && response.value().value().startsWith("ek_local_"));
        }
    }

    @Test
    void theOptionsOfACallApply() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, "sk-wrong-key")) {
            RealtimeSessionsRx rx = RealtimeSessionsRx.of(sessions);
            TestObserver<String> secret = rx.createClientSecret(Upstream.request(), Upstream.withLocalKey())
                    .map(ClientSecretCreateResponse::value).test();
            TestObserver<String> withResponse = rx
                    .createClientSecretWithResponse(Upstream.request(), Upstream.withLocalKey())
                    .map(response -> response.value().value()).test();
            assertThat(secret.await(10, TimeUnit.SECONDS) && withResponse.await(10, TimeUnit.SECONDS)).isTrue();
            secret.assertValue(value -> value.startsWith("ek_local_"));
            withResponse.assertValue(value -> value.startsWith("ek_local_"));
        }
    }

    @Test
    void adaptTurnsACallWithoutAMethodHereIntoASingle() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, LocalRealtimeEndpoint.API_KEY)) {
            TestObserver<ApiResponse<TranscriptionSession>> observer = RealtimeSessionsRx.of(sessions)
                    .adapt(Upstream.callWithoutFacadeMethod(sessions)).test();
            assertThat(observer.await(10, TimeUnit.SECONDS)).isTrue();
            observer.assertComplete().assertValue(response -> response.status() == 200
                    && response.value().id().startsWith("sess_local_"));
        }
    }

    @Test
    void anAdaptedCallFailsWithTheTypedError() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, "sk-wrong-key")) {
            TestObserver<?> observer = RealtimeSessionsRx.of(sessions)
                    .adapt(Upstream.callWithoutFacadeMethod(sessions)).test();
            assertThat(observer.await(10, TimeUnit.SECONDS)).isTrue();
            observer.assertError(AuthenticationException.class);
        }
    }

    @Test
    void anEmptyMonoFailsTheSingle() throws Exception {
        try (RealtimeSessions sessions = RealtimeSessions.builder().apiKey(Upstream.MOCK_API_KEY).build()) {
            TestObserver<Object> observer = RealtimeSessionsRx.of(sessions).adapt(Mono.empty()).test();
            assertThat(observer.await(10, TimeUnit.SECONDS)).isTrue();
            observer.assertError(NoSuchElementException.class);
        }
    }

    @Test
    void disposingAnAdaptedCallAbortsTheHttpExchange() throws Exception {
        try (StallingServer server = new StallingServer(); RealtimeSessions sessions = Upstream.client(server)) {
            Disposable call = RealtimeSessionsRx.of(sessions).adapt(Upstream.callWithoutFacadeMethod(sessions))
                    .subscribe(response -> { }, error -> { });
            assertThat(server.awaitFirstRequest(10)).as("the request reached the server").isTrue();
            call.dispose();
            assertThat(server.awaitClientClose(10)).as("the client closed the connection").isTrue();
        }
    }

    @Test
    void aNullArgumentIsAValidationErrorNotANullPointerException() {
        assertThatThrownBy(() -> RealtimeSessionsRx.of(null)).isInstanceOf(ValidationException.class)
                .hasMessage("sessions must not be null");
        try (RealtimeSessions sessions = RealtimeSessions.builder().apiKey(Upstream.MOCK_API_KEY).build()) {
            assertThatThrownBy(() -> RealtimeSessionsRx.of(sessions).adapt(null))
                    .isInstanceOf(ValidationException.class).hasMessage("call must not be null");
        }
    }
}
