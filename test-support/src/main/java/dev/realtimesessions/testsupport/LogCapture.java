package dev.realtimesessions.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Captures a logger's events in memory, at a chosen level, until closed. */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level previousLevel;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String name, Level level) {
        this.logger = (Logger) LoggerFactory.getLogger(name);
        this.previousLevel = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(level);
    }

    /**
     * Starts capturing {@code name} (and its children) at DEBUG.
     *
     * @param name the logger's name
     * @return the capture; close it to restore the logger
     */
    public static LogCapture debug(String name) {
        return new LogCapture(name, Level.DEBUG);
    }

    /**
     * The formatted messages so far, with the text of attached exceptions.
     *
     * @return the messages, oldest first
     */
    public List<String> messages() {
        synchronized (appender) {
            return new ArrayList<>(appender.list).stream().map(event -> event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : "\n" + event.getThrowableProxy().getMessage()))
                    .collect(Collectors.toList());
        }
    }

    /**
     * The formatted messages logged at INFO, WARN or ERROR so far: what production logs keep.
     *
     * @return the messages, oldest first
     */
    public List<String> messagesAtInfoOrAbove() {
        synchronized (appender) {
            return new ArrayList<>(appender.list).stream()
                    .filter(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                    .map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
        }
    }

    /**
     * Waits (really) until a message matches, up to {@code limit}.
     *
     * @param matching the condition
     * @param limit how long to wait
     * @return the first matching message
     * @throws InterruptedException if interrupted while waiting
     */
    public String await(Predicate<String> matching, Duration limit) throws InterruptedException {
        return await(0, matching, limit);
    }

    /**
     * Waits (really) until a message logged at index {@code from} or later matches.
     *
     * @param from the index of the first message to consider
     * @param matching the condition
     * @param limit how long to wait
     * @return the first matching message
     * @throws InterruptedException if interrupted while waiting
     */
    public String await(int from, Predicate<String> matching, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            List<String> messages = messages();
            for (String message : messages.subList(Math.min(from, messages.size()), messages.size())) {
                if (matching.test(message)) {
                    return message;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no log message matched within " + limit + "; got " + messages());
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
    }
}
