package dev.realtimesessions.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.RealtimeSession;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.TranscriptionSessionCreateRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shared request and answers for tests against a MockWebServer, and {@link MockOpenAi}: a started
 * server and a client pointed at it.
 */
public final class Fixtures {

    public static final String API_KEY = "sk-test-0123456789abcdef";
    public static final String SECRET = "ek_68af296e8e408191a1120ab6383263c2";

    public static final String SESSION_JSON = "{\"id\":\"sess_001\",\"object\":\"realtime.session\","
            + "\"model\":\"gpt-realtime\",\"voice\":\"verse\","
            + "\"client_secret\":{\"value\":\"" + SECRET + "\",\"expires_at\":1756310470}}";

    /** A minimal successful answer of the beta {@code POST /realtime/sessions}. */
    public static final String MINIMAL_SESSION =
            "{\"id\":\"sess_1\",\"client_secret\":{\"value\":\"ek_minted_secret_value\",\"expires_at\":1234567890}}";

    /** The smallest answer {@code POST /realtime/client_secrets} can give. */
    public static final String MINIMAL_CLIENT_SECRET =
            "{\"value\":\"ek_test_minimal_secret\",\"expires_at\":1756310470,\"session\":{\"type\":\"realtime\"}}";

    /** A minimal successful answer of {@code POST /realtime/transcription_sessions}. */
    public static final String MINIMAL_TRANSCRIPTION_SESSION =
            "{\"client_secret\":{\"value\":\"ek_test\",\"expires_at\":1742188324}}";

    /** The {@code x-request-id} of every {@link MockOpenAi#answer} (unless the test adds its own). */
    public static final String REQUEST_ID = "req_test_1";

    /** Long enough never to fire on a healthy machine; a bound, not a timing assertion. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private Fixtures() {
    }

    public static RealtimeSessionCreateRequest request() {
        return RealtimeSessionCreateRequest.builder().model("gpt-realtime").instructions("Be brief.").build();
    }

    public static RealtimeSessions.Builder client(MockWebServer server) {
        return RealtimeSessions.builder().apiKey(API_KEY).baseUrl(server.url("/v1").toString());
    }

    public static MockResponse ok() {
        return new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                .addHeader("x-request-id", "req_ok").body(SESSION_JSON).build();
    }

    public static MockResponse error(int status, String type, String code, String param, String message) {
        return new MockResponse.Builder().code(status).addHeader("content-type", "application/json")
                .addHeader("x-request-id", "req_" + status)
                .body("{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":"
                        + (param == null ? "null" : "\"" + param + "\"") + ",\"code\":"
                        + (code == null ? "null" : "\"" + code + "\"") + "}}")
                .build();
    }

    public static MockResponse.Builder status(int status) {
        return new MockResponse.Builder().code(status).addHeader("content-type", "application/json")
                .body("{\"error\":{\"message\":\"status " + status + "\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
    }

    /** Parses JSON text. */
    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** The error {@code mono} fails with; fails the test if it succeeds. */
    public static Throwable failure(Mono<?> mono) {
        Signal<?> signal = mono.materialize().block(WAIT);
        assertThat(signal).as("the call ended").isNotNull();
        assertThat(signal.isOnError()).as("the call failed, but it signalled %s", signal).isTrue();
        return signal.getThrowable();
    }

    /**
     * A started loopback MockWebServer standing in for OpenAI, and a {@link RealtimeSessions} client
     * pointed at it (key {@link #API_KEY}), for tests that look at what goes over the wire or what
     * comes back from it. Close it after each test: {@code @AutoClose private final MockOpenAi api = new MockOpenAi();}
     */
    public static final class MockOpenAi implements AutoCloseable {

        public final MockWebServer server = new MockWebServer();
        public final RealtimeSessions client;

        public MockOpenAi() {
            this(builder -> { });
        }

        /** With the client's builder adjusted by {@code configure} before it is built. */
        public MockOpenAi(Consumer<RealtimeSessions.Builder> configure) {
            try {
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            RealtimeSessions.Builder builder = Fixtures.client(server);
            configure.accept(builder);
            client = builder.build();
        }

        /** Queues an answer with a JSON content type, {@link #REQUEST_ID} and any further headers (name, value, ...). */
        public void answer(int status, String body, String... headerPairs) {
            MockResponse.Builder response = new MockResponse.Builder().code(status)
                    .addHeader("content-type", "application/json");
            boolean ownRequestId = false;
            for (int i = 0; i < headerPairs.length; i += 2) {
                response.addHeader(headerPairs[i], headerPairs[i + 1]);
                ownRequestId |= headerPairs[i].equalsIgnoreCase("x-request-id");
            }
            if (!ownRequestId) {
                response.addHeader("x-request-id", REQUEST_ID);
            }
            server.enqueue(response.body(body).build());
        }

        /** Sends {@code request}, answered with {@code answer}, and returns the parsed session. */
        @SuppressWarnings("deprecation") // the beta endpoint stays tested
        public RealtimeSession mint(RealtimeSessionCreateRequest request, String answer) {
            answer(200, answer);
            return await(client.create(request));
        }

        /**
         * Serves {@code answer} with status 200 to a minimal {@code POST /realtime/sessions} and returns
         * the parsed session; the request is taken off the server's queue.
         */
        public RealtimeSession parseSession(String answer) {
            RealtimeSession session = mint(RealtimeSessionCreateRequest.builder().model("gpt-realtime").build(), answer);
            takeRequest();
            return session;
        }

        /**
         * Serves {@code answer} with status 200 to an empty {@code POST /realtime/client_secrets} and
         * returns the decoded response; the request is taken off the server's queue.
         */
        public ClientSecretCreateResponse parseClientSecret(String answer) {
            answer(200, answer);
            ClientSecretCreateResponse response = await(client.createClientSecret(ClientSecretCreateRequest.builder().build()));
            takeRequest();
            return response;
        }

        /** Sends {@code request} (answered with {@link #MINIMAL_SESSION}) and returns its body as the server saw it. */
        public JsonNode sentBody(RealtimeSessionCreateRequest request) {
            mint(request, MINIMAL_SESSION);
            return takeBody();
        }

        /** Sends {@code request} (answered with {@link #MINIMAL_CLIENT_SECRET}) and returns its body as the server saw it. */
        public JsonNode sentBody(ClientSecretCreateRequest request) {
            answer(200, MINIMAL_CLIENT_SECRET);
            assertThat(await(client.createClientSecret(request))).isNotNull();
            return takeBody();
        }

        /** Sends {@code request} (answered with {@link #MINIMAL_TRANSCRIPTION_SESSION}) and returns its body as the server saw it. */
        @SuppressWarnings("deprecation") // the beta endpoint stays tested
        public JsonNode sentBody(TranscriptionSessionCreateRequest request) {
            answer(200, MINIMAL_TRANSCRIPTION_SESSION);
            await(client.createTranscriptionSession(request));
            return takeBody();
        }

        private JsonNode takeBody() {
            return JSON.readTree(takeRequest().getBody().utf8());
        }

        /** The next request the server received; fails the test if none arrives. */
        public RecordedRequest takeRequest() {
            try {
                RecordedRequest request = server.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(request).as("a request reached the server").isNotNull();
                return request;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** Blocks for {@code mono}'s value, at most {@link #WAIT}. */
        public <T> T await(Mono<T> mono) {
            return mono.block(WAIT);
        }

        @Override
        public void close() {
            client.close();
            server.close();
        }
    }
}
