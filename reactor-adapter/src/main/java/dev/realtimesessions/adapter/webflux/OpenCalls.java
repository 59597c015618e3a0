package dev.realtimesessions.adapter.webflux;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * An endpoint's table of open calls ({@link CallKeeper}'s): by handle, and per user with the slots
 * each holds against the per-user limit. A slot is taken before a call is created
 * ({@link #reserve}) and held until the call is registered and then ended ({@link #remove}), or
 * given back if it never was ({@link #release}); a user without slots leaves the table, so its
 * memory is bounded by the calls open and starting. Each user's entry changes only inside
 * {@link ConcurrentHashMap#compute}, which keeps its count and list consistent without a lock of
 * its own. Thread-safe, non-blocking.
 */
final class OpenCalls {

    private final int maxPerUser;
    private final ConcurrentHashMap<String, OpenCall> byHandle = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, UserCalls> byUser = new ConcurrentHashMap<>();

    OpenCalls(int maxPerUser) {
        this.maxPerUser = maxPerUser;
    }

    /** One user's slots (calls starting or open) and open calls. */
    private static final class UserCalls {
        int slots;
        final List<OpenCall> open = new ArrayList<>(2);
    }

    /** Takes one of {@code user}'s slots; false when they hold the limit already. */
    boolean reserve(String user) {
        boolean[] taken = {false};
        byUser.compute(user, (name, calls) -> {
            UserCalls held = calls == null ? new UserCalls() : calls;
            if (held.slots < maxPerUser) {
                held.slots++;
                taken[0] = true;
            }
            return held;
        });
        return taken[0];
    }

    /** Gives back a slot {@link #reserve} took for a call that was never registered. */
    void release(String user) {
        byUser.computeIfPresent(user, (name, calls) -> --calls.slots == 0 ? null : calls);
    }

    /** Adds a created call under the slot {@link #reserve} took for it, which is still held. */
    void register(OpenCall call) {
        byUser.computeIfPresent(call.user(), (name, calls) -> {
            calls.open.add(call);
            return calls;
        });
        byHandle.put(call.handle(), call);
    }

    /** Takes an ended call out, and its slot with it. */
    void remove(OpenCall call) {
        byHandle.remove(call.handle(), call);
        byUser.computeIfPresent(call.user(), (name, calls) -> {
            if (!calls.open.remove(call)) {
                return calls;
            }
            return --calls.slots == 0 ? null : calls;
        });
    }

    /** The open call {@code handle} names, if it is {@code user}'s. */
    @Nullable OpenCall get(String user, String handle) {
        OpenCall call = byHandle.get(handle);
        return call != null && call.user().equals(user) ? call : null;
    }

    /** The open call {@code handle} names, whoever's it is. */
    @Nullable OpenCall get(String handle) {
        return byHandle.get(handle);
    }

    /** {@code user}'s open calls, a copy. */
    List<OpenCall> of(String user) {
        List<OpenCall> copy = new ArrayList<>();
        byUser.computeIfPresent(user, (name, calls) -> {
            copy.addAll(calls.open);
            return calls;
        });
        return copy;
    }

    /** Every open call, a copy. */
    List<OpenCall> all() {
        return new ArrayList<>(byHandle.values());
    }

    int count() {
        return byHandle.size();
    }

    int count(String user) {
        int[] count = {0};
        byUser.computeIfPresent(user, (name, calls) -> {
            count[0] = calls.open.size();
            return calls;
        });
        return count[0];
    }

    /** How many users hold at least one open call. */
    int users() {
        int users = 0;
        for (String user : byUser.keySet()) {
            users += count(user) > 0 ? 1 : 0;
        }
        return users;
    }

    /** The most open calls any one user holds. */
    int maxPerUser() {
        int most = 0;
        for (String user : byUser.keySet()) {
            most = Math.max(most, count(user));
        }
        return most;
    }
}
