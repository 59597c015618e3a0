package dev.realtimesessions;

import static dev.realtimesessions.testing.Fixtures.client;
import static dev.realtimesessions.testing.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.testing.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The rate gate paces a key against a server that keeps a token bucket in virtual time and
 * reports it as OpenAI does ({@code x-ratelimit-limit-requests}, {@code -remaining-},
 * {@code -reset-} until the bucket is whole, a 429 when it is empty). The client's clock and the
 * server's are the same virtual clock; the test moves it a millisecond at a time and, after each
 * step, waits for every request on the wire to be answered. Outcomes are counted, never timed.
 */
@SuppressWarnings("deprecation") // the beta endpoint's small answer keeps the server simple
class RateGatePacingTest {

    private static final String CALL = "call";

    private final MockWebServer server = new MockWebServer();
    private final Calls calls = new Calls();
    private VirtualTimeScheduler time;
    private Bucket bucket;

    @BeforeEach
    void start() throws Exception {
        time = VirtualTimeScheduler.getOrSet();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        VirtualTimeScheduler.reset();
    }

    @Test
    void aBurstLargerThanTheBucketGoesInOrderAtTheServersRateWithoutA429() {
        bucket = new Bucket(20, 10);
        try (RealtimeSessions sessions = client(server).callListener(calls).build()) {
            start(sessions, 60, RequestOptions.none());
            settle();
            assertThat(calls.started()).as("the first window, then what the first answers say the bucket holds")
                    .isBetween(11, 20);
            runUntilDone(60);
        }
        assertThat(calls.succeeded.get()).isEqualTo(60);
        assertThat(bucket.refused()).as("429s").isZero();
        assertThat(server.getRequestCount()).isEqualTo(60);
        assertThat(calls.order).as("attempts started in the order the calls came").isSorted().hasSize(60);
        assertThat(bucket.lastArrival()).as("no faster than the server allows, and not much slower")
                .isBetween(400L, 420L);
        assertThat(bucket.mostInAnyWindow(100)).as("requests in any 100 ms after the burst").isLessThanOrEqualTo(11);
    }

    @Test
    void whenTheServerHalvesItsRateAndRestoresItTheGateFollows() {
        bucket = new Bucket(20, 10).changeAt(300, 20).changeAt(600, 10);
        try (RealtimeSessions sessions = client(server).callListener(calls).build()) {
            start(sessions, 100, RequestOptions.none());
            runUntilDone(100);
        }
        assertThat(calls.succeeded.get()).isEqualTo(100);
        assertThat(bucket.refused()).as("429s").isZero();
        assertThat(bucket.arrivalsBetween(100, 300)).as("at 100 a second").isBetween(19, 21);
        assertThat(bucket.arrivalsBetween(350, 550)).as("at 50 a second").isBetween(9, 11);
        // Faster again, at least: a lane that was cautious while the rate fell may find the bucket fuller than
        // it thought, and the server's 429 count above says it never took more than the bucket held.
        assertThat(bucket.arrivalsBetween(650, 850)).as("at 100 a second again").isGreaterThanOrEqualTo(19);
    }

