package dev.realtimesessions.testsupport;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test class when Netty's leak detector (at PARANOID in this build) reports a leaked
 * buffer while it ran. Registered for every test class through extension auto-detection.
 */
public final class LeakDetection implements BeforeAllCallback, AfterAllCallback {

    private static final ListAppender<ILoggingEvent> REPORTS = new ListAppender<>();

    static {
        Logger logger = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
        REPORTS.start();
        logger.addAppender(REPORTS);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (ResourceLeakDetector.getLevel() != ResourceLeakDetector.Level.PARANOID) {
            throw new IllegalStateException("tests must run with -Dio.netty.leakDetection.level=paranoid, but the level is "
                    + ResourceLeakDetector.getLevel());
        }
        synchronized (REPORTS) {
            REPORTS.list.clear();
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
            leaks = REPORTS.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(message -> message.contains("LEAK")).collect(Collectors.toList());
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError("Netty reported leaked buffers:\n" + String.join("\n", leaks));
        }
    }
}
