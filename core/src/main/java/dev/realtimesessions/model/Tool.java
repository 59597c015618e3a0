package dev.realtimesessions.model;

/**
 * A tool the model may call ({@code tools[]}). {@link FunctionTool} is a function the client
 * implements; {@link McpTool} gives access to a remote MCP server's tools (GA sessions); a tool of
 * a type this library does not know comes back from the server as an {@link UnknownTool} with all
 * its fields, instead of failing the call.
 */
public sealed interface Tool permits FunctionTool, McpTool, UnknownTool {

    /**
     * The tool's {@code type}, for example {@code "function"}.
     *
     * @return the wire type
     */
    String type();
}
