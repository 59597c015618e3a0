package dev.realtimesessions.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.realtimesessions.RealtimeSessions;
import dev.realtimesessions.adapter.testing.Upstream;
import dev.realtimesessions.local.LocalRealtimeEndpoint;
import io.micrometer.context.ContextRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Hooks;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

class RealtimeSessionsMdcTest {

    @AfterAll
    static void restoreGlobals() {
        Hooks.disableAutomaticContextPropagation();
        ContextRegistry.getInstance().removeThreadLocalAccessor("requestId");
    }

    @Test
    void anMdcKeyInTheContextShowsInTheLibrarysLogLinesForThatCall() {
        RealtimeSessionsMdc.propagate("requestId");
        Logger logger = (Logger) LoggerFactory.getLogger("dev.realtimesessions");
        Level previous = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        try (LocalRealtimeEndpoint endpoint = LocalRealtimeEndpoint.start();
             RealtimeSessions sessions = RealtimeSessions.builder().apiKey(LocalRealtimeEndpoint.API_KEY)
                     .baseUrl(endpoint.baseUrl()).build()) {
            StepVerifier.create(sessions.createClientSecret(Upstream.request())
                            .contextWrite(Context.of("requestId", "req-browser-42")))
                    .expectNextCount(1).verifyComplete();
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(previous);
        }
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = new ArrayList<>(appender.list);
        }
        List<ILoggingEvent> success = events.stream()
                .filter(event -> event.getFormattedMessage().contains("after 1 attempt")).toList();
        assertThat(success).as("the library's success line").hasSize(1);
        assertThat(success.get(0).getMDCPropertyMap()).containsEntry("requestId", "req-browser-42");
        assertThat(success.get(0).getThreadName()).as("logged on an event loop").isNotEqualTo(Thread.currentThread().getName());
        assertThat(MDC.get("requestId")).as("nothing leaks into the caller's MDC").isNull();
    }
}
