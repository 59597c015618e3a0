package dev.realtimesessions.model;

import java.util.Arrays;
import java.util.List;

/**
 * Which of an MCP server's tools the model may use ({@code allowed_tools}): a list of names, or a
 * {@link McpToolFilter}.
 *
 * <pre>{@code
 * McpAllowedTools.names("search", "fetch")   // ["search", "fetch"]
 * McpToolFilter.readOnly(true)                // {"read_only": true}
 * }</pre>
 */
public sealed interface McpAllowedTools permits McpAllowedTools.Names, McpToolFilter {

    /**
     * The named tools, written as an array of names.
     *
     * @param toolNames the tools' names
     * @return the setting
     */
    static McpAllowedTools names(String... toolNames) {
        return new Names(Arrays.asList(Checks.notNull("allowed_tools", toolNames)));
    }

    /**
     * The named tools, written as an array of names.
     *
     * @param toolNames the tools' names
     * @return the setting
     */
    static McpAllowedTools names(List<String> toolNames) {
        return new Names(toolNames);
    }

    /**
     * An array of tool names.
     *
     * @param toolNames the tools' names
     */
    record Names(List<String> toolNames) implements McpAllowedTools {
        /**
         * Creates the setting, copying the list.
         *
         * @param toolNames the tools' names
         * @throws dev.realtimesessions.ValidationException if the list is or holds {@code null}
         */
        public Names {
            toolNames = Checks.copyOrNull("allowed_tools", Checks.notNull("allowed_tools", toolNames));
        }
    }
}
