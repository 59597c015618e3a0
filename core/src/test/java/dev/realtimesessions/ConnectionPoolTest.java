package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.testing.Fixtures;
import dev.realtimesessions.testsupport.StallingServer;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

class ConnectionPoolTest {

    @Test
    void aCallerSuppliedHttpClientIsUsedAndNotClosed() throws Exception {
        ConnectionProvider provider = ConnectionProvider.create("callers-pool", 4);
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(Fixtures.ok());
            server.enqueue(Fixtures.ok());
            HttpClient shared = HttpClient.create(provider);
            RealtimeSessions first = Fixtures.client(server).httpClient(shared).build();
            StepVerifier.create(first.create(request())).expectNextCount(1).verifyComplete();
            first.close();

            assertThat(provider.isDisposed()).as("the caller's pool outlives the client").isFalse();
            try (RealtimeSessions second = Fixtures.client(server).httpClient(shared).build()) {
                StepVerifier.create(second.create(request())).expectNextCount(1).verifyComplete();
            }
            assertThat(first.toString()).contains("httpClient=caller's");
        } finally {
            provider.dispose();
        }
    }

    @Test
    void callsBeyondTheWaitQueueFailAtOnceWithAClearMessage() throws Exception {
        try (StallingServer server = new StallingServer();
                RealtimeSessions sessions = RealtimeSessions.builder().apiKey(Fixtures.API_KEY)
                        .baseUrl(server.baseUrl()).maxConnections(1).maxPendingAcquires(1).build()) {
            Disposable holding = sessions.create(request()).subscribe(session -> { }, error -> { });
            assertThat(server.awaitFirstRequest(10)).isTrue();
            Disposable waiting = sessions.create(request()).subscribe(session -> { }, error -> { });
            try {
                StepVerifier.create(sessions.create(request()))
                        .expectErrorSatisfies(error -> {
                            assertThat(error).isInstanceOf(ApiConnectionException.class)
                                    .hasMessageContaining("wait queue is full")
                                    .hasMessageContaining("maxPendingAcquires 1 waiting for 1 maxConnections");
                            assertThat(error.getSuppressed()).as("not retried").isEmpty();
                        })
                        .verify(Duration.ofSeconds(10));
            } finally {
                holding.dispose();
                waiting.dispose();
            }
        }
    }
}
