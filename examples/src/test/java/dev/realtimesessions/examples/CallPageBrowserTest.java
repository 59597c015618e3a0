package dev.realtimesessions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.local.LocalCall;
import dev.realtimesessions.local.LocalControl;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The TokenServer's call page in a real headless Chromium against the app on a random port, which
 * starts calls at its embedded local endpoint: Chromium makes the offer (a fake microphone), the
 * app's call endpoint exchanges it, the page applies the answer; then the app hangs the call up on
 * revocation, on the page's hang-up button and at its time limit, each seen at the local endpoint.
 * Every response the page received is read from Chromium's network events ({@link NetworkCapture})
 * and searched, with the page's DOM, for anything secret. Waits are for states, never for time.
 */
class CallPageBrowserTest {

    private static final Duration WAIT = HeadlessChromium.PAGE_WAIT;

    private static TokenServer server;
    private static HeadlessChromium chromium;
    private static ChromeDriver browser;
    private static NetworkCapture network;

    @BeforeAll
    static void startServerAndBrowser() throws IOException {
        server = TokenServer.startLocal(0, false);
        chromium = HeadlessChromium.start(760, 660);
        browser = chromium.driver();
        network = new NetworkCapture(browser);
    }

    @AfterAll
    static void stopBrowserAndServer() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @BeforeEach
    void leaveThePreviousPage() {
        // A call page left behind hangs its call up (pagehide); its responses are not this test's.
        browser.get("about:blank");
        network.clear();
    }

    private static LocalRealtimeEndpoint local(TokenServer app) {
        return Objects.requireNonNull(app.local(), "the test app starts calls at its embedded endpoint");
    }

    private static String pageState() {
        return chromium.attribute("status", "data-state");
    }

    private static String endReason() {
        return chromium.attribute("status", "data-reason");
    }

    /** Opens the call page of {@code app} and starts a call; returns once the page shows it connected. */
    private static void startCall(TokenServer app) {
        clickStart(app);
        assertThat(pageState()).as("status: %s / error: %s", chromium.text("status"), chromium.text("error"))
                .isEqualTo("connected");
    }

    /** Opens the call page of {@code app} and starts a call; returns once the page is past connecting. */
    private static void clickStart(TokenServer app) {
        browser.get(app.callUrl());
        chromium.waiting().until(driver -> !chromium.text("upstream").isEmpty());
        browser.findElement(By.id("start")).click();
        chromium.waiting().until(driver -> List.of("connected", "ended", "error").contains(pageState()));
    }

    /** The response to the page's offer: a 201 with the SDP answer. */
    private static NetworkCapture.Response answerTo(List<NetworkCapture.Response> responses) {
        List<NetworkCapture.Response> answers = responses.stream()
                .filter(response -> response.method().equals("POST") && response.url().endsWith("/realtime/call"))
                .toList();
        assertThat(answers).as("the page posted one offer: %s", responses).hasSize(1);
        return answers.get(0);
    }

