package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.TranscriptionSessionCreateRequest;
import dev.realtimesessions.testing.Fixtures;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * What a client built with {@code azure(...)} puts on the wire, as MockWebServer receives it: the
 * {@code /openai/v1} path prefix on every endpoint, and exactly one credential header, the mode's:
 * {@code api-key} for a key (never {@code Authorization}), {@code Authorization: Bearer} for an
 * Entra ID token (never {@code api-key}).
 */
@SuppressWarnings("deprecation") // also calls the beta endpoints, which go through the same credential step
class AzureRequestsTest {

    static final String AZURE_KEY = "0123456789abcdef0123456789abcdef";
    static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2NvZ25pdGl2ZXNlcnZpY2VzIn0.c2lnbmF0dXJl";

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The loopback form of a resource URL: the test's server, which the client reaches over plain http. */
    private String resourceUrl() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    private RealtimeSessions azureClient(Consumer<RealtimeSessions.Builder> credential) {
        RealtimeSessions.Builder builder = RealtimeSessions.builder().azure(resourceUrl());
        credential.accept(builder);
        return builder.build();
    }

    private static BearerTokenSource token(String value) {
        return () -> Mono.just(new BearerToken(value, Instant.now().plusSeconds(3600)));
    }

    private RecordedRequest mintClientSecret(RealtimeSessions sessions, RequestOptions options) {
        server.enqueue(answer(Fixtures.MINIMAL_CLIENT_SECRET));
        assertThat(sessions.createClientSecret(ClientSecretCreateRequest.of(RealtimeSessionConfig.builder()
                .model("my-realtime-deployment").build()), options).block(Fixtures.WAIT)).isNotNull();
        return take();
    }

    private static MockResponse answer(String json) {
        return new MockResponse.Builder().code(200).addHeader("content-type", "application/json").body(json).build();
    }

