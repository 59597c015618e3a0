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
             RealtimeSessions sessions = Upstream.client(endpoint, LocalRealtimeEndpoint.API_KEY)) {
            Recorder<ClientSecretCreateResponse> recorder = new Recorder<>();
            RealtimeSessionsFlow.of(sessions).createClientSecret(Upstream.request()).subscribe(recorder);
            assertThat(recorder.value.get(10, TimeUnit.SECONDS).value()).startsWith("ek_local_");
        }
    }

    @Test
    void aFailureArrivesAsTheTypedError() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, "sk-wrong-key")) {
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

    /** Subscribes a new recorder to {@code publisher} and returns its value. */
    private static <T> T first(Flow.Publisher<T> publisher) throws Exception {
        Recorder<T> recorder = new Recorder<>();
        publisher.subscribe(recorder);
        return recorder.value.get(10, TimeUnit.SECONDS);
    }

    @Test
    void eachSubscriptionIsANewCall() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, LocalRealtimeEndpoint.API_KEY)) {
            Flow.Publisher<ClientSecretCreateResponse> publisher = RealtimeSessionsFlow.of(sessions)
                    .createClientSecret(Upstream.request());
            assertThat(first(publisher).value()).isNotEqualTo(first(publisher).value());
        }
    }

    @Test
    void theResponseVariantsCarryTheResponseDetails() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, LocalRealtimeEndpoint.API_KEY)) {
            ApiResponse<ClientSecretCreateResponse> response = first(RealtimeSessionsFlow.of(sessions)
                    .createClientSecretWithResponse(Upstream.request()));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("req_local_"));
            assertThat(response.value().value()).startsWith("ek_local_");
        }
    }

    @Test
    void theOptionsOfACallApply() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, "sk-wrong-key")) {
            RealtimeSessionsFlow flow = RealtimeSessionsFlow.of(sessions);
            assertThat(first(flow.createClientSecret(Upstream.request(), Upstream.withLocalKey())).value())
                    .as("minted with the options' key").startsWith("ek_local_");
            assertThat(first(flow.createClientSecretWithResponse(Upstream.request(), Upstream.withLocalKey()))
                    .value().value()).startsWith("ek_local_");
        }
    }

    @Test
    void adaptTurnsACallWithoutAMethodHereIntoAPublisher() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, LocalRealtimeEndpoint.API_KEY)) {
            ApiResponse<TranscriptionSession> response = first(RealtimeSessionsFlow.of(sessions)
                    .adapt(Upstream.callWithoutFacadeMethod(sessions)));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.value().id()).startsWith("sess_local_");
        }
    }

    @Test
    void anAdaptedCallFailsWithTheTypedError() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, "sk-wrong-key")) {
            Recorder<ApiResponse<TranscriptionSession>> recorder = new Recorder<>();
            RealtimeSessionsFlow.of(sessions).adapt(Upstream.callWithoutFacadeMethod(sessions)).subscribe(recorder);
            assertThat(recorder.value).failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(Exception.class)
                    .havingCause().isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void cancellingAnAdaptedCallAbortsTheHttpExchange() throws Exception {
        try (StallingServer server = new StallingServer(); RealtimeSessions sessions = Upstream.client(server)) {
            Recorder<ApiResponse<TranscriptionSession>> recorder = new Recorder<>();
            RealtimeSessionsFlow.of(sessions).adapt(Upstream.callWithoutFacadeMethod(sessions)).subscribe(recorder);
            assertThat(server.awaitFirstRequest(10)).as("the request reached the server").isTrue();
            recorder.subscription.get(10, TimeUnit.SECONDS).cancel();
            assertThat(server.awaitClientClose(10)).as("the client closed the connection").isTrue();
            assertThat(recorder.value).isNotDone();
        }
    }

    @Test
    void aNullArgumentIsAValidationErrorNotANullPointerException() {
        assertThatThrownBy(() -> RealtimeSessionsFlow.of(null)).isInstanceOf(ValidationException.class)
                .hasMessage("sessions must not be null");
        try (RealtimeSessions sessions = RealtimeSessions.builder().apiKey(Upstream.MOCK_API_KEY).build()) {
            assertThatThrownBy(() -> RealtimeSessionsFlow.of(sessions).adapt(null))
                    .isInstanceOf(ValidationException.class).hasMessage("call must not be null");
        }
    }
}
