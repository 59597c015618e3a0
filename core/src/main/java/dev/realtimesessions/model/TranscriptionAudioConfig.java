package dev.realtimesessions.model;

import org.jspecify.annotations.Nullable;

/**
 * The audio of a GA transcription session ({@code audio}): input only, since the model does not
 * speak. A {@code null} input is left out and the server's defaults apply.
 *
 * @param input the input audio ({@code input})
 */
public record TranscriptionAudioConfig(@Nullable AudioInputConfig input) {
}
