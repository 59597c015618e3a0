package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.testing.Fixtures.MockOpenAi;
import dev.realtimesessions.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The HTTP request line and headers of {@code POST /realtime/sessions}, as MockWebServer receives them. */
@SuppressWarnings("deprecation") // also calls the beta endpoints, which stay supported and tested
class RequestHeadersTest {

    private static final RealtimeSessionCreateRequest REQUEST =
            RealtimeSessionCreateRequest.builder().model("gpt-realtime").instructions("hi").build();

    @AutoClose
    private MockOpenAi api;

    private RecordedRequest send(RequestOptions options) {
        api.answer(200, Fixtures.MINIMAL_SESSION);
        api.await(api.client.create(REQUEST, options));
        return api.takeRequest();
    }

    @Test
    void sendsTheBearerKeyJsonContentTypesAndTheLibrarysUserAgent() {
        api = new MockOpenAi();

        RecordedRequest request = send(RequestOptions.none());

        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/realtime/sessions");
        Headers headers = request.getHeaders();
        assertThat(headers.values("Authorization")).containsExactly("Bearer " + Fixtures.API_KEY);
        assertThat(headers.values("Content-Type")).containsExactly("application/json");
        assertThat(headers.values("Accept")).containsExactly("application/json");
        assertThat(headers.get("User-Agent")).startsWith("realtime-sessions-java/")
                .matches("realtime-sessions-java/\\d+\\.\\d+\\.\\d+\\S* .*")
                .doesNotContain("${").doesNotContain("unknown");
        assertThat(headers.names()).noneSatisfy(name -> assertThat(name).isEqualToIgnoringCase("OpenAI-Beta"));
        assertThat(headers.get("OpenAI-Organization")).isNull();
        assertThat(headers.get("OpenAI-Project")).isNull();
    }

    @Test
    void sendsOrganizationProjectAndCustomHeaders() {
        api = new MockOpenAi(builder -> builder.organization("org-abc").project("proj_123")
                .header("X-Gateway-Route", "blue").header("X-Tenant", "t-7"));

        Headers headers = send(RequestOptions.none()).getHeaders();

        assertThat(headers.values("OpenAI-Organization")).containsExactly("org-abc");
        assertThat(headers.values("OpenAI-Project")).containsExactly("proj_123");
        assertThat(headers.values("X-Gateway-Route")).containsExactly("blue");
        assertThat(headers.values("X-Tenant")).containsExactly("t-7");
        assertThat(headers.values("Authorization")).containsExactly("Bearer " + Fixtures.API_KEY);
        assertThat(headers.names()).noneSatisfy(name -> assertThat(name).isEqualToIgnoringCase("OpenAI-Beta"));
    }

    @Test
    void requestOptionsOverrideTheKeyAndHeadersForOneCallOnly() {
        api = new MockOpenAi(builder -> builder.organization("org-client").project("proj_client")
                .header("X-Gateway-Route", "blue"));
        RequestOptions options = RequestOptions.builder()
                .apiKey("sk-other-987654")
                .organization("org-call")
                .header("x-gateway-route", "green")
                .header("X-Call", "1")
                .build();

        Headers overridden = send(options).getHeaders();
        Headers afterwards = send(RequestOptions.none()).getHeaders();

        assertThat(overridden.values("Authorization")).containsExactly("Bearer sk-other-987654");
        assertThat(overridden.values("OpenAI-Organization")).containsExactly("org-call");
        assertThat(overridden.values("OpenAI-Project")).containsExactly("proj_client");
        assertThat(overridden.values("X-Gateway-Route")).containsExactly("green");
        assertThat(overridden.values("X-Call")).containsExactly("1");
        assertThat(overridden.names()).noneSatisfy(name -> assertThat(name).isEqualToIgnoringCase("OpenAI-Beta"));

        assertThat(afterwards.values("Authorization")).containsExactly("Bearer " + Fixtures.API_KEY);
        assertThat(afterwards.values("OpenAI-Organization")).containsExactly("org-client");
        assertThat(afterwards.values("X-Gateway-Route")).containsExactly("blue");
        assertThat(afterwards.get("X-Call")).isNull();
    }

    @Test
    void projectCanBeOverriddenPerCall() {
        api = new MockOpenAi(builder -> builder.project("proj_client"));

        Headers headers = send(RequestOptions.builder().project("proj_call").build()).getHeaders();

        assertThat(headers.values("OpenAI-Project")).containsExactly("proj_call");
        assertThat(headers.values("Authorization")).containsExactly("Bearer " + Fixtures.API_KEY);
    }

    @Test
    void apiKeyFromAMonoIsResolvedForEachCall() {
        AtomicInteger rotations = new AtomicInteger();
        api = new MockOpenAi(builder -> builder.apiKey(Mono.fromSupplier(() -> "sk-rotated-" + rotations.incrementAndGet())));

        Headers first = send(RequestOptions.none()).getHeaders();
        Headers second = send(RequestOptions.none()).getHeaders();

        assertThat(first.get("Authorization")).isEqualTo("Bearer sk-rotated-1");
        assertThat(second.get("Authorization")).isEqualTo("Bearer sk-rotated-2");
    }

    @Test
    void contentLengthIsTheUtf8ByteCountOfTheBody() {
        api = new MockOpenAi();
        api.answer(200, Fixtures.MINIMAL_SESSION);
        api.await(api.client.create(RealtimeSessionCreateRequest.builder().model("gpt-realtime")
                .instructions("Grüße, 你好 👋").build()));

        RecordedRequest request = api.takeRequest();

        byte[] body = request.getBody().toByteArray();
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("Grüße, 你好 👋");
        assertThat(body.length).isGreaterThan(new String(body, StandardCharsets.UTF_8).length());
        assertThat(request.getHeaders().values("Content-Length")).containsExactly(Integer.toString(body.length));
        assertThat(request.getHeaders().get("Transfer-Encoding")).isNull();
        assertThat(request.getBodySize()).isEqualTo(body.length);
    }

    @Test
    void trailingSlashInTheBaseUrlDoesNotDoubleThePath() {
        api = new MockOpenAi();
        try (RealtimeSessions slash = RealtimeSessions.builder().apiKey(Fixtures.API_KEY)
                .baseUrl(api.server.url("/v1/").toString()).build()) {
            api.answer(200, Fixtures.MINIMAL_SESSION);
            api.await(slash.create(REQUEST));
        }

        assertThat(api.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/realtime/sessions");
    }
}
