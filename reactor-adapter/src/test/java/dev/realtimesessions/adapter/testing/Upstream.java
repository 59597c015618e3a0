package dev.realtimesessions.adapter.testing;

import dev.realtimesessions.ApiResponse;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RequestOptions;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.TranscriptionSession;
import dev.realtimesessions.model.TranscriptionSessionCreateRequest;
import dev.realtimesessions.testsupport.StallingServer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import reactor.core.publisher.Mono;

/** Requests, clients and canned upstream answers shared by the tests. */
public final class Upstream {

    public static final String MOCK_API_KEY = "sk-test-0123456789abcdef";

    private Upstream() {
    }

    public static ClientSecretCreateRequest request() {
        return ClientSecretCreateRequest.of(RealtimeSessionConfig.builder().model(RealtimeModel.GPT_REALTIME)
                .instructions("Be brief.").build());
    }

    /** A client of the local endpoint with {@code apiKey}: the endpoint's own, or a wrong one to make calls fail. */
    public static RealtimeSessions client(LocalRealtimeEndpoint endpoint, String apiKey) {
        return RealtimeSessions.builder().apiKey(apiKey).baseUrl(endpoint.baseUrl()).build();
    }

    /** Options that carry the local endpoint's key, for a client built with another. */
    public static RequestOptions withLocalKey() {
        return RequestOptions.builder().apiKey(LocalRealtimeEndpoint.API_KEY).build();
    }

    /**
     * A call of the client that no facade has a method of its own for, as the calls of later versions
     * will be: the beta transcription session with its response details.
     */
    @SuppressWarnings("deprecation") // the beta endpoint stays supported
    public static Mono<ApiResponse<TranscriptionSession>> callWithoutFacadeMethod(RealtimeSessions sessions) {
        return sessions.createTranscriptionSessionWithResponse(TranscriptionSessionCreateRequest.builder().build());
    }

    public static RealtimeSessions client(MockWebServer server) {
        return RealtimeSessions.builder().apiKey(MOCK_API_KEY).baseUrl(server.url("/v1").toString())
                .retryPolicy(RetryPolicy.none()).build();
    }

    public static RealtimeSessions client(StallingServer server) {
        return RealtimeSessions.builder().apiKey(MOCK_API_KEY).baseUrl(server.baseUrl())
                .retryPolicy(RetryPolicy.none()).build();
    }

    public static MockResponse error(int status, String type, String code, String message) {
        return new MockResponse.Builder().code(status).addHeader("content-type", "application/json")
                .addHeader("x-request-id", "req_" + status)
                .addHeader("x-upstream-secret-header", "upstream-only")
                .body("{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":"
                        + (code == null ? "null" : "\"" + code + "\"") + "}}")
                .build();
    }
}
