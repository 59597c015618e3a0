package dev.realtimesessions.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The effective GA realtime session a client secret opens ({@code {"type": "realtime", ...}} in
 * the answer). Components the server left out are {@code null} (or an absent {@link Tristate});
 * fields this library does not know are kept in {@link #additionalProperties()}.
 *
 * @param id the session's id, {@code sess_...} ({@code id})
 * @param object the object type, {@code realtime.session} ({@code object})
 * @param expiresAt when the session expires, as the server sent it ({@code expires_at})
 * @param model the Realtime model ({@code model})
 * @param outputModalities what the model answers with ({@code output_modalities})
 * @param instructions the system instructions ({@code instructions})
 * @param audio input and output audio ({@code audio})
 * @param include additional data in the server's events ({@code include})
 * @param tracing tracing, null when off ({@code tracing})
 * @param tools the tools the model may call ({@code tools})
 * @param toolChoice how the model chooses tools ({@code tool_choice})
 * @param reasoning reasoning of reasoning-capable models ({@code reasoning})
 * @param maxOutputTokens the output limit per response ({@code max_output_tokens})
 * @param truncation how the conversation is cut when it grows too long ({@code truncation})
 * @param prompt the prompt template, null when none ({@code prompt})
 * @param additionalProperties fields of the session this library does not model, as plain JSON values
 */
public record RealtimeSessionDetails(
        @Nullable String id,
        @Nullable String object,
        @Nullable Instant expiresAt,
        @Nullable RealtimeModel model,
        @Nullable List<Modality> outputModalities,
        @Nullable String instructions,
        @Nullable RealtimeAudioConfig audio,
        @Nullable List<Include> include,
        Tristate<Tracing> tracing,
        @Nullable List<Tool> tools,
        @Nullable ToolChoice toolChoice,
        @Nullable Reasoning reasoning,
        @Nullable MaxOutputTokens maxOutputTokens,
        @Nullable Truncation truncation,
        Tristate<Prompt> prompt,
        Map<String, Object> additionalProperties) implements SessionDetails {

    /**
     * Creates the record, copying the collections; a {@code null} {@link Tristate} is taken as
     * absent and a {@code null} map as empty.
     *
     * @param id the session's id, {@code sess_...} ({@code id})
     * @param object the object type, {@code realtime.session} ({@code object})
     * @param expiresAt when the session expires, as the server sent it ({@code expires_at})
     * @param model the Realtime model ({@code model})
     * @param outputModalities what the model answers with ({@code output_modalities})
     * @param instructions the system instructions ({@code instructions})
     * @param audio input and output audio ({@code audio})
     * @param include additional data in the server's events ({@code include})
     * @param tracing tracing, null when off ({@code tracing})
     * @param tools the tools the model may call ({@code tools})
     * @param toolChoice how the model chooses tools ({@code tool_choice})
     * @param reasoning reasoning of reasoning-capable models ({@code reasoning})
     * @param maxOutputTokens the output limit per response ({@code max_output_tokens})
     * @param truncation how the conversation is cut when it grows too long ({@code truncation})
     * @param prompt the prompt template, null when none ({@code prompt})
     * @param additionalProperties fields of the session this library does not model, as plain JSON values
     * @throws dev.realtimesessions.ValidationException if a list holds {@code null} or a map value is not JSON
     */
    public RealtimeSessionDetails {
        outputModalities = Checks.copyOrNull("session.output_modalities", outputModalities);
        include = Checks.copyOrNull("session.include", include);
        tools = Checks.copyOrNull("session.tools", tools);
        tracing = Checks.orAbsent(tracing);
        prompt = Checks.orAbsent(prompt);
        additionalProperties = additionalProperties == null ? Map.of()
                : JsonValues.copyObject("additionalProperties", additionalProperties);
    }

    /**
     * Always {@code "realtime"}.
     *
     * @return {@code "realtime"}
     */
    @Override
    public String type() {
        return "realtime";
    }
}
