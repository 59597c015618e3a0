package dev.realtimesessions.testsupport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails a test class when Netty's leak detector (at PARANOID in this build) reports a leaked
 * buffer while it ran. Registered for every test class through extension auto-detection.
 *
 * <p>Leaks are collected by the detectors themselves, through a {@link ResourceLeakDetectorFactory}
 * installed before Netty creates its first detector, not by listening to a logger: an application
 * under test (Spring Boot resets logging when it starts) cannot make the check go blind.
 *
 * <p>One kind of report is printed but does not fail the class: a buffer the Reactor Netty HTTP
 * client read and decoded ({@code HttpClientCodec}) whose access records show no frame of this
 * project, that is, a response buffer that never left Reactor Netty's receive path. Releasing
 * inbound data nobody consumed is Reactor Netty's job, and it has open races doing so when many
 * exchanges are cancelled or fail at once (reactor-netty issues 3683 and 4343). Any buffer this
 * project's code touched, allocated or served (test servers included) names a
 * {@code dev.realtimesessions} frame in its records, and its leak fails the class.
 */
public final class LeakDetection implements BeforeAllCallback, AfterAllCallback {

    private static final Logger log = LoggerFactory.getLogger(LeakDetection.class);
    private static final List<String> REPORTS = new ArrayList<>();

    static {
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
    }

    /** Creates the extension; JUnit calls it. */
    public LeakDetection() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (ResourceLeakDetector.getLevel() != ResourceLeakDetector.Level.PARANOID) {
            throw new IllegalStateException("tests must run with -Dio.netty.leakDetection.level=paranoid, but the level is "
                    + ResourceLeakDetector.getLevel());
        }
        synchronized (REPORTS) {
            REPORTS.clear();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            ByteBuf probe = PooledByteBufAllocator.DEFAULT.buffer(64);
            probe.release();
        }
        List<String> leaks;
        synchronized (REPORTS) {
            leaks = new ArrayList<>(REPORTS);
            REPORTS.clear();
        }
        List<String> upstream = leaks.stream().filter(LeakDetection::isUpstreamClientReceiveLeak).toList();
        leaks.removeAll(upstream);
        for (String report : upstream) {
            log.warn("NOT FAILING {}: a response buffer that never left Reactor Netty's HTTP client leaked"
                    + " (see LeakDetection):\n{}", context.getDisplayName(), report);
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError("Netty reported leaked buffers:\n" + String.join("\n", leaks));
        }
    }

    /** A client response buffer whose records show only Netty and Reactor Netty at work. */
    static boolean isUpstreamClientReceiveLeak(String report) {
        return report.contains("HttpClientCodec$Decoder") && !report.contains("dev.realtimesessions.");
    }

    private static void record(String report) {
        synchronized (REPORTS) {
            REPORTS.add(report);
        }
    }

    /** Makes every Netty leak detector one that also records its reports here. */
    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        @SuppressWarnings("deprecation")
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                long maxActive) {
            return new RecordingDetector<>(resource, samplingInterval);
        }
    }

    /** A leak detector that records each report before logging it as usual. */
    private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
        RecordingDetector(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            record("LEAK: " + resourceType + records);
            super.reportTracedLeak(resourceType, records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            record("LEAK: " + resourceType + " (untraced)");
            super.reportUntracedLeak(resourceType);
        }

        @Override
        protected boolean needReport() {
            return true;
        }
    }
}
