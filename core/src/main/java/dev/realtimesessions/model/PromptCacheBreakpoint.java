package dev.realtimesessions.model;

/**
 * Marks the end of a reusable prompt prefix for prompt caching ({@code prompt_cache_breakpoint}).
 *
 * @param mode the breakpoint mode; {@code "explicit"}, the only mode the API defines ({@code mode})
 */
public record PromptCacheBreakpoint(String mode) {

    /** The breakpoint the API defines: {@code {"mode": "explicit"}}. */
    public static final PromptCacheBreakpoint EXPLICIT = new PromptCacheBreakpoint("explicit");

    /**
     * Creates the breakpoint.
     *
     * @param mode the breakpoint mode; {@code "explicit"}, the only mode the API defines ({@code mode})
     * @throws dev.realtimesessions.ValidationException if {@code mode} is blank
     */
    public PromptCacheBreakpoint {
        Checks.notBlank("prompt_cache_breakpoint.mode", mode);
    }
}
