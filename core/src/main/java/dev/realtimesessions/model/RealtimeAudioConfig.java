package dev.realtimesessions.model;

import org.jspecify.annotations.Nullable;

/**
 * The audio of a GA realtime session ({@code audio}): what the client sends and what the model
 * speaks. A {@code null} side is left out and the server's defaults apply.
 *
 * @param input the input audio ({@code input})
 * @param output the output audio ({@code output})
 */
public record RealtimeAudioConfig(@Nullable AudioInputConfig input, @Nullable AudioOutputConfig output) {
}
