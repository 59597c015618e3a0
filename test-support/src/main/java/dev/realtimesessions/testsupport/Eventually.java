package dev.realtimesessions.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits in real time for something another thread makes true, with a bound that only keeps a
 * broken test from hanging the build: never a figure the test asserts (the bound is generous, and
 * how soon it happens is not checked).
 */
public final class Eventually {

    private Eventually() {
    }

    /**
     * Returns once {@code condition} holds, checking it every few milliseconds.
     *
     * @param what what is awaited, for the failure's message
     * @param condition checked on the calling thread until it holds
     * @param bound how long to wait at most
     * @throws AssertionError if it does not hold within {@code bound}, or the wait is interrupted
     */
    public static void await(String what, BooleanSupplier condition, Duration bound) {
        if (!within(condition, bound)) {
            throw new AssertionError("did not happen within " + bound + ": " + what);
        }
    }

    /**
     * Whether {@code condition} holds within {@code bound}, checking it every few milliseconds.
     *
     * @param condition checked on the calling thread until it holds
     * @param bound how long to wait at most
     * @return {@code true} as soon as it holds, {@code false} once {@code bound} has passed
     * @throws AssertionError if the wait is interrupted
     */
    public static boolean within(BooleanSupplier condition, Duration bound) {
        long end = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
        return true;
    }
}