    @Test
    void callsWhoseTurnWouldComeAfterTheirDeadlineFailAtOnceAndAreNotSent() {
        bucket = new Bucket(12, 100);
        RequestOptions oneSecond = RequestOptions.builder().timeout(Duration.ofSeconds(1)).build();
        try (RealtimeSessions sessions = client(server).callListener(calls).build()) {
            start(sessions, 40, oneSecond);
            settle();
            assertThat(calls.notSent).as("once the first answers tell the rate, turns past 1 s are known at once")
                    .hasSize(20);
            assertThat(calls.notSent).allSatisfy(error -> {
                assertThat(error).isInstanceOf(RateLimitException.class).hasMessageContaining("was not sent")
                        .hasMessageContaining("about 10 requests a second");
                assertThat(((RateLimitException) error).retryAfter()).hasValueSatisfying(wait ->
                        assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
            });
            Throwable late = Fixtures.failure(sessions.create(request(), oneSecond));
            assertThat(late).as("a call that comes when the line is known is told before it waits")
                    .isInstanceOf(RateLimitException.class).hasMessageContaining("was not sent");
            runUntilDone(41);
        }
        assertThat(calls.succeeded.get()).isEqualTo(20);
        assertThat(server.getRequestCount()).as("only the calls that made it were sent").isEqualTo(20);
        assertThat(bucket.refused()).isZero();
    }

    @Test
    void eachHeldCallIsToldTheWaitItThenHas() {
        bucket = new Bucket(12, 100);
        try (RealtimeSessions sessions = client(server).callListener(calls).build()) {
            start(sessions, 15, RequestOptions.none());
            settle();
            calls.holds.clear();
            // The gate knows the rate now, and four wait: three more join the line, one interval apart.
            for (int i = 0; i < 3; i++) {
                sessions.create(request()).contextWrite(Context.of(CALL, 100 + i)).subscribe(value -> { }, error -> { });
            }
            settle();
            assertThat(calls.holds).hasSize(3);
            long joined = time.now(TimeUnit.MILLISECONDS);
            runUntilDone(18);
            assertThat(calls.startedAt.subList(15, 18)).as("each started when it was told")
                    .containsExactly(joined + calls.holds.get(0), joined + calls.holds.get(1),
                            joined + calls.holds.get(2));
            assertThat(calls.holds.get(1) - calls.holds.get(0)).isEqualTo(100);
            assertThat(calls.holds.get(2) - calls.holds.get(1)).isEqualTo(100);
        }
        assertThat(calls.succeeded.get()).isEqualTo(18);
        assertThat(bucket.refused()).isZero();
    }

    @Test
    void aFreshClientSendsItsFirstWindowAndOneMoreThenWaitsForAnAnswer() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        bucket = new Bucket(1_000, 1).holdUntil(answer);
        try (RealtimeSessions sessions = client(server).callListener(calls).build()) {
            start(sessions, 30, RequestOptions.none());
            awaitUntil("eleven requests reached the server", server::getRequestCount, 11);
            assertThat(calls.started()).as("the others wait for an answer (or a virtual second)").isEqualTo(11);
            answer.countDown();
            runUntilDone(30);
        }
        assertThat(calls.succeeded.get()).isEqualTo(30);
    }

    @Test
    void aClientTheServerNeverLimitsIsNeverHeld() {
        bucket = new Bucket(5_000, 1);
        try (RealtimeSessions sessions = client(server).callListener(calls).build()) {
            List<Integer> done = Flux.range(0, 200)
                    .flatMap(i -> sessions.create(request()).thenReturn(i), 8)
                    .collectList()
                    .block(Fixtures.WAIT);
            assertThat(done).hasSize(200);
        }
        assertThat(calls.holds).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(200);
    }

    /** Subscribes {@code count} calls at once, numbered in the Reactor context. */
    private static void start(RealtimeSessions sessions, int count, RequestOptions options) {
        Flux.range(0, count)
                .flatMap(i -> sessions.create(request(), options).contextWrite(Context.of(CALL, i))
                        .onErrorResume(error -> Mono.empty()), count)
                .subscribe();
    }

    /** Moves the virtual clock a millisecond at a time until {@code count} calls have ended. */
    private void runUntilDone(int count) {
        settle();
        for (int step = 0; calls.ended() < count; step++) {
            assertThat(step).as("virtual milliseconds").isLessThan(60_000);
            time.advanceTimeBy(Duration.ofMillis(1));
            settle();
        }
    }

