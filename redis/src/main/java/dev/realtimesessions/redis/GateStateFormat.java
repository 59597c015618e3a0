package dev.realtimesessions.redis;

import dev.realtimesessions.RateGateState;
import dev.realtimesessions.ValidationException;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RateGateState} as {@link RedisSharedRateGate} writes it, in a key and on the channel:
 * one line of text, fields separated by {@code ;}, the origin last (it may hold anything):
 * {@code 1;<credential>;<limit>;<interval ns>;<until µs of the epoch>;<in flight>;<origin>}, for
 * example {@code 1;q3Jt…;500;120000000;1767261615123457;3;5b2c…}. {@code until} is rounded up to
 * the microsecond (a hold never ends early) and stays below 2^53, so the Lua script compares it
 * exactly. Read tolerantly: anything that is not such a line, or whose values a state refuses, is
 * {@code null}, never an exception.
 */
final class GateStateFormat {

    /** The version in front of every value; another is not read. */
    static final String VERSION = "1";

    private GateStateFormat() {
    }

    static String write(RateGateState state) {
        return VERSION + ';' + state.credential() + ';' + state.limit() + ';' + state.interval().toNanos() + ';'
                + untilMicros(state) + ';' + state.inFlight() + ';' + state.origin();
    }

    /** {@code until} in microseconds of the epoch, rounded up. */
    static long untilMicros(RateGateState state) {
        Instant until = state.until();
        long micros = Math.multiplyExact(until.getEpochSecond(), 1_000_000L) + until.getNano() / 1_000;
        return until.getNano() % 1_000 == 0 ? micros : micros + 1;
    }

    /** The state a value holds, or null if it holds none. */
    static @Nullable RateGateState read(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String[] fields = value.split(";", 7);
        if (fields.length != 7 || !VERSION.equals(fields[0])) {
            return null;
        }
        try {
            long limit = Long.parseLong(fields[2]);
            long interval = Long.parseLong(fields[3]);
            long until = Long.parseLong(fields[4]);
            int inFlight = Integer.parseInt(fields[5]);
            if (interval < 0) {
                return null;
            }
            return new RateGateState(fields[1], fields[6], limit, Duration.ofNanos(interval),
                    Instant.EPOCH.plusSeconds(Math.floorDiv(until, 1_000_000L))
                            .plusNanos(Math.floorMod(until, 1_000_000L) * 1_000L), inFlight);
        } catch (NumberFormatException | ValidationException | ArithmeticException e) {
            return null;
        }
    }
}
