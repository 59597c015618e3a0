package dev.realtimesessions.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local endpoint's SDP answers in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}): the browser makes the offer with {@code RTCPeerConnection}, the test
 * exchanges it with the endpoint over HTTP, and the browser's {@code setRemoteDescription} must
 * accept the answer (signaling state back to {@code stable}). No media flows: the answer has no
 * ICE candidates.
 */
class SdpAnswerBrowserTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    private static final String BOUNDARY = "sdp-answer-browser-test";

    /** An offer like OpenAI's WebRTC guide makes: one audio track (here from a silent AudioContext) and the data channel. */
    private static final String AUDIO_AND_DATA = """
            window.pc = new RTCPeerConnection();
            const destination = new AudioContext().createMediaStreamDestination();
            pc.addTrack(destination.stream.getAudioTracks()[0], destination.stream);
            pc.createDataChannel('oai-events');
            """;
    private static final String SENDONLY_VIDEO_AND_DATA = """
            window.pc = new RTCPeerConnection();
            pc.addTransceiver('audio', {direction: 'sendonly'});
            pc.addTransceiver('video');
            pc.createDataChannel('oai-events');
            """;

    private static LocalRealtimeEndpoint endpoint;
    private static ChromeDriverService service;
    private static WebDriver browser;
    private static Path profile;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startEndpointAndBrowser() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the browser test needs Debian's Chromium and ChromeDriver at %s and %s", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        endpoint = LocalRealtimeEndpoint.start();
        profile = Files.createTempDirectory("sdp-answer-chromium");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        browser.get("about:blank");
    }

    @AfterAll
    static void stopBrowserAndEndpoint() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
            if (service != null) {
                service.stop();
            }
        } finally {
            if (endpoint != null) {
                endpoint.close();
            }
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }

    /** Runs {@code setup}, then creates and sets the local offer; returns its SDP. */
    private static String offer(String setup) {
        Object sdp = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "(async () => {" + setup
                + "await pc.setLocalDescription(await pc.createOffer()); done(pc.localDescription.sdp);"
                + "})().catch(e => done('ERROR ' + e));");
        assertThat((String) sdp).startsWith("v=0");
        return (String) sdp;
    }

    /** Applies the answer; returns the signaling state and each transceiver's mid and direction, or the error. */
    private static String apply(String answer) {
        return (String) ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "pc.setRemoteDescription({type: 'answer', sdp: arguments[0]})"
                + ".then(() => done(pc.signalingState + ' ' + pc.getTransceivers()"
                + ".map(t => t.mid + ':' + t.currentDirection).join(',')))"
                + ".catch(e => done('ERROR ' + e.message)); ", answer);
    }

    private HttpResponse<String> post(String url, String contentType, String body, String authorization)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("authorization", authorization).header("content-type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String realtimeAnswer(String offer) throws IOException, InterruptedException {
        String form = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"sdp\"\r\n"
                + "Content-Type: application/sdp\r\n\r\n" + offer + "\r\n--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"session\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"type\":\"realtime\",\"model\":\"gpt-realtime\"}\r\n--" + BOUNDARY + "--\r\n";
        HttpResponse<String> response = post(endpoint.baseUrl() + "/realtime/calls",
                "multipart/form-data; boundary=" + BOUNDARY, form, "Bearer " + LocalRealtimeEndpoint.API_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body();
    }

    @Test
    void chromiumAcceptsTheAnswerToItsAudioAndDataChannelOffer() throws Exception {
        String answer = realtimeAnswer(offer(AUDIO_AND_DATA));
        assertThat(apply(answer)).isEqualTo("stable 0:sendrecv");
    }

    @Test
    void chromiumAcceptsTheMirroredDirectionAndTheRejectedVideo() throws Exception {
        String answer = realtimeAnswer(offer(SENDONLY_VIDEO_AND_DATA));
        assertThat(apply(answer)).as("audio sendonly, video rejected").startsWith("stable 0:sendonly");
    }

    @Test
    void chromiumAcceptsAGptLiveAnswer() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        String body = json.writeValueAsString(Map.of("session", Map.of("model", "gpt-live-1"),
                "transport", Map.of("type", "webrtc", "sdp", offer(AUDIO_AND_DATA))));
        HttpResponse<String> response = post(endpoint.baseUrl() + "/live/sessions", "application/json", body,
                "Bearer " + LocalRealtimeEndpoint.API_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(apply(json.readTree(response.body()).path("transport").path("sdp").asString()))
                .isEqualTo("stable 0:sendrecv");
    }

    @Test
    void theCheckCanFail() throws Exception {
        String answer = realtimeAnswer(offer(AUDIO_AND_DATA));
        assertThat(apply(answer.replace("a=rtcp-mux\r\n", "")))
                .as("without a=rtcp-mux Chromium refuses the answer, so the checks above are real")
                .startsWith("ERROR").containsIgnoringCase("rtcp-mux must be enabled");
    }
}
