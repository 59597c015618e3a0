package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.testing.Fixtures;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

@SuppressWarnings("deprecation") // also calls the beta endpoints, which stay supported and tested
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
}
