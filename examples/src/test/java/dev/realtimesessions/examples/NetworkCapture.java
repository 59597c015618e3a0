package dev.realtimesessions.examples;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every HTTP response the browser received, as Chromium's network stack reported it to DevTools
 * ({@code Network.*} events in ChromeDriver's performance log), with every header (those of
 * {@code Network.responseReceived} and the raw ones of {@code Network.responseReceivedExtraInfo},
 * {@code Set-Cookie} included) and the body as the renderer got it ({@code Network.getResponseBody}).
 *
 * <p>Why this sees everything a page received: the events come from the browser's network stack,
 * below the page, so they cover the document, every script and style sheet, every {@code fetch}
 * (also those the page's own code might forget to route through a wrapper, and {@code keepalive}
 * ones), redirects and error pages alike; a JavaScript {@code fetch} wrapper or the Resource Timing
 * entries would miss the document and subresources, headers or bodies. The pages under test reach
 * nothing but their own origin by HTTP (their Content-Security-Policy says so, and a test checks the
 * URLs), and WebRTC carries no HTTP. {@link #responses()} waits until every request seen has finished
 * or failed, so that no body is read before it is complete.
 */
final class NetworkCapture {

    /** One response: {@code headers} by lower-case name, values of a repeated header joined by newlines. */
    record Response(String requestId, String method, String url, int status, Map<String, String> headers,
            @Nullable String body) {

        /** The URL, status, every header and the body, for a search. */
        String everything() {
            StringBuilder all = new StringBuilder(method).append(' ').append(url).append(' ').append(status).append('\n');
            headers.forEach((name, value) -> all.append(name).append(": ").append(value).append('\n'));
            return all.append('\n').append(body == null ? "" : body).toString();
        }

        @Override
        public String toString() {
            return method + " " + url + " -> " + status;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChromeDriver browser;
    private final Map<String, Seen> seen = new LinkedHashMap<>();

    NetworkCapture(ChromeDriver browser) {
        this.browser = browser;
    }

    /** Forgets what was received so far: {@link #responses()} then lists only later responses. */
    void clear() {
        browser.manage().logs().get(LogType.PERFORMANCE);
        seen.clear();
    }

    /**
     * The responses received since {@link #clear()}, in the order their requests were sent, once
     * every request seen has finished or failed (a bounded wait on the browser's events).
     */
    List<Response> responses() {
        new WebDriverWait(browser, HeadlessChromium.PAGE_WAIT).until(driver -> {
            read();
            return seen.values().stream().allMatch(request -> request.done);
        });
        List<Response> responses = new ArrayList<>();
        seen.forEach((id, request) -> {
            responses.addAll(request.redirects);
            if (request.status != null) {
                if (request.body == null && request.finished) {
                    request.body = body(id);
                }
                responses.add(new Response(id, request.method, request.url, request.status,
                        Map.copyOf(request.headers), request.body));
            }
        });
        return responses;
    }

    private void read() {
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            JsonNode params = message.path("params");
            String id = params.path("requestId").asString("");
            switch (message.path("method").asString("")) {
                case "Network.requestWillBeSent" -> {
                    Seen request = seen.computeIfAbsent(id, key -> new Seen());
                    JsonNode redirect = params.path("redirectResponse");
                    if (redirect.isObject()) {
                        request.redirects.add(new Response(id, request.method, redirect.path("url").asString(),
                                redirect.path("status").asInt(), headers(redirect.path("headers")), null));
                    }
                    request.method = params.path("request").path("method").asString();
                    request.url = params.path("request").path("url").asString();
                }
                case "Network.responseReceived" -> {
                    Seen request = seen.computeIfAbsent(id, key -> new Seen());
                    JsonNode response = params.path("response");
                    request.status = response.path("status").asInt();
                    request.url = response.path("url").asString();
                    request.headers.putAll(headers(response.path("headers")));
                }
                case "Network.responseReceivedExtraInfo" ->
                        seen.computeIfAbsent(id, key -> new Seen()).headers.putAll(headers(params.path("headers")));
                case "Network.loadingFinished" -> {
                    Seen request = seen.computeIfAbsent(id, key -> new Seen());
                    request.done = true;
                    request.finished = true;
                }
                case "Network.loadingFailed" -> seen.computeIfAbsent(id, key -> new Seen()).done = true;
                default -> { }
            }
        }
    }

    /** The body as the renderer got it, or null when it has none to give (a 204, say). */
    private @Nullable String body(String requestId) {
        try {
            Map<String, Object> result = browser.executeCdpCommand("Network.getResponseBody",
                    Map.of("requestId", requestId));
            String body = (String) result.get("body");
            return Boolean.TRUE.equals(result.get("base64Encoded"))
                    ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
        } catch (WebDriverException e) {
            return null;
        }
    }

    private static Map<String, String> headers(JsonNode headers) {
        Map<String, String> byName = new LinkedHashMap<>();
        headers.properties().forEach(header -> byName.put(header.getKey().toLowerCase(Locale.ROOT),
                header.getValue().asString()));
        return byName;
    }

    /** What the events said of one request so far. */
    private static final class Seen {
        String method = "";
        String url = "";
        @Nullable Integer status;
        final Map<String, String> headers = new LinkedHashMap<>();
        final List<Response> redirects = new ArrayList<>();
        boolean done;
        boolean finished;
        @Nullable String body;
    }
}
