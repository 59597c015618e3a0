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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RealtimeSessionsFuturesTest {

    @Test
    void aFutureCompletesWithTheMintedSecret() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, LocalRealtimeEndpoint.API_KEY)) {
            ClientSecretCreateResponse secret = RealtimeSessionsFutures.of(sessions)
                    .createClientSecret(Upstream.request()).get(10, TimeUnit.SECONDS);
            assertThat(secret.value()).startsWith("ek_local_");
        }
    }

    @Test
    void theResponseVariantsCarryTheResponseDetails() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, LocalRealtimeEndpoint.API_KEY)) {
            ApiResponse<ClientSecretCreateResponse> response = RealtimeSessionsFutures.of(sessions)
                    .createClientSecretWithResponse(Upstream.request()).get(10, TimeUnit.SECONDS);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("req_local_"));
            assertThat(response.value().value()).startsWith("ek_local_");
        }
    }

    @Test
    void theOptionsOfACallApply() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, "sk-wrong-key")) {
            RealtimeSessionsFutures futures = RealtimeSessionsFutures.of(sessions);
            assertThat(futures.createClientSecret(Upstream.request(), Upstream.withLocalKey())
                    .get(10, TimeUnit.SECONDS).value()).as("minted with the options' key").startsWith("ek_local_");
            assertThat(futures.createClientSecretWithResponse(Upstream.request(), Upstream.withLocalKey())
                    .get(10, TimeUnit.SECONDS).value().value()).startsWith("ek_local_");
        }
    }

    @Test
    void aFailedCallCompletesTheFutureWithTheTypedError() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, "sk-wrong-key")) {
            CompletableFuture<ClientSecretCreateResponse> future = RealtimeSessionsFutures.of(sessions)
                    .createClientSecret(Upstream.request(), RequestOptions.none());
            assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void cancellingTheFutureAbortsTheHttpExchange() throws Exception {
        try (StallingServer server = new StallingServer(); RealtimeSessions sessions = Upstream.client(server)) {
            CompletableFuture<ClientSecretCreateResponse> future = RealtimeSessionsFutures.of(sessions)
                    .createClientSecret(Upstream.request());
            assertThat(server.awaitFirstRequest(10)).as("the request reached the server").isTrue();
            assertThat(future.cancel(true)).isTrue();
            assertThat(server.awaitClientClose(10)).as("the client closed the connection").isTrue();
            assertThat(future).isCancelled();
        }
    }

    @Test
    void adaptTurnsACallWithoutAMethodHereIntoAFuture() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, LocalRealtimeEndpoint.API_KEY)) {
            ApiResponse<TranscriptionSession> response = RealtimeSessionsFutures.of(sessions)
                    .adapt(Upstream.callWithoutFacadeMethod(sessions)).get(10, TimeUnit.SECONDS);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.value().id()).startsWith("sess_local_");
        }
    }

    @Test
    void anAdaptedCallFailsWithTheTypedError() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = Upstream.client(endpoint, "sk-wrong-key")) {
            CompletableFuture<?> future = RealtimeSessionsFutures.of(sessions)
                    .adapt(Upstream.callWithoutFacadeMethod(sessions));
            assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void cancellingAnAdaptedFutureAbortsTheHttpExchange() throws Exception {
        try (StallingServer server = new StallingServer(); RealtimeSessions sessions = Upstream.client(server)) {
            CompletableFuture<?> future = RealtimeSessionsFutures.of(sessions)
                    .adapt(Upstream.callWithoutFacadeMethod(sessions));
            assertThat(server.awaitFirstRequest(10)).as("the request reached the server").isTrue();
            assertThat(future.cancel(true)).isTrue();
            assertThat(server.awaitClientClose(10)).as("the client closed the connection").isTrue();
        }
    }

    @Test
    void aNullArgumentIsAValidationErrorNotANullPointerException() {
        assertThatThrownBy(() -> RealtimeSessionsFutures.of(null)).isInstanceOf(ValidationException.class)
                .hasMessage("sessions must not be null");
        try (RealtimeSessions sessions = RealtimeSessions.builder().apiKey(Upstream.MOCK_API_KEY).build()) {
            assertThatThrownBy(() -> RealtimeSessionsFutures.of(sessions).adapt(null))
                    .isInstanceOf(ValidationException.class).hasMessage("call must not be null");
        }
    }
}
