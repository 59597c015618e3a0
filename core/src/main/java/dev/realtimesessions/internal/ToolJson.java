package dev.realtimesessions.internal;

import dev.realtimesessions.ValidationException;
import dev.realtimesessions.model.FunctionTool;
import dev.realtimesessions.model.McpTool;
import dev.realtimesessions.model.Tool;
import dev.realtimesessions.model.ToolChoice;
import dev.realtimesessions.model.UnknownTool;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON of the tools a session offers the model ({@code tools}) and how it chooses among them ({@code tool_choice}). */
final class ToolJson {

    private static final WireConstants<ToolChoice> TOOL_CHOICE_MODES = WireConstants.of(
            List.of(ToolChoice.AUTO, ToolChoice.NONE, ToolChoice.REQUIRED),
            choice -> ((ToolChoice.Mode) choice).value(), ToolJson::toolChoiceMode);

    private ToolJson() {
    }

    static void writeTool(JsonOut out, Tool tool) {
        out.startObject();
        out.string("type", tool.type());
        if (tool instanceof FunctionTool function) {
            out.string("name", function.name());
            out.string("description", function.description());
            out.any("parameters", function.parameters());
        } else if (tool instanceof McpTool mcp) {
            McpToolJson.writeFields(out, mcp);
        } else if (tool instanceof UnknownTool unknown) {
            out.anyFields(unknown.fields());
        }
        out.endObject();
    }

    /**
     * Reads a tool object as a {@link FunctionTool} or {@link McpTool} when that record holds every
     * field of it (written back, it gives the same JSON); any other tool, of an unknown type, shape
     * or with fields those records do not have, is an {@link UnknownTool} holding it whole.
     */
    static @Nullable Tool readTool(JsonIn in) {
        if (!in.isObject()) {
            return in.keep();
        }
        Map<String, Object> fields = in.anyFields();
        Tool typed = typedTool(fields);
        if (typed != null) {
            byte[] written = Json.writeBytes(typed, ToolJson::writeTool);
            if (fields.equals(Json.read(written, written.length, "a tool", JsonIn::anyFields))) {
                return typed;
            }
        }
        Object type = fields.get("type");
        if (type instanceof String name) {
            fields.remove("type");
            return new UnknownTool(name, fields);
        }
        return new UnknownTool("", fields);
    }

    private static @Nullable Tool typedTool(Map<String, Object> fields) {
        Object type = fields.get("type");
        if ("function".equals(type)) {
            Object name = fields.get("name");
            Object description = fields.get("description");
            Object parameters = fields.get("parameters");
            if (name instanceof String n && (description == null || description instanceof String)
                    && (parameters == null || parameters instanceof Map<?, ?>)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> schema = (Map<String, Object>) parameters;
                return new FunctionTool(n, (String) description, schema);
            }
        }
        if ("mcp".equals(type)) {
            try {
                return McpToolJson.fromFields(fields);
            } catch (JsonShapeException | ValidationException e) {
                return null; // a shape this library does not know
            }
        }
        return null;
    }

    static void writeToolChoice(JsonOut out, ToolChoice choice) {
        if (choice instanceof ToolChoice.Mode mode) {
            out.stringValue(mode.value());
        } else if (choice instanceof ToolChoice.Function function) {
            out.startObject();
            out.string("type", "function");
            out.string("name", function.name());
            out.endObject();
        } else if (choice instanceof ToolChoice.Mcp mcp) {
            out.startObject();
            out.string("type", "mcp");
            out.string("server_label", mcp.serverLabel());
            out.string("name", mcp.name());
            out.endObject();
        }
    }

    static @Nullable ToolChoice readToolChoice(JsonIn in) {
        if (in.isNull()) {
            return null;
        }
        if (in.isString()) {
            ToolChoice mode = in.string(TOOL_CHOICE_MODES);
            return mode != null ? mode : in.keep(); // a blank mode
        }
        return in.object(ToolJson::toolChoice);
    }

    private static @Nullable ToolChoice toolChoice(Map<String, Object> fields) {
        Object type = fields.get("type");
        Object name = fields.get("name");
        Object serverLabel = fields.get("server_label");
        if ("function".equals(type) && name instanceof String n && !n.isBlank() && fields.size() == 2) {
            return ToolChoice.function(n);
        }
        if ("mcp".equals(type) && serverLabel instanceof String label && !label.isBlank()
                && (name == null || name instanceof String) && fields.size() <= 3) {
            return ToolChoice.mcp(label, (String) name);
        }
        return null;
    }

    /** A tool choice mode other than the documented ones; a blank one cannot be a mode and reads as none. */
    private static @Nullable ToolChoice toolChoiceMode(String mode) {
        return mode.isBlank() ? null : ToolChoice.mode(mode);
    }
}
