/**
 * The client that mints OpenAI Realtime client secrets, its options and its errors.
 *
 * <p>Start with {@link dev.realtimesessions.RealtimeSessions#builder()}. Nothing in this package
 * accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package dev.realtimesessions;

import org.jspecify.annotations.NullMarked;
