package dev.realtimesessions.internal;

import dev.realtimesessions.model.AllowedCaller;
import dev.realtimesessions.model.McpAllowedTools;
import dev.realtimesessions.model.McpApproval;
import dev.realtimesessions.model.McpConnectorId;
import dev.realtimesessions.model.McpTool;
import dev.realtimesessions.model.McpToolFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON of an MCP tool ({@code {"type": "mcp", ...}}) and its filters and approval policy. */
final class McpToolJson {

    private McpToolJson() {
    }

    /** Writes the tool's fields other than {@code type} into the current object. */
    static void writeFields(JsonOut out, McpTool tool) {
        out.string("server_label", tool.serverLabel());
        out.string("server_url", tool.serverUrl());
        out.string("connector_id", tool.connectorId());
        out.string("tunnel_id", tool.tunnelId());
        out.string("authorization", tool.authorization());
        out.string("server_description", tool.serverDescription());
        out.field("headers", tool.headers(), McpToolJson::writeHeaders);
        out.field("allowed_tools", tool.allowedTools(), McpToolJson::writeAllowedTools);
        out.field("allowed_callers", tool.allowedCallers(), McpToolJson::writeCallers);
        out.field("require_approval", tool.requireApproval(), McpToolJson::writeApproval);
        out.bool("defer_loading", tool.deferLoading());
    }

    private static void writeAllowedTools(JsonOut out, McpAllowedTools allowedTools) {
        if (allowedTools instanceof McpAllowedTools.Names names) {
            out.anyValue(names.toolNames());
        } else if (allowedTools instanceof McpToolFilter filter) {
            writeFilter(out, filter);
        }
    }

    private static void writeHeaders(JsonOut out, Map<String, String> headers) {
        out.startObject();
        headers.forEach(out::string);
        out.endObject();
    }

    private static void writeCallers(JsonOut out, List<AllowedCaller> callers) {
        List<String> names = new ArrayList<>(callers.size());
        callers.forEach(caller -> names.add(caller.value()));
        out.anyValue(names);
    }

    private static void writeApproval(JsonOut out, McpApproval approval) {
        if (approval instanceof McpApproval.Mode mode) {
            out.stringValue(mode.value());
        } else if (approval instanceof McpApproval.Filter filter) {
            out.startObject();
            out.field("always", filter.always(), McpToolJson::writeFilter);
            out.field("never", filter.never(), McpToolJson::writeFilter);
            out.endObject();
        }
    }

    private static void writeFilter(JsonOut out, McpToolFilter filter) {
        out.startObject();
        out.array("tool_names", filter.toolNames(), (o, name) -> o.stringValue(name));
        out.bool("read_only", filter.readOnly());
        out.endObject();
    }

    /**
     * The tool from its fields other than {@code type}, read as plain values.
     *
     * @throws JsonShapeException if a field has a shape the schema does not allow
     */
    static McpTool fromFields(Map<String, Object> fields) {
        String serverLabel = PlainJson.string(fields, "server_label");
        if (serverLabel == null) {
            throw new JsonShapeException("the MCP tool has no server_label");
        }
        String connectorId = PlainJson.string(fields, "connector_id");
        return new McpTool(serverLabel,
                PlainJson.string(fields, "server_url"),
                connectorId == null ? null : McpConnectorId.of(connectorId),
                PlainJson.string(fields, "tunnel_id"),
                PlainJson.string(fields, "authorization"),
                PlainJson.string(fields, "server_description"),
                PlainJson.tristate(fields, "headers", McpToolJson::headers),
                PlainJson.tristate(fields, "allowed_tools", McpToolJson::allowedTools),
                PlainJson.tristate(fields, "allowed_callers", McpToolJson::allowedCallers),
                PlainJson.tristate(fields, "require_approval", McpToolJson::approval),
                PlainJson.bool(fields, "defer_loading"));
    }

    private static Map<String, String> headers(Object value) {
        Map<String, Object> object = PlainJson.asObject(value, "headers");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : object.keySet()) {
            String header = PlainJson.string(object, name);
            if (header != null) {
                headers.put(name, header);
            }
        }
        return headers;
    }

    private static McpAllowedTools allowedTools(Object value) {
        if (value instanceof List<?>) {
            return McpAllowedTools.names(PlainJson.asStrings(value, "allowed_tools"));
        }
        return filter(value, "allowed_tools");
    }

    private static List<AllowedCaller> allowedCallers(Object value) {
        List<AllowedCaller> callers = new ArrayList<>();
        PlainJson.asStrings(value, "allowed_callers").forEach(name -> callers.add(AllowedCaller.of(name)));
        return callers;
    }

    private static McpApproval approval(Object value) {
        if (value instanceof String mode) {
            return McpApproval.mode(mode);
        }
        Map<String, Object> object = PlainJson.asObject(value, "require_approval");
        Object always = object.get("always");
        Object never = object.get("never");
        return McpApproval.filter(always == null ? null : filter(always, "require_approval.always"),
                never == null ? null : filter(never, "require_approval.never"));
    }

    private static McpToolFilter filter(Object value, String field) {
        Map<String, Object> object = PlainJson.asObject(value, field);
        return new McpToolFilter(PlainJson.strings(object, "tool_names"), PlainJson.bool(object, "read_only"));
    }
}
