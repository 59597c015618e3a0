package dev.realtimesessions.model;

import org.jspecify.annotations.Nullable;

/**
 * Which calls of an MCP server's tools need the user's approval ({@code require_approval}): all
 * ({@code "always"}, the server default), none ({@code "never"}), or those a {@link Filter}
 * selects.
 *
 * <pre>{@code
 * McpApproval.NEVER
 * McpApproval.filter(null, McpToolFilter.readOnly(true))  // read-only tools need no approval
 * }</pre>
 */
public sealed interface McpApproval permits McpApproval.Mode, McpApproval.Filter {

    /** Every call needs approval: {@code "always"}. */
    McpApproval ALWAYS = new Mode("always");

    /** No call needs approval: {@code "never"}. */
    McpApproval NEVER = new Mode("never");

    /**
     * A policy by name, known or not.
     *
     * @param mode the policy as the API writes it
     * @return the setting
     */
    static McpApproval mode(String mode) {
        return new Mode(mode);
    }

    /**
     * Approval decided per tool.
     *
     * @param always the tools that always need approval, or {@code null}
     * @param never the tools that never need approval, or {@code null}
     * @return the setting
     */
    static McpApproval filter(@Nullable McpToolFilter always, @Nullable McpToolFilter never) {
        return new Filter(always, never);
    }

    /**
     * One policy for every tool, written as a bare string such as {@code "never"}.
     *
     * @param value the policy
     */
    record Mode(String value) implements McpApproval {
        /**
         * Creates the policy.
         *
         * @param value the policy
         * @throws dev.realtimesessions.ValidationException if {@code value} is blank
         */
        public Mode {
            Checks.notBlank("require_approval", value);
        }
    }

    /**
     * {@code {"always": {...}, "never": {...}}}: approval per tool.
     *
     * @param always the tools that always need approval ({@code always})
     * @param never the tools that never need approval ({@code never})
     */
    record Filter(@Nullable McpToolFilter always, @Nullable McpToolFilter never) implements McpApproval {
    }
}
