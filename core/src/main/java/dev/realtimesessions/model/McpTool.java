package dev.realtimesessions.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Tools of a remote Model Context Protocol server the model may call ({@code {"type": "mcp", ...}},
 * GA sessions); the server reaches it, by URL, service connector or Secure MCP Tunnel.
 *
 * <pre>{@code
 * McpTool.builder("docs")
 *     .serverUrl("https://mcp.example.com/sse")
 *     .authorization(oauthAccessToken)
 *     .allowedTools(McpAllowedTools.names("search", "fetch"))
 *     .requireApproval(McpApproval.NEVER)
 *     .build()
 * }</pre>
 *
 * <p>{@link #authorization()} and the values of {@link #headers()} are credentials:
 * {@link #toString()} never shows them. A {@code null} component or an absent {@link Tristate} is
 * left out of the JSON.
 *
 * @param serverLabel the label that names the server in tool calls ({@code server_label})
 * @param serverUrl the server's URL ({@code server_url})
 * @param connectorId a service connector instead of a URL ({@code connector_id})
 * @param tunnelId a Secure MCP Tunnel instead of a URL, {@code tunnel_...} ({@code tunnel_id})
 * @param authorization an OAuth access token for the server or connector ({@code authorization})
 * @param serverDescription what the server offers, as context for the model ({@code server_description})
 * @param headers HTTP headers sent to the server ({@code headers})
 * @param allowedTools the tools the model may use ({@code allowed_tools})
 * @param allowedCallers the contexts the tools may be invoked from ({@code allowed_callers})
 * @param requireApproval which calls need approval ({@code require_approval})
 * @param deferLoading whether the tools are discovered through tool search ({@code defer_loading})
 */
public record McpTool(
        String serverLabel,
        @Nullable String serverUrl,
        @Nullable McpConnectorId connectorId,
        @Nullable String tunnelId,
        @Nullable String authorization,
        @Nullable String serverDescription,
        Tristate<Map<String, String>> headers,
        Tristate<McpAllowedTools> allowedTools,
        Tristate<List<AllowedCaller>> allowedCallers,
        Tristate<McpApproval> requireApproval,
        @Nullable Boolean deferLoading) implements Tool {

    /**
     * Creates the tool, copying the collections; a {@code null} {@link Tristate} is taken as absent.
     *
     * @param serverLabel the label that names the server in tool calls ({@code server_label})
     * @param serverUrl the server's URL ({@code server_url})
     * @param connectorId a service connector instead of a URL ({@code connector_id})
     * @param tunnelId a Secure MCP Tunnel instead of a URL, {@code tunnel_...} ({@code tunnel_id})
     * @param authorization an OAuth access token for the server or connector ({@code authorization})
     * @param serverDescription what the server offers, as context for the model ({@code server_description})
     * @param headers HTTP headers sent to the server ({@code headers})
     * @param allowedTools the tools the model may use ({@code allowed_tools})
     * @param allowedCallers the contexts the tools may be invoked from ({@code allowed_callers})
     * @param requireApproval which calls need approval ({@code require_approval})
     * @param deferLoading whether the tools are discovered through tool search ({@code defer_loading})
     * @throws dev.realtimesessions.ValidationException if {@code serverLabel} is null, or a header
     *     or caller is null
     */
    public McpTool {
        Checks.notNull("server_label", serverLabel);
        headers = Checks.orAbsent(headers).map(McpTool::copyHeaders);
        allowedTools = Checks.orAbsent(allowedTools);
        allowedCallers = Checks.orAbsent(allowedCallers).map(callers -> Checks.copyOrNull("allowed_callers", callers));
        requireApproval = Checks.orAbsent(requireApproval);
    }

    private static Map<String, String> copyHeaders(Map<String, String> headers) {
        Map<String, String> copy = new LinkedHashMap<>(Math.max(4, headers.size() * 2));
        headers.forEach((name, value) -> copy.put(Checks.notNull("headers", name), Checks.notNull("headers." + name, value)));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * A builder for a tool of the server with this label.
     *
     * @param serverLabel the label that names the server in tool calls, not blank
     * @return a new builder
     * @throws dev.realtimesessions.ValidationException if {@code serverLabel} is blank
     */
    public static Builder builder(String serverLabel) {
        return new Builder(Checks.notBlank("server_label", serverLabel));
    }

    /**
     * Always {@code "mcp"}.
     *
     * @return {@code "mcp"}
     */
    @Override
    public String type() {
        return "mcp";
    }

    /**
     * Describes the tool with {@code authorization} and the header values masked.
     *
     * @return a description that is safe to log
     */
    @Override
    public String toString() {
        return "McpTool[serverLabel=" + serverLabel + ", serverUrl=" + serverUrl + ", connectorId=" + connectorId
                + ", tunnelId=" + tunnelId + ", authorization=" + (authorization == null ? null : "***")
                + ", serverDescription=" + serverDescription + ", headers=" + headers.map(McpTool::maskValues)
                + ", allowedTools=" + allowedTools + ", allowedCallers=" + allowedCallers
                + ", requireApproval=" + requireApproval + ", deferLoading=" + deferLoading + "]";
    }

    private static Map<String, String> maskValues(Map<String, String> headers) {
        Map<String, String> masked = new LinkedHashMap<>(Math.max(4, headers.size() * 2));
        headers.keySet().forEach(name -> masked.put(name, "***"));
        return masked;
    }

    /** Builds an {@link McpTool}; every setter rejects {@code null}. */
    public static final class Builder {
        private final String serverLabel;
        private @Nullable String serverUrl;
        private @Nullable McpConnectorId connectorId;
        private @Nullable String tunnelId;
        private @Nullable String authorization;
        private @Nullable String serverDescription;
        private Tristate<Map<String, String>> headers = Tristate.absent();
        private Tristate<McpAllowedTools> allowedTools = Tristate.absent();
        private Tristate<List<AllowedCaller>> allowedCallers = Tristate.absent();
        private Tristate<McpApproval> requireApproval = Tristate.absent();
        private @Nullable Boolean deferLoading;

        private Builder(String serverLabel) {
            this.serverLabel = serverLabel;
        }

        /**
         * Sets {@code server_url}; one of it, {@code connector_id} and {@code tunnel_id} is needed.
         *
         * @param serverUrl the MCP server's URL
         * @return this builder
         */
        public Builder serverUrl(String serverUrl) {
            this.serverUrl = Checks.notNull("server_url", serverUrl);
            return this;
        }

        /**
         * Sets {@code connector_id}; one of it, {@code server_url} and {@code tunnel_id} is needed.
         *
         * @param connectorId the service connector
         * @return this builder
         */
        public Builder connectorId(McpConnectorId connectorId) {
            this.connectorId = Checks.notNull("connector_id", connectorId);
            return this;
        }

        /**
         * Sets {@code tunnel_id}; one of it, {@code server_url} and {@code connector_id} is needed.
         *
         * @param tunnelId the Secure MCP Tunnel's id, {@code tunnel_...}
         * @return this builder
         */
        public Builder tunnelId(String tunnelId) {
            this.tunnelId = Checks.notNull("tunnel_id", tunnelId);
            return this;
        }

        /**
         * Sets {@code authorization}; never shown by {@code toString()}.
         *
         * @param authorization an OAuth access token your application obtained
         * @return this builder
         */
        public Builder authorization(String authorization) {
            this.authorization = Checks.notNull("authorization", authorization);
            return this;
        }

        /**
         * Sets {@code server_description}.
         *
         * @param serverDescription what the server offers
         * @return this builder
         */
        public Builder serverDescription(String serverDescription) {
            this.serverDescription = Checks.notNull("server_description", serverDescription);
            return this;
        }

        /**
         * Sets {@code headers}; their values are never shown by {@code toString()}.
         *
         * @param headers HTTP headers for the MCP server, by name
         * @return this builder
         */
        public Builder headers(Map<String, String> headers) {
            this.headers = Tristate.of(copyHeaders(Checks.notNull("headers", headers)));
            return this;
        }

        /**
         * Sets {@code allowed_tools}.
         *
         * @param allowedTools {@link McpAllowedTools#names(String...)} or a {@link McpToolFilter}
         * @return this builder
         */
        public Builder allowedTools(McpAllowedTools allowedTools) {
            this.allowedTools = Tristate.of(Checks.notNull("allowed_tools", allowedTools));
            return this;
        }

        /**
         * Sets {@code allowed_callers}.
         *
         * @param allowedCallers the contexts the tools may be invoked from
         * @return this builder
         */
        public Builder allowedCallers(AllowedCaller... allowedCallers) {
            return allowedCallers(Arrays.asList(Checks.notNull("allowed_callers", allowedCallers)));
        }

        /**
         * Sets {@code allowed_callers}.
         *
         * @param allowedCallers the contexts the tools may be invoked from
         * @return this builder
         */
        public Builder allowedCallers(List<AllowedCaller> allowedCallers) {
            this.allowedCallers = Tristate.of(new ArrayList<>(Checks.notNull("allowed_callers", allowedCallers)));
            return this;
        }

        /**
         * Sets {@code require_approval}.
         *
         * @param requireApproval {@link McpApproval#ALWAYS}, {@link McpApproval#NEVER} or a filter
         * @return this builder
         */
        public Builder requireApproval(McpApproval requireApproval) {
            this.requireApproval = Tristate.of(Checks.notNull("require_approval", requireApproval));
            return this;
        }

        /**
         * Sets {@code defer_loading}.
         *
         * @param deferLoading whether the tools are discovered through tool search
         * @return this builder
         */
        public Builder deferLoading(boolean deferLoading) {
            this.deferLoading = deferLoading;
            return this;
        }

        /**
         * Builds the tool.
         *
         * @return the MCP tool
         * @throws dev.realtimesessions.ValidationException if a caller is null
         */
        public McpTool build() {
            return new McpTool(serverLabel, serverUrl, connectorId, tunnelId, authorization, serverDescription,
                    headers, allowedTools, allowedCallers, requireApproval, deferLoading);
        }
    }
}
