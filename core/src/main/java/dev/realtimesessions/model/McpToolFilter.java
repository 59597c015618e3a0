package dev.realtimesessions.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Selects tools of an MCP server ({@code MCPToolFilter}): by name, by whether they only read data,
 * or both. Used as {@code allowed_tools} and in {@code require_approval}. {@code null} components
 * are left out.
 *
 * <pre>{@code
 * McpToolFilter.toolNames(List.of("search", "fetch"))
 * McpToolFilter.readOnly(true)
 * }</pre>
 *
 * @param toolNames the tools' names ({@code tool_names})
 * @param readOnly whether the tools are annotated read-only ({@code read_only})
 */
public record McpToolFilter(@Nullable List<String> toolNames, @Nullable Boolean readOnly) implements McpAllowedTools {

    /**
     * Creates the filter, copying the list.
     *
     * @param toolNames the tools' names ({@code tool_names})
     * @param readOnly whether the tools are annotated read-only ({@code read_only})
     * @throws dev.realtimesessions.ValidationException if {@code toolNames} holds {@code null}
     */
    public McpToolFilter {
        toolNames = Checks.copyOrNull("tool_names", toolNames);
    }

    /**
     * A filter matching the named tools.
     *
     * @param toolNames the tools' names
     * @return the filter
     */
    public static McpToolFilter toolNames(List<String> toolNames) {
        return new McpToolFilter(Checks.notNull("tool_names", toolNames), null);
    }

    /**
     * A filter matching the tools that are (or are not) annotated read-only.
     *
     * @param readOnly {@code true} for read-only tools
     * @return the filter
     */
    public static McpToolFilter readOnly(boolean readOnly) {
        return new McpToolFilter(null, readOnly);
    }
}
