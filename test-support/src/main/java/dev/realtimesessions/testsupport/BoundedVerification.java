package dev.realtimesessions.testsupport;

import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.test.StepVerifier;

/** Bounds every StepVerifier verification in real time, so that a broken call fails a test instead of hanging the build. */
public final class BoundedVerification implements BeforeAllCallback {

    /** Creates the extension; JUnit calls it. */
    public BoundedVerification() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        StepVerifier.setDefaultTimeout(Duration.ofSeconds(30));
    }
}
