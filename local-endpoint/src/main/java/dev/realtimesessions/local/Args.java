package dev.realtimesessions.local;

import org.jspecify.annotations.Nullable;

/** Argument checks for the public API: a missing argument is an {@link IllegalArgumentException} naming it. */
final class Args {

    private Args() {
    }

    static <T> T required(String name, @Nullable T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
