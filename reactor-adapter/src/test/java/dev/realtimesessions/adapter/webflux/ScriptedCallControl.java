package dev.realtimesessions.adapter.webflux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * OpenAI's call controls ({@code /v1/realtime/calls/{id}/accept}, {@code reject}, {@code refer},
 * {@code hangup}) on a loopback MockWebServer, for failures the local endpoint does not play: each
 * operation answers {@code 200} unless an answer was scripted for it, one request at a time. Every
 * request is recorded as {@code operation call_id}, in order.
 */
final class ScriptedCallControl implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<MockResponse>> scripts = new ConcurrentHashMap<>();

    ScriptedCallControl() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String[] segments = request.getUrl().encodedPath().split("/");
                String operation = segments[segments.length - 1];
                received.add(operation + " " + segments[segments.length - 2]);
                bodies.add(request.getBody() == null ? "" : request.getBody().utf8());
                MockResponse scripted = scripts.getOrDefault(operation, new ConcurrentLinkedQueue<>()).poll();
                return scripted != null ? scripted : new MockResponse.Builder().code(200).build();
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return server.url("/v1").toString();
    }

    /** Answers the next request of {@code operation} ({@code accept}, {@code reject}, ...) with {@code answer}. */
    void answerNext(String operation, MockResponse answer) {
        scripts.computeIfAbsent(operation, name -> new ConcurrentLinkedQueue<>()).add(answer);
    }

    /** The requests so far, as {@code operation call_id}, oldest first. */
    List<String> received() {
        return List.copyOf(received);
    }

    /** The request bodies so far, in the order of {@link #received()}. */
    List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** Forgets what was received and scripted, between tests. */
    void reset() {
        received.clear();
        bodies.clear();
        scripts.clear();
    }

    @Override
    public void close() {
        server.close();
    }
}