    private RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(Fixtures.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(request).as("a request reached the server").isNotNull();
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void onlyApiKey(Headers headers, String key) {
        assertThat(headers.values("api-key")).containsExactly(key);
        assertThat(headers.names()).noneSatisfy(name -> assertThat(name).isEqualToIgnoringCase("Authorization"));
    }

    private static void onlyBearer(Headers headers, String token) {
        assertThat(headers.values("Authorization")).containsExactly("Bearer " + token);
        assertThat(headers.names()).noneSatisfy(name -> assertThat(name).isEqualToIgnoringCase("api-key"));
    }

    @Test
    void aKeyGoesAsApiKeyAndNeverAsAuthorizationToTheV1Path() {
        try (RealtimeSessions sessions = azureClient(builder -> builder.azureApiKey(AZURE_KEY))) {
            RecordedRequest request = mintClientSecret(sessions, RequestOptions.none());

            assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/v1/realtime/client_secrets");
            assertThat(request.getUrl().query()).isNull();
            onlyApiKey(request.getHeaders(), AZURE_KEY);
            assertThat(request.getHeaders().names()).noneSatisfy(name -> assertThat(name).startsWithIgnoringCase("OpenAI-"));
            assertThat(Fixtures.json(request.getBody().utf8()).at("/session/model").asString())
                    .as("model is the deployment's name, sent as it is").isEqualTo("my-realtime-deployment");
        }
    }

    @Test
    void anEntraTokenGoesAsBearerAndNeverAsApiKey() {
        try (RealtimeSessions sessions = azureClient(builder -> builder.azureTokenSource(token(TOKEN)))) {
            RecordedRequest request = mintClientSecret(sessions, RequestOptions.none());

            assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/v1/realtime/client_secrets");
            onlyBearer(request.getHeaders(), TOKEN);
        }
    }

    @Test
    void everyEndpointGoesThroughTheSameCredentialStep() {
        try (RealtimeSessions keyed = azureClient(builder -> builder.azureApiKey(AZURE_KEY));
                RealtimeSessions entra = azureClient(builder -> builder.azureTokenSource(token(TOKEN)))) {
            for (RealtimeSessions sessions : List.of(keyed, entra)) {
                server.enqueue(answer(Fixtures.MINIMAL_SESSION));
                sessions.create(Fixtures.request()).block(Fixtures.WAIT);
                server.enqueue(answer(Fixtures.MINIMAL_TRANSCRIPTION_SESSION));
                sessions.createTranscriptionSession(TranscriptionSessionCreateRequest.builder().build()).block(Fixtures.WAIT);
            }
            RecordedRequest keyedBeta = take();
            RecordedRequest keyedTranscription = take();
            RecordedRequest entraBeta = take();
            RecordedRequest entraTranscription = take();

            assertThat(keyedBeta.getUrl().encodedPath()).isEqualTo("/openai/v1/realtime/sessions");
            assertThat(keyedTranscription.getUrl().encodedPath()).isEqualTo("/openai/v1/realtime/transcription_sessions");
            onlyApiKey(keyedBeta.getHeaders(), AZURE_KEY);
            onlyApiKey(keyedTranscription.getHeaders(), AZURE_KEY);
            onlyBearer(entraBeta.getHeaders(), TOKEN);
            onlyBearer(entraTranscription.getHeaders(), TOKEN);
        }
    }

    @Test
    void aKeyFromAMonoIsResolvedForEachCallAndAPerCallKeyGoesAsApiKeyToo() {
        AtomicInteger rotations = new AtomicInteger();
        try (RealtimeSessions sessions = azureClient(builder -> builder.azureApiKey(
                Mono.fromSupplier(() -> "azure-key-" + rotations.incrementAndGet())))) {
            onlyApiKey(mintClientSecret(sessions, RequestOptions.none()).getHeaders(), "azure-key-1");
            onlyApiKey(mintClientSecret(sessions, RequestOptions.none()).getHeaders(), "azure-key-2");
            onlyApiKey(mintClientSecret(sessions, RequestOptions.builder().apiKey("second-azure-key").build())
                    .getHeaders(), "second-azure-key");
        }
    }

    @Test
    void aHeaderSetByAListenerCannotAddTheOtherSchemesCredential() {
        CallListener.Factory meddling = (endpoint, context) -> new CallListener() {
            @Override
            public void attemptStarted(int attempt, java.util.function.BiConsumer<String, String> requestHeaders) {
                requestHeaders.accept("Authorization", "Bearer from-a-listener");
                requestHeaders.accept("api-key", "from-a-listener");
                requestHeaders.accept("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
            }
        };
        try (RealtimeSessions keyed = azureClient(builder -> builder.azureApiKey(AZURE_KEY).callListener(meddling));
                RealtimeSessions entra = azureClient(builder -> builder.azureTokenSource(token(TOKEN))
                        .callListener(meddling))) {
            Headers keyedHeaders = mintClientSecret(keyed, RequestOptions.none()).getHeaders();
            Headers entraHeaders = mintClientSecret(entra, RequestOptions.none()).getHeaders();

            onlyApiKey(keyedHeaders, AZURE_KEY);
            onlyBearer(entraHeaders, TOKEN);
            assertThat(keyedHeaders.get("traceparent")).as("the listener's other headers stay").isNotNull();
        }
    }

    @Test
    void perCallOptionsThatAzureCannotTakeFailTheCallBeforeAnythingIsSent() {
        try (RealtimeSessions keyed = azureClient(builder -> builder.azureApiKey(AZURE_KEY));
                RealtimeSessions entra = azureClient(builder -> builder.azureTokenSource(token(TOKEN)))) {
            ClientSecretCreateRequest request = ClientSecretCreateRequest.builder().build();

            assertThat(((ValidationException) Fixtures.failure(keyed.createClientSecret(request,
                    RequestOptions.builder().project("proj_1").build()))).field()).isEqualTo("project");
            assertThat(((ValidationException) Fixtures.failure(keyed.createClientSecret(request,
                    RequestOptions.builder().organization("org-1").build()))).field()).isEqualTo("organization");
            assertThat(((ValidationException) Fixtures.failure(entra.createClientSecret(request,
                    RequestOptions.builder().header("API-KEY", AZURE_KEY).build()))).field()).isEqualTo("header API-KEY");
            Throwable keyWithEntra = Fixtures.failure(entra.createClientSecret(request,
                    RequestOptions.builder().apiKey(AZURE_KEY).build()));
            assertThat(((ValidationException) keyWithEntra).field()).isEqualTo("apiKey");
            assertThat(keyWithEntra.getMessage()).contains("Microsoft Entra ID").doesNotContain(AZURE_KEY);
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Test
    void perCallOptionsFromTheContextAreCheckedToo() {
        try (RealtimeSessions keyed = azureClient(builder -> builder.azureApiKey(AZURE_KEY))) {
            Throwable error = Fixtures.failure(keyed.createClientSecret(ClientSecretCreateRequest.builder().build())
                    .contextWrite(context -> context.put(RequestOptions.CONTEXT_KEY,
                            RequestOptions.builder().project("proj_1").build())));

            assertThat(((ValidationException) error).field()).isEqualTo("project");
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Test
    void openAiModeIsUnchangedAndMayStillSendAnApiKeyHeaderToAGateway() {
        try (RealtimeSessions sessions = Fixtures.client(server).header("api-key", "gateway-subscription-key").build()) {
            Headers headers = mintClientSecret(sessions, RequestOptions.none()).getHeaders();

            assertThat(headers.values("Authorization")).containsExactly("Bearer " + Fixtures.API_KEY);
            assertThat(headers.values("api-key")).containsExactly("gateway-subscription-key");
        }
    }

    @Test
    void toStringSaysAzureAndTheSchemeButShowsNoCredential() {
        try (RealtimeSessions keyed = azureClient(builder -> builder.azureApiKey(AZURE_KEY));
                RealtimeSessions entra = azureClient(builder -> builder.azureTokenSource(token(TOKEN)))) {
            assertThat(keyed.toString()).contains("azure=" + resourceUrl() + "/openai/v1").contains("auth=api-key")
                    .doesNotContain(AZURE_KEY).doesNotContain(AZURE_KEY.substring(8));
            assertThat(entra.toString()).contains("Entra ID token source").contains("PT5M").doesNotContain("eyJ");
        }
    }
}
