/**
 * Immutable records for the Realtime token endpoints' requests and responses, and the open enums
 * ({@link dev.realtimesessions.model.Voice}, {@link dev.realtimesessions.model.Modality}, ...)
 * they use.
 *
 * <p>Field names follow OpenAI's published schemas; each record's Javadoc names the JSON object it
 * stands for. Nothing in this package accepts or returns {@code null} unless marked
 * {@code @Nullable}.
 */
@NullMarked
package dev.realtimesessions.model;

import org.jspecify.annotations.NullMarked;
