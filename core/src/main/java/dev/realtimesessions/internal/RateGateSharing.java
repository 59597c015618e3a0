package dev.realtimesessions.internal;

import dev.realtimesessions.RateGateState;
import dev.realtimesessions.SharedRateGate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * A {@link RateGate}'s link to the rate gates of other clients through a {@link SharedRateGate}: it
 * publishes what a lane learned from an answer, and merges what the others learned into the lanes
 * of this gate, opening one for a credential under pressure elsewhere. News is never published
 * again, and this client's own is ignored (it knows it already).
 *
 * <p>Times cross as wall-clock instants: a pace's {@code tat}, in the nanoseconds of the scheduler's
 * clock, is sent as the scheduler's milliseconds of the epoch plus the nanoseconds it is ahead, and
 * read back the same way (Reactor's schedulers read one from the wall clock and the other from
 * {@code System.nanoTime()}, so the two are not one number in two units).
 *
 * <p>Threads: a publish runs on the thread of the answer that taught the lane (an event loop) and
 * only hands the state over; news may arrive on any thread, and is merged there at once (a
 * compare-and-set of the lane's pace, a lane opened if need be), but the lane's release loop, which
 * lets calls go, runs in a task on the scheduler, never on the store's own threads. Nothing here
 * takes a lock.
 */
final class RateGateSharing {

    private static final Logger log = LoggerFactory.getLogger("dev.realtimesessions.RealtimeSessions");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    /** The length of a credential's digest: 128 bits in base64url without padding. */
    private static final int DIGEST_LENGTH = 22;
    /** How far from now a time may be before it is taken as garbage (RatePace's longest window is two days). */
    private static final Duration FURTHEST = Duration.ofDays(3);

    private final SharedRateGate shared;
    private final RateGate gate;
    private final long maxHold;
    /** This client, as its states name it: random, so that it recognizes its own news. */
    private final String origin = UUID.randomUUID().toString();
    private volatile @Nullable Disposable news;
    /** Whether a publish has thrown: the first is a WARN, the others DEBUG. */
    private volatile boolean publishFailed;

    RateGateSharing(SharedRateGate shared, RateGate gate, long maxHold) {
        this.shared = shared;
        this.gate = gate;
        this.maxHold = maxHold;
    }

    /** Subscribes to the other clients' news, the lanes it moves released on {@code timer}; a failure to subscribe is a WARN. */
    void start(Scheduler timer) {
        try {
            news = shared.news().subscribe(state -> heard(state, timer), this::lost,
                    () -> log.info("The shared rate gate's news ended: this client paces on what it learns itself"));
        } catch (RuntimeException e) {
            lost(e);
        }
    }

    /** Cancels the subscription to the news. */
    void stop() {
        Disposable subscription = news;
        if (subscription != null) {
            subscription.dispose();
        }
    }

    private void lost(Throwable error) {
        log.warn("The shared rate gate's news failed ({}): this client paces on what it learns itself from now on",
                Redactor.redact(String.valueOf(error)));
    }

    /**
     * Passes on what a lane just learned from an answer; a publish that throws is logged and
     * ignored.
     *
     * @param inFlight the requests sent for the credential and not answered yet
     */
    void publish(RateGate.Credential credential, RatePace pace, long inFlight, Scheduler timer) {
        try {
            long now = timer.now(TimeUnit.NANOSECONDS);
            Instant until = Instant.ofEpochMilli(timer.now(TimeUnit.MILLISECONDS)).plusNanos(pace.tat() - now);
            shared.publish(new RateGateState(digest(credential), origin, pace.limit(), Duration.ofNanos(pace.interval()),
                    until, (int) Math.min(Integer.MAX_VALUE, Math.max(0, inFlight))));
        } catch (RuntimeException e) {
            if (!publishFailed) {
                publishFailed = true;
                log.warn("The shared rate gate failed to publish ({}): ignored, this client's gate is unaffected"
                        + " (further failures are logged at DEBUG)", Redactor.redact(String.valueOf(e)));
            } else if (log.isDebugEnabled()) {
                log.debug("The shared rate gate failed to publish ({})", Redactor.redact(String.valueOf(e)));
            }
        }
    }

    /** Another client's news, as it arrives: anything but this client's own is merged in at once. */
    private void heard(RateGateState state, Scheduler timer) {
        if (origin.equals(state.origin())) {
            return;
        }
        RateGate.Credential credential = credential(state.credential());
        if (credential == null) {
            log.debug("Ignored a shared rate-gate state with a malformed credential digest");
            return;
        }
        try {
            merge(credential, state, timer);
        } catch (RuntimeException e) {
            // the scheduler is shut down (the application is stopping); nothing else here throws
            log.debug("Ignored a shared rate-gate state: {}", e.toString());
        }
    }

    /**
     * Merges another client's state into the credential's lane (opened if its bucket is not whole
     * yet), unless it is implausible: a time days away, or a wait longer than this client honours.
     * The requests the other client had in flight are counted as taken from the bucket.
     */
    private void merge(RateGate.Credential credential, RateGateState state, Scheduler timer) {
        long now = timer.now(TimeUnit.NANOSECONDS);
        Duration ahead = Duration.between(Instant.ofEpochMilli(timer.now(TimeUnit.MILLISECONDS)), state.until());
        if (ahead.compareTo(FURTHEST) > 0 || ahead.compareTo(FURTHEST.negated()) < 0
                || state.interval().toMillis() > TimeUnit.NANOSECONDS.toMillis(maxHold)) {
            log.debug("Ignored an implausible shared rate-gate state: {}", state);
            return;
        }
        RatePace heard = new RatePace(state.limit(), state.interval().toNanos(), now + ahead.toNanos());
        if (!heard.plausible(now, maxHold)) {
            log.debug("Ignored an implausible shared rate-gate state: {}", state);
            return;
        }
        if (heard.paced() && state.inFlight() > 0) {
            heard = new RatePace(heard.limit(), heard.interval(),
                    heard.tat() + Math.min(state.inFlight(), heard.limit()) * heard.interval());
            if (!heard.plausible(now, maxHold)) {
                log.debug("Ignored an implausible shared rate-gate state: {}", state);
                return;
            }
        }
        RateLane lane = gate.lane(credential);
        if (lane == null) {
            if (heard.tat() <= now) {
                return;
            }
            lane = gate.openLane(credential);
            if (lane == null) {
                return;
            }
        }
        lane.merge(heard, timer);
    }

    /** A credential as states carry it: its 128 bits in base64url without padding. */
    static String digest(RateGate.Credential credential) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (credential.high() >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (credential.low() >>> (56 - 8 * i));
        }
        return ENCODER.encodeToString(bytes);
    }

    /** The credential a digest names, or null if it is not one. */
    static RateGate.@Nullable Credential credential(String digest) {
        if (digest.length() != DIGEST_LENGTH) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(digest);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes.length != 16) {
            return null;
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bytes[i] & 0xff);
            low = (low << 8) | (bytes[8 + i] & 0xff);
        }
        return new RateGate.Credential(high, low);
    }
}
