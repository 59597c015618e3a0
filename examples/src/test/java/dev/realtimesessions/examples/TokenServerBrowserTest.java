package dev.realtimesessions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The TokenServer's token page in a real headless Chromium ({@link HeadlessChromium}), against the
 * app on a random port minting against the embedded local endpoint. Waits are for states of the page, never for time.
 */
class TokenServerBrowserTest {

    private static TokenServer server;
    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @BeforeAll
    static void startServerAndBrowser() throws IOException {
        server = TokenServer.startLocal(0, false);
        chromium = HeadlessChromium.start(760, 620);
        browser = chromium.driver();
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

    private static WebDriverWait waiting() {
        return chromium.waiting();
    }

    private static String text(String id) {
        return chromium.text(id);
    }

    private static String pageState() {
        return chromium.attribute("status", "data-state");
    }

    private static int countdown() {
        return Integer.parseInt(chromium.attribute("countdown", "data-seconds"));
    }

    @Test
    void thePageFetchesASessionAndCountsDownToTheSecretsExpiry() throws IOException {
        browser.get(server.url());
        waiting().until(driver -> !"loading".equals(pageState()));

        assertThat(pageState()).as("status: %s / error: %s", text("status"), text("error")).isEqualTo("ready");
        assertThat(text("voice")).isEqualTo("marin");
        assertThat(text("model")).isEqualTo("gpt-realtime");
        assertThat(text("session-id")).startsWith("sess_local_");
        assertThat(text("secret")).startsWith("ek_local_").contains("\u2026");
        assertThat(text("upstream")).contains("embedded local endpoint");
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("connect")).isDisplayed())
                .as("no WebRTC connection is offered without a real key").isFalse();

        int first = countdown();
        assertThat(first).isPositive().isLessThanOrEqualTo((int) TokenServer.SECRET_LIFETIME.toSeconds());
        assertThat(text("countdown")).matches("\\d+:\\d\\d");
        waiting().until(driver -> countdown() != first);
        int second = countdown();
        assertThat(second).as("the countdown runs down").isLessThan(first).isPositive();
        assertThat(text("countdown")).matches("\\d+:\\d\\d");

        chromium.screenshot("token-page.png");
    }

    @Test
    void aRefusedCallShowsAReadableError() throws IOException {
        browser.get(server.url() + "?deny");
        waiting().until(driver -> !"loading".equals(pageState()));

        assertThat(pageState()).isEqualTo("error");
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isTrue();
        assertThat(text("error")).contains("The server refused to start a session (HTTP 403 forbidden).")
                .contains("Not allowed to start a realtime session.");
        assertThat(browser.findElement(By.id("session")).isDisplayed()).isFalse();
        chromium.screenshot("token-page-refused.png");
    }

    @Test
    void theButtonWithoutTheCookieIsRefusedAndTheNextMintWorksAgain() {
        browser.get(server.url());
        waiting().until(driver -> "ready".equals(pageState()));

        browser.findElement(By.id("deny")).click();
        waiting().until(driver -> "error".equals(pageState()));
        assertThat(text("error")).contains("HTTP 403").contains("Not allowed to start a realtime session.");

        browser.findElement(By.id("mint")).click();
        waiting().until(driver -> "ready".equals(pageState()));
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        assertThat(text("voice")).isEqualTo("marin");
    }

    @Test
    void theEndpointWantsTheCookieThePageSetsAndThePageFetchesNothingElsewhere() throws Exception {
        // HTTP/1.1 (no h2c upgrade attempt on a POST) and a bound on every exchange: a test never hangs.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.url())).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("connect-src 'self' https://api.openai.com"));
        assertThat(page.body()).doesNotContain("http://").doesNotContain("https://");
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        assertThat(cookie).startsWith(TokenServer.DEMO_COOKIE + "=");

        URI token = URI.create(server.url() + "realtime/session");
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(token).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"forbidden\"");

        HttpResponse<String> minted = http.send(HttpRequest.newBuilder(token).timeout(Duration.ofSeconds(30)).header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(minted.statusCode()).isEqualTo(200);
        assertThat(minted.body()).contains("\"value\":\"ek_local_").contains("\"voice\":\"marin\"")
                .doesNotContain("sk-");
    }

    @Test
    void withARealKeyThePageOffersTheWebRtcConnection() {
        // Mints locally but serves the page as with OPENAI_API_KEY set; the button is never clicked,
        // so nothing is sent to OpenAI.
        try (TokenServer asWithAKey = TokenServer.startLocal(0, true)) {
            browser.get(asWithAKey.url());
            waiting().until(driver -> "ready".equals(pageState()));

            assertThat(text("upstream")).isEqualTo("Minting against OpenAI");
            assertThat(browser.findElement(By.id("connect")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.id("connect")).isEnabled()).isTrue();
            assertThat(text("connect")).isEqualTo("Start talking");
            assertThat(browser.findElement(By.id("rtc")).isDisplayed()).isFalse();
        }
    }
}
