package dev.realtimesessions.model;

/**
 * How the model chooses tools ({@code tool_choice}): a mode ({@code auto}, {@code none},
 * {@code required}), or one function or MCP tool it must call.
 *
 * <pre>{@code
 * ToolChoice.AUTO
 * ToolChoice.function("get_weather")
 * }</pre>
 */
public sealed interface ToolChoice permits ToolChoice.Mode, ToolChoice.Function, ToolChoice.Mcp {

    /** The model decides whether to call tools ({@code "auto"}). */
    ToolChoice AUTO = new Mode("auto");

    /** The model calls no tool ({@code "none"}). */
    ToolChoice NONE = new Mode("none");

    /** The model calls at least one tool ({@code "required"}). */
    ToolChoice REQUIRED = new Mode("required");

    /**
     * A mode by name, known or not.
     *
     * @param mode the mode as the API writes it
     * @return the choice
     */
    static ToolChoice mode(String mode) {
        return new Mode(mode);
    }

    /**
     * The model must call this function.
     *
     * @param name the function's name
     * @return the choice
     */
    static ToolChoice function(String name) {
        return new Function(name);
    }

    /**
     * The model must call a tool on this MCP server (GA).
     *
     * @param serverLabel the server's label
     * @param name the tool's name, or {@code null} for any of the server's tools
     * @return the choice
     */
    static ToolChoice mcp(String serverLabel, @org.jspecify.annotations.Nullable String name) {
        return new Mcp(serverLabel, name);
    }

    /**
     * A mode, written as a bare string such as {@code "auto"}.
     *
     * @param value the mode
     */
    record Mode(String value) implements ToolChoice {
        /**
         * Creates the mode.
         *
         * @param value the mode
         * @throws dev.realtimesessions.ValidationException if {@code value} is blank
         */
        public Mode {
            Checks.notBlank("tool_choice", value);
        }
    }

    /**
     * A required function: {@code {"type": "function", "name": ...}}.
     *
     * @param name the function's name
     */
    record Function(String name) implements ToolChoice {
        /**
         * Creates the choice.
         *
         * @param name the function's name
         * @throws dev.realtimesessions.ValidationException if {@code name} is blank
         */
        public Function {
            Checks.notBlank("tool_choice.name", name);
        }
    }

    /**
     * A required MCP tool: {@code {"type": "mcp", "server_label": ..., "name": ...}}.
     *
     * @param serverLabel the server's label ({@code server_label})
     * @param name the tool's name, or {@code null} for any ({@code name})
     */
    record Mcp(String serverLabel, @org.jspecify.annotations.Nullable String name) implements ToolChoice {
        /**
         * Creates the choice.
         *
         * @param serverLabel the server's label ({@code server_label})
         * @param name the tool's name, or {@code null} for any ({@code name})
         * @throws dev.realtimesessions.ValidationException if {@code serverLabel} is blank
         */
        public Mcp {
            Checks.notBlank("tool_choice.server_label", serverLabel);
        }
    }
}
