package dev.realtimesessions.adapter.testing;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.RetryPolicy;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.testsupport.StallingServer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Requests, clients and canned upstream answers shared by the tests. */
public final class Upstream {

    public static final String MOCK_API_KEY = "sk-test-0123456789abcdef";

    private Upstream() {
    }

    public static ClientSecretCreateRequest request() {
        return ClientSecretCreateRequest.of(RealtimeSessionConfig.builder().model(RealtimeModel.GPT_REALTIME)
                .instructions("Be brief.").build());
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
