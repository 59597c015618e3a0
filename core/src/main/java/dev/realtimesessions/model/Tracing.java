package dev.realtimesessions.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Tracing of the session in OpenAI's Traces dashboard ({@code tracing}): {@code "auto"} for the
 * default workflow name, group and metadata, or a {@link Config} naming them. An explicit
 * {@code null} (for example {@code RealtimeSessionCreateRequest.Builder.disableTracing()}) turns
 * tracing off.
 */
public sealed interface Tracing permits Tracing.Auto, Tracing.Config {

    /** Tracing with the defaults: {@code "auto"}. */
    Tracing AUTO = new Auto();

    /**
     * Tracing with the given names; {@code null} components are left to the server.
     *
     * @param workflowName the workflow's name in the dashboard ({@code workflow_name})
     * @param groupId the trace group ({@code group_id})
     * @param metadata arbitrary metadata ({@code metadata})
     * @return the setting
     */
    static Tracing config(@Nullable String workflowName, @Nullable String groupId,
            @Nullable Map<String, ?> metadata) {
        return new Config(workflowName, groupId, JsonValues.copyObjectOrNull("tracing.metadata", metadata));
    }

    /** {@code "auto"}. */
    record Auto() implements Tracing {
    }

    /**
     * {@code {"workflow_name": ..., "group_id": ..., "metadata": ...}}.
     *
     * @param workflowName the workflow's name ({@code workflow_name})
     * @param groupId the trace group ({@code group_id})
     * @param metadata arbitrary metadata, as plain JSON values ({@code metadata})
     */
    record Config(@Nullable String workflowName, @Nullable String groupId, @Nullable Map<String, Object> metadata)
            implements Tracing {
        /**
         * Creates the setting, deep-copying {@code metadata}.
         *
         * @param workflowName the workflow's name ({@code workflow_name})
         * @param groupId the trace group ({@code group_id})
         * @param metadata arbitrary metadata, as plain JSON values ({@code metadata})
         * @throws dev.realtimesessions.ValidationException if {@code metadata} is not JSON
         */
        public Config {
            metadata = JsonValues.copyObjectOrNull("tracing.metadata", metadata);
        }
    }
}
