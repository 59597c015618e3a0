package dev.realtimesessions.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimesessions.AuthenticationException;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.ValidationException;
import dev.realtimesessions.adapter.testing.Upstream;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.testsupport.StallingServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RealtimeSessionsFuturesTest {

    @Test
    void aFutureCompletesWithTheMintedSecret() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = RealtimeSessions.builder().apiKey(LocalRealtimeEndpoint.API_KEY)
                     .baseUrl(endpoint.baseUrl()).build()) {
            ClientSecretCreateResponse secret = RealtimeSessionsFutures.of(sessions)
                    .createClientSecret(Upstream.request()).get(10, TimeUnit.SECONDS);
            assertThat(secret.value()).startsWith("ek_local_");
        }
    }

    @Test
    void aFailedCallCompletesTheFutureWithTheTypedError() throws Exception {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = RealtimeSessions.builder().apiKey("sk-wrong-key")
                     .baseUrl(endpoint.baseUrl()).build()) {
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
    void aNullArgumentIsAValidationErrorNotANullPointerException() {
        assertThatThrownBy(() -> RealtimeSessionsFutures.of(null)).isInstanceOf(ValidationException.class)
                .hasMessage("sessions must not be null");
        assertThatThrownBy(() -> RealtimeSessionsFutures.toFuture(null)).isInstanceOf(ValidationException.class);
    }
}
