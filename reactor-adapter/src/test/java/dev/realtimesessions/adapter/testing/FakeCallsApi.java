package dev.realtimesessions.adapter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * OpenAI's calls API on a loopback MockWebServer: each offer to {@code POST /v1/realtime/calls} gets
 * {@link #ANSWER} and a new call id ({@code rtc_test_1}, {@code rtc_test_2}, ...), each hangup a 200;
 * both are recorded. Answers can be replaced, one request at a time, to play failures.
 */
public final class FakeCallsApi implements AutoCloseable {

    /** An offer shaped like a browser's, audio and a data channel. */
    public static final String OFFER = String.join("\r\n", "v=0", "o=- 4611731400430051336 2 IN IP4 127.0.0.1",
            "s=-", "t=0 0", "a=group:BUNDLE 0 1", "m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 0.0.0.0",
            "a=ice-ufrag:Rk7Q", "a=ice-pwd:hp8eLPWqZLOB9dZyIUa4QWlr",
            "a=fingerprint:sha-256 9C:2B:3E:8A:11:4D:0F:75:C6:1F:8E:20:3A:55:B7:91:0D:64:EE:7A:2C:48:9B:01:F3:6D:58:C2",
            "a=setup:actpass", "a=mid:0", "a=rtpmap:111 opus/48000/2",
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
            "a=mid:1", "a=sctp-port:5000", "");

    /** The answer to every offer. */
    public static final String ANSWER = String.join("\r\n", "v=0", "o=- 4227147428 1719357865 IN IP4 127.0.0.1",
            "s=-", "t=0 0", "a=group:BUNDLE 0 1", "m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=mid:0",
            "a=ice-ufrag:kZ2qkHXX/u11", "a=ice-pwd:uoD16Di5OGx3VbqgA3ymjEQV2kwiOjw6", "a=setup:active",
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "a=mid:1", "a=sctp-port:5000", "");

    /** The prefix of every call id it hands out. */
    public static final String CALL_ID_PREFIX = "rtc_test_";

    private static final Duration WAIT = Duration.ofSeconds(20);

    public final MockWebServer server = new MockWebServer();
    private final AtomicInteger calls = new AtomicInteger();
    private final BlockingQueue<RecordedRequest> offers = new LinkedBlockingQueue<>();
    private final BlockingQueue<RecordedRequest> hangups = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<MockResponse> nextOfferAnswers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<MockResponse> nextHangupAnswers = new ConcurrentLinkedQueue<>();

    public FakeCallsApi() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.equals("/v1/realtime/calls")) {
                    offers.add(request);
                    MockResponse replaced = nextOfferAnswers.poll();
                    return replaced != null ? replaced : created(CALL_ID_PREFIX + calls.incrementAndGet());
                }
                if (path.startsWith("/v1/realtime/calls/") && path.endsWith("/hangup")) {
                    hangups.add(request);
                    MockResponse replaced = nextHangupAnswers.poll();
                    return replaced != null ? replaced : new MockResponse.Builder().code(200).build();
                }
                return new MockResponse.Builder().code(404).build();
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockResponse created(String callId) {
        return new MockResponse.Builder().code(201).addHeader("content-type", "application/sdp")
                .addHeader("location", "/v1/realtime/calls/" + callId).body(ANSWER).build();
    }

    /** The base URL to point a client at. */
    public String baseUrl() {
        return server.url("/v1").toString();
    }

    /** Answers the next offer with {@code answer} instead. */
    public void answerNextOffer(MockResponse answer) {
        nextOfferAnswers.add(answer);
    }

    /** Answers the next hangup with {@code answer} instead. */
    public void answerNextHangup(MockResponse answer) {
        nextHangupAnswers.add(answer);
    }

    /** The next offer received, waiting for it (a bound, not a timing assertion). */
    public RecordedRequest takeOffer() throws InterruptedException {
        return take(offers, "an offer");
    }

    /** The next hangup received, waiting for it (a bound, not a timing assertion). */
    public RecordedRequest takeHangup() throws InterruptedException {
        return take(hangups, "a hangup");
    }

    /** The id a recorded hangup ended. */
    public static String callIdOf(RecordedRequest hangup) {
        String path = hangup.getUrl().encodedPath();
        return path.substring("/v1/realtime/calls/".length(), path.length() - "/hangup".length());
    }

    /** The id of the call created last. */
    public String lastCallId() {
        return CALL_ID_PREFIX + calls.get();
    }

    /** Offers received and not taken. */
    public int offersWaiting() {
        return offers.size();
    }

    /** Hangups received and not taken. */
    public int hangupsWaiting() {
        return hangups.size();
    }

    /** Forgets what was recorded and replaced, between tests. */
    public void reset() {
        offers.clear();
        hangups.clear();
        nextOfferAnswers.clear();
        nextHangupAnswers.clear();
    }

    private static RecordedRequest take(BlockingQueue<RecordedRequest> queue, String what) throws InterruptedException {
        @Nullable RecordedRequest request = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (request == null) {
            throw new AssertionError("expected " + what + " within " + WAIT);
        }
        return request;
    }

    @Override
    public void close() {
        server.close();
    }
}