    /** The local endpoint's call whose answer is the one the page received. */
    private static LocalCall callAnswering(TokenServer app, NetworkCapture.Response answer) {
        return local(app).calls().stream().filter(call -> Objects.equals(call.answerSdp(), answer.body()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no call at the local endpoint answered with what the page got"));
    }

    /**
     * Nothing secret in anything the page received or shows: the API key, a client secret, the
     * session's instructions, OpenAI's call id or its calls API's paths.
     */
    private static void assertNothingSecretReachedThePage(List<NetworkCapture.Response> responses, String callId) {
        List<String> secrets = List.of(LocalRealtimeEndpoint.API_KEY, "Bearer", "ek_", TokenServer.INSTRUCTIONS,
                "friendly assistant", callId, "rtc_", "/v1/");
        for (NetworkCapture.Response response : responses) {
            assertThat(response.url()).as("the page reached only its app").startsWith(server.url());
            assertThat(response.body()).as("the body of %s was read", response)
                    .satisfiesAnyOf(body -> assertThat(body).isNotNull(),
                            body -> assertThat(response.status()).isEqualTo(204));
            for (String secret : secrets) {
                assertThat(response.everything()).as("%s carries %s", response, secret).doesNotContain(secret);
            }
        }
        String dom = browser.getPageSource() + "\n" + ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.innerText;");
        for (String secret : secrets) {
            assertThat(dom).as("the page shows %s", secret).doesNotContain(secret);
        }
    }

    @Test
    void chromiumsOfferIsAnsweredThroughTheAppAndRevocationHangsTheCallUp() throws IOException {
        startCall(server);

        assertThat(chromium.text("signaling")).isEqualTo("stable");
        assertThat(chromium.attribute("signaling", "data-state"))
                .as("the answer was accepted: signaling back to stable").isEqualTo("stable");
        assertThat(chromium.text("upstream")).contains("embedded local endpoint");
        int secondsLeft = Integer.parseInt(chromium.attribute("countdown", "data-seconds"));
        assertThat(secondsLeft).isPositive().isLessThanOrEqualTo((int) TokenServer.CALL_MAX_DURATION.toSeconds());
        assertThat(chromium.text("countdown")).matches("\\d+:\\d\\d");
        assertThat(browser.findElement(By.id("hangup")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        chromium.screenshot("call-page.png");

        List<NetworkCapture.Response> responses = network.responses();
        assertThat(responses).extracting(NetworkCapture.Response::url).contains(server.callUrl(),
                server.url() + "call-page.js", server.url() + "token-page.css");
        NetworkCapture.Response answer = answerTo(responses);
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.headers()).containsEntry("content-type", "application/sdp")
                .containsEntry("cache-control", "no-store");
        assertThat(answer.headers().get("location")).matches("/realtime/call/[A-Za-z0-9_-]{20,}");
        assertThat(answer.body()).startsWith("v=0").contains("a=setup:active");
        LocalCall call = callAnswering(server, answer);
        assertThat(call.state()).isEqualTo(LocalCall.State.CREATED);
        assertThat(call.offerSdp()).as("Chromium's offer, with its fake microphone").contains("m=audio")
                .contains("m=application");
        assertThat(call.session()).as("the app's session went upstream, not to the page")
                .contains(TokenServer.INSTRUCTIONS).contains("\"voice\":\"marin\"");
        assertThat(server.callEndpoint().openCalls(DemoLogin.USER)).isEqualTo(1);
        assertNothingSecretReachedThePage(responses, call.id());

        network.clear();
        browser.findElement(By.id("revoke")).click();
        chromium.waiting().until(driver -> "revoked".equals(endReason()));

        LocalCall hungUp = local(server).awaitCall(call.id(), LocalCall.State.HUNG_UP).block(WAIT);
        assertThat(hungUp.controls(LocalControl.Operation.HANGUP)).singleElement()
                .satisfies(control -> assertThat(control.status()).isEqualTo(200));
        assertThat(server.callEndpoint().openCalls(DemoLogin.USER)).isZero();
        assertThat(chromium.text("status")).isEqualTo("Revoked: the app hung up 1 call of yours.");
        assertThat(chromium.text("signaling")).isEqualTo("closed");
        List<NetworkCapture.Response> revocation = network.responses();
        assertThat(revocation).singleElement().satisfies(response -> {
            assertThat(response.url()).isEqualTo(server.url() + "demo/revoke");
            assertThat(response.body()).isEqualTo("{\"ended\":1}");
        });
        assertNothingSecretReachedThePage(revocation, call.id());
    }

    @Test
    void theHangUpButtonDeletesTheLocationAndTheAppHangsTheCallUp() {
        startCall(server);
        List<NetworkCapture.Response> responses = network.responses();
        NetworkCapture.Response answer = answerTo(responses);
        LocalCall call = callAnswering(server, answer);

        network.clear();
        browser.findElement(By.id("hangup")).click();
        chromium.waiting().until(driver -> "hung-up".equals(endReason()));

        assertThat(chromium.text("status")).isEqualTo("You hung up: the app ended the call.");
        List<NetworkCapture.Response> hangup = network.responses();
        assertThat(hangup).singleElement().satisfies(response -> {
            assertThat(response.method()).isEqualTo("DELETE");
            assertThat(response.url()).isEqualTo(server.url() + answer.headers().get("location").substring(1));
            assertThat(response.status()).isEqualTo(204);
        });
        LocalCall hungUp = local(server).awaitCall(call.id(), LocalCall.State.HUNG_UP).block(WAIT);
        assertThat(hungUp.controls(LocalControl.Operation.HANGUP)).singleElement()
                .satisfies(control -> assertThat(control.status()).isEqualTo(200));
        assertThat(server.callEndpoint().openCalls(DemoLogin.USER)).isZero();
        assertNothingSecretReachedThePage(hangup, call.id());
    }

    @Test
    void theAppHangsUpAtItsTimeLimitWhateverThePageDoes() {
        try (TokenServer shortCalls = TokenServer.startLocal(0, false, "--" + TokenServer.CALL_MAX_DURATION_PROPERTY + "=3s")) {
            assertThat(shortCalls.callEndpoint().maxDuration()).isEqualTo(Duration.ofSeconds(3));
            clickStart(shortCalls);
            // On a slow machine the page may have counted the 3 s down before the test looks.
            assertThat(pageState()).as("status: %s / error: %s", chromium.text("status"), chromium.text("error"))
                    .isIn("connected", "ended");
            LocalCall call = callAnswering(shortCalls, answerTo(network.responses()));

            LocalCall hungUp = local(shortCalls).awaitCall(call.id(), LocalCall.State.HUNG_UP).block(WAIT);
            assertThat(hungUp.controls(LocalControl.Operation.HANGUP)).hasSize(1);
            chromium.waiting().until(driver -> "time-limit".equals(endReason()));
            assertThat(chromium.text("status")).isEqualTo("Time is up: the app ends each call after 0:03.");
            assertThat(network.responses()).as("the page sent no hang-up of its own")
                    .noneMatch(response -> response.method().equals("DELETE"));
            assertThat(shortCalls.callEndpoint().openCalls()).isZero();
        }
    }

    @Test
    void theCaptureFindsASecretWhereAPageReceivesOne() {
        // The token page receives a client secret by design: the same capture must see it, or the
        // absence checks above would prove nothing.
        browser.get(server.url());
        chromium.waiting().until(driver -> "ready".equals(pageState()));

        assertThat(network.responses())
                .filteredOn(response -> response.url().endsWith("/realtime/session"))
                .singleElement()
                .satisfies(response -> assertThat(response.everything()).contains("ek_local_"));
    }

    @Test
    void withoutTheDemoCookieNoCallStartsAndNoneIsEnded() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        int callsBefore = local(server).calls().size();

        HttpResponse<String> offer = http.send(HttpRequest.newBuilder(URI.create(server.url() + "realtime/call"))
                .timeout(WAIT).header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString("v=0\r\n")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> revoke = http.send(HttpRequest.newBuilder(URI.create(server.url() + "demo/revoke"))
                .timeout(WAIT).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> hangup = http.send(HttpRequest.newBuilder(URI.create(server.url() + "realtime/call/x"))
                .timeout(WAIT).DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(offer.statusCode()).isEqualTo(403);
        assertThat(revoke.statusCode()).isEqualTo(403);
        assertThat(revoke.body()).contains("\"forbidden\"");
        assertThat(hangup.statusCode()).isEqualTo(404);
        assertThat(local(server).calls()).hasSize(callsBefore);
    }
}