    /**
     * Waits until every attempt started has ended: then nothing is on the wire, and nothing more
     * can happen until the virtual clock moves (the gate lets calls go only on an answer or a timer).
     */
    private void settle() {
        long end = System.nanoTime() + Fixtures.WAIT.toNanos();
        while (System.nanoTime() < end) {
            int before = calls.attemptsEnded.get();
            int started = calls.started();
            if (started == before && calls.attemptsEnded.get() == before) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("requests still on the wire: " + calls.started() + " started, "
                + calls.attemptsEnded.get() + " ended");
    }

    private static void awaitUntil(String what, IntSupplier value, int expected) throws InterruptedException {
        long end = System.nanoTime() + Fixtures.WAIT.toNanos();
        while (value.getAsInt() < expected && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(value.getAsInt()).as(what).isEqualTo(expected);
    }

    /** What the calls did, from a listener on each. */
    private static final class Calls implements CallListener.Factory {
        final List<Integer> order = new CopyOnWriteArrayList<>();
        final List<Long> startedAt = new CopyOnWriteArrayList<>();
        final List<Long> holds = new CopyOnWriteArrayList<>();
        final List<Throwable> notSent = new CopyOnWriteArrayList<>();
        final AtomicInteger attemptsEnded = new AtomicInteger();
        final AtomicInteger succeeded = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        int started() {
            return order.size();
        }

        int ended() {
            return succeeded.get() + failed.get();
        }

        @Override
        public CallListener callStarted(String endpoint, ContextView context) {
            int call = context.getOrDefault(CALL, -1);
            return new CallListener() {
                @Override
                public void attemptStarted(int attempt, java.util.function.BiConsumer<String, String> requestHeaders) {
                    startedAt.add(VirtualTimeScheduler.get().now(TimeUnit.MILLISECONDS));
                    order.add(call);
                }

                @Override
                public void attemptSucceeded(int attempt, int status, String requestId) {
                    attemptsEnded.incrementAndGet();
                }

                @Override
                public void attemptFailed(int attempt, RealtimeSessionsException error) {
                    attemptsEnded.incrementAndGet();
                }

                @Override
                public void rateGateHeld(Duration wait) {
                    holds.add(wait.toMillis());
                }

                @Override
                public void callSucceeded(int status, int attempts) {
                    succeeded.incrementAndGet();
                }

                @Override
                public void callFailed(RealtimeSessionsException error, int attempts) {
                    if (attempts == 0) {
                        notSent.add(error);
                    }
                    failed.incrementAndGet();
                }
            };
        }
    }

    /**
     * The server's token bucket on the virtual clock: {@code capacity} requests, one back every
     * {@code intervalMillis} (which may change at given times), answered as OpenAI answers.
     */
    private final class Bucket {
        private final int capacity;
        private final List<long[]> changes = new ArrayList<>();
        private final List<Long> arrivals = new ArrayList<>();
        private int refused;
        private double tokens;
        private long last;
        private volatile CountDownLatch hold = new CountDownLatch(0);

        Bucket(int capacity, long intervalMillis) {
            this.capacity = capacity;
            this.tokens = capacity;
            changes.add(new long[] {0, intervalMillis});
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    hold.await(Fixtures.WAIT.toSeconds(), TimeUnit.SECONDS);
                    return answer();
                }
            });
        }

        Bucket changeAt(long atMillis, long intervalMillis) {
            changes.add(new long[] {atMillis, intervalMillis});
            return this;
        }

        Bucket holdUntil(CountDownLatch latch) {
            hold = latch;
            return this;
        }

        private long intervalAt(long millis) {
            long interval = 0;
            for (long[] change : changes) {
                if (millis >= change[0]) {
                    interval = change[1];
                }
            }
            return interval;
        }

        private synchronized MockResponse answer() {
            long now = time.now(TimeUnit.MILLISECONDS);
            for (long at = last; at < now; at++) {
                tokens = Math.min(capacity, tokens + 1.0 / intervalAt(at));
            }
            last = Math.max(last, now);
            arrivals.add(now);
            boolean granted = tokens >= 1;
            if (granted) {
                tokens -= 1;
            } else {
                refused++;
            }
            long untilWhole = (long) Math.ceil((capacity - tokens) * intervalAt(now));
            MockResponse.Builder answer = (granted ? Fixtures.ok().newBuilder() : Fixtures.status(429)
                    .addHeader("retry-after", "1"))
                    .addHeader("x-ratelimit-limit-requests", Integer.toString(capacity))
                    .addHeader("x-ratelimit-remaining-requests", Long.toString((long) Math.floor(tokens)))
                    .addHeader("x-ratelimit-reset-requests", untilWhole + "ms");
            return answer.build();
        }

        synchronized int refused() {
            return refused;
        }

        synchronized long lastArrival() {
            return arrivals.stream().mapToLong(Long::longValue).max().orElse(-1);
        }

        synchronized int arrivalsBetween(long fromMillis, long toMillis) {
            return (int) arrivals.stream().filter(at -> at >= fromMillis && at < toMillis).count();
        }

        /** The most arrivals in any window of that length starting after the first 50 ms. */
        synchronized int mostInAnyWindow(long millis) {
            int most = 0;
            for (long from = 50; from <= lastArrival(); from++) {
                most = Math.max(most, arrivalsBetween(from, from + millis));
            }
            return most;
        }
    }
}
