package dev.realtimesessions.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the examples' browser tests: Debian's {@code chromium} and
 * {@code chromium-driver} (which {@code .ci/run} installs), never a browser or driver looked up or
 * downloaded by Selenium Manager; a fresh profile, deleted at {@link #close()}; fake media devices
 * and an auto-accepted permission prompt, so that {@code getUserMedia} gives a test tone; and
 * Chromium's network events kept in the performance log, for {@link NetworkCapture}.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    /** The longest wait for a state of a page: generous, for a loaded shared machine. */
    static final Duration PAGE_WAIT = Duration.ofSeconds(30);

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /** Starts the browser with a window of {@code width} x {@code height} (what screenshots show). */
    static HeadlessChromium start(int width, int height) throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the browser tests need Debian's Chromium and ChromeDriver at %s and %s;"
                        + " install them with `apt-get install chromium chromium-driver` (.ci/run does)",
                        CHROMIUM, CHROMEDRIVER)
                .isTrue();
        Path profile = Files.createTempDirectory("examples-chromium");
        // The driver is given, never looked up or downloaded by Selenium Manager.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
                        // getUserMedia gets a fake microphone (a beep) without asking.
                        "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                        "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", logs);
        try {
            return new HeadlessChromium(profile, service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw e;
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, PAGE_WAIT);
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    String attribute(String id, String name) {
        return driver.findElement(By.id(id)).getDomAttribute(name);
    }

    /** Keeps what the browser shows in {@code target/}: the screenshots in docs/ are taken from there. */
    void screenshot(String name) throws IOException {
        Path file = Paths.get("target", name);
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
