package dev.realtimesessions.testing;

import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Shared request and answers for transport tests. */
public final class Fixtures {

    public static final String API_KEY = "sk-test-0123456789abcdef";
    public static final String SECRET = "ek_68af296e8e408191a1120ab6383263c2";

    public static final String SESSION_JSON = "{\"id\":\"sess_001\",\"object\":\"realtime.session\","
            + "\"model\":\"gpt-realtime\",\"voice\":\"verse\","
            + "\"client_secret\":{\"value\":\"" + SECRET + "\",\"expires_at\":1756310470}}";

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
}
