package dev.realtimesessions.model;

import org.jspecify.annotations.Nullable;

/**
 * Reasoning of a reasoning-capable Realtime model such as {@code gpt-realtime-2} ({@code reasoning}).
 *
 * @param effort how much the model reasons, or {@code null} for the server's default ({@code effort})
 */
public record Reasoning(@Nullable ReasoningEffort effort) {

    /**
     * Reasoning with the given effort.
     *
     * @param effort how much the model reasons
     * @return the setting
     */
    public static Reasoning of(ReasoningEffort effort) {
        return new Reasoning(Checks.notNull("reasoning.effort", effort));
    }
}
