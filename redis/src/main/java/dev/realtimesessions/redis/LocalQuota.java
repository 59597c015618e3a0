package dev.realtimesessions.redis;

import java.util.HashMap;
import java.util.Map;

/**
 * The per-user counts a {@link RedisTokenQuota} keeps in this JVM while Redis is unavailable: the
 * same fixed windows as in Redis, dropped together when a window ends, at most {@code maxUsers}
 * users per window (a user beyond that is refused until the window ends). The users are held as
 * their digests, never their names. Thread-safe.
 */
final class LocalQuota {

    private final int requests;
    private final int maxUsers;
    private final Map<String, int[]> counts = new HashMap<>();
    private long window = Long.MIN_VALUE;

    LocalQuota(int requests, int maxUsers) {
        this.requests = requests;
        this.maxUsers = maxUsers;
    }

    /** Takes one from {@code user}'s count in {@code window}; whether there was one left. */
    boolean tryAcquire(String user, long window) {
        synchronized (counts) {
            if (window != this.window) {
                counts.clear();
                this.window = window;
            }
            int[] count = counts.get(user);
            if (count == null) {
                if (counts.size() >= maxUsers) {
                    return false;
                }
                count = new int[1];
                counts.put(user, count);
            }
            if (count[0] >= requests) {
                return false;
            }
            count[0]++;
            return true;
        }
    }
}
