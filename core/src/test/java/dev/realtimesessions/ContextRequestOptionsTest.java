package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.testing.Fixtures;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

@SuppressWarnings("deprecation") // also calls the beta endpoints, which stay supported and tested
class ContextRequestOptionsTest {

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void optionsInTheSubscribersContextApplyToTheCall() throws Exception {
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = Fixtures.client(server).build()) {
            RequestOptions tenant = RequestOptions.builder().apiKey("sk-tenant-a").organization("org-a")
                    .project("proj_a").header("X-Tenant", "a").build();
            StepVerifier.create(sessions.create(Fixtures.request())
                            .contextWrite(Context.of(RequestOptions.CONTEXT_KEY, tenant)))
                    .expectNextCount(1).verifyComplete();
        }
        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer sk-tenant-a");
        assertThat(recorded.getHeaders().get("OpenAI-Organization")).isEqualTo("org-a");
        assertThat(recorded.getHeaders().get("OpenAI-Project")).isEqualTo("proj_a");
        assertThat(recorded.getHeaders().get("X-Tenant")).isEqualTo("a");
    }

    @Test
    void optionsPassedToTheCallWinOverTheContextOptionByOption() throws Exception {
        server.enqueue(Fixtures.ok());
        try (RealtimeSessions sessions = Fixtures.client(server).build()) {
            RequestOptions fromContext = RequestOptions.builder().apiKey("sk-tenant-a").project("proj_a")
                    .header("x-tenant", "a").build();
            RequestOptions explicit = RequestOptions.builder().project("proj_b").header("X-Tenant", "b")
                    .timeout(Duration.ofSeconds(5)).build();
            StepVerifier.create(sessions.create(Fixtures.request(), explicit)
                            .contextWrite(Context.of(RequestOptions.CONTEXT_KEY, fromContext)))
                    .expectNextCount(1).verifyComplete();
        }
        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer sk-tenant-a");
        assertThat(recorded.getHeaders().get("OpenAI-Project")).isEqualTo("proj_b");
        assertThat(recorded.getHeaders().values("X-Tenant")).containsExactly("b");
    }
}
