package dev.realtimesessions.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.AuthenticationException;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.adapter.testing.Upstream;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

class RealtimeSessionsContextTest {

    @Test
    void aTenantsKeyAndProjectInTheContextAreUsedByTheCall() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                    .body("{\"value\":\"ek_abc\",\"expires_at\":1756310470,\"session\":{\"type\":\"realtime\"}}").build());
            try (RealtimeSessions sessions = Upstream.client(server)) {
                StepVerifier.create(sessions.createClientSecret(Upstream.request())
                                .contextWrite(RealtimeSessionsContext.withRequestOptions(RequestOptions.builder()
                                        .apiKey("sk-tenant-b").organization("org-b").project("proj_b")
                                        .header("X-Tenant", "b").build())))
                        .expectNextCount(1).verifyComplete();
            }
            RecordedRequest recorded = server.takeRequest();
            assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer sk-tenant-b");
            assertThat(recorded.getHeaders().get("OpenAI-Organization")).isEqualTo("org-b");
            assertThat(recorded.getHeaders().get("OpenAI-Project")).isEqualTo("proj_b");
            assertThat(recorded.getHeaders().get("X-Tenant")).isEqualTo("b");
        }
    }

    @Test
    void theContextDecidesPerSubscription() {
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = RealtimeSessions.builder().apiKey("sk-wrong-key")
                     .baseUrl(endpoint.baseUrl()).build()) {
            Mono<String> call = sessions.createClientSecret(Upstream.request()).map(secret -> secret.value());
            StepVerifier.create(call.contextWrite(RealtimeSessionsContext.withRequestOptions(
                            RequestOptions.builder().apiKey(LocalRealtimeEndpoint.API_KEY).build())))
                    .assertNext(value -> assertThat(value).startsWith("ek_local_")).verifyComplete();
            StepVerifier.create(call).expectError(AuthenticationException.class).verify();
        }
    }

    @Test
    void theOptionsCanBeReadBack() {
        RequestOptions options = RequestOptions.builder().project("proj_c").build();
        Context context = RealtimeSessionsContext.withRequestOptions(options).apply(Context.empty());
        assertThat(RealtimeSessionsContext.requestOptions(context)).containsSame(options);
        assertThat(RealtimeSessionsContext.requestOptions(Context.empty())).isEmpty();
    }
}
