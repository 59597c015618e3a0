package dev.realtimesessions.testing;

import dev.realtimesessions.model.AllowedCaller;
import dev.realtimesessions.model.AudioInputConfig;
import dev.realtimesessions.model.AudioOutputConfig;
import dev.realtimesessions.model.AudioTranscription;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.Eagerness;
import dev.realtimesessions.model.FileInputDetail;
import dev.realtimesessions.model.FunctionTool;
import dev.realtimesessions.model.ImageDetail;
import dev.realtimesessions.model.Include;
import dev.realtimesessions.model.MaxOutputTokens;
import dev.realtimesessions.model.McpAllowedTools;
import dev.realtimesessions.model.McpApproval;
import dev.realtimesessions.model.McpConnectorId;
import dev.realtimesessions.model.McpTool;
import dev.realtimesessions.model.McpToolFilter;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.NoiseReduction;
import dev.realtimesessions.model.Prompt;
import dev.realtimesessions.model.PromptCacheBreakpoint;
import dev.realtimesessions.model.PromptVariable;
import dev.realtimesessions.model.RealtimeAudioFormat;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.Reasoning;
import dev.realtimesessions.model.ReasoningEffort;
import dev.realtimesessions.model.SessionConfig;
import dev.realtimesessions.model.ToolChoice;
import dev.realtimesessions.model.Tracing;
import dev.realtimesessions.model.TranscriptionDelay;
import dev.realtimesessions.model.TranscriptionModel;
import dev.realtimesessions.model.TranscriptionSessionConfig;
import dev.realtimesessions.model.Truncation;
import dev.realtimesessions.model.TurnDetection;
import dev.realtimesessions.model.Voice;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Fully populated GA client-secret requests: every field of the published request schema, set
 * once across the two realtime sessions (server VAD, semantic VAD) and the transcription session.
 */
public final class FullGaRequests {

    private FullGaRequests() {
    }

    /** A GA request for {@code session} with every request-level field set. */
    public static ClientSecretCreateRequest of(SessionConfig session) {
        return ClientSecretCreateRequest.builder().expiresAfter(Duration.ofMinutes(10)).session(session).build();
    }

    /** A realtime session with server VAD, a function tool choice, and every other field set. */
    public static RealtimeSessionConfig serverVadSession() {
        return RealtimeSessionConfig.builder()
                .model(RealtimeModel.GPT_REALTIME)
                .outputModalities(Modality.AUDIO)
                .instructions("You are a friendly assistant.")
                .audioInput(fullInput(RealtimeAudioFormat.PCM_24KHZ, serverVad()))
                .audioOutput(AudioOutputConfig.builder()
                        .format(RealtimeAudioFormat.PCM_24KHZ).voice(Voice.MARIN).speed(1.1).build())
                .include(Include.ITEM_INPUT_AUDIO_TRANSCRIPTION_LOGPROBS)
                .tracing(Tracing.config("support", "group-1", Map.of("tier", "gold")))
                .addTool(FunctionTool.of("get_weather", "Current weather for a city",
                        Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")))))
                .addTool(mcpTool(new McpToolFilter(List.of("search"), true),
                        McpApproval.filter(new McpToolFilter(List.of("delete"), false),
                                new McpToolFilter(List.of("search"), true))))
                .toolChoice(ToolChoice.function("get_weather"))
                .parallelToolCalls(true)
                .reasoning(Reasoning.of(ReasoningEffort.LOW))
                .maxOutputTokens(1024)
                .truncation(Truncation.retentionRatio(0.8, 5000))
                .prompt(Prompt.builder("pmpt_123").version("2")
                        .variable("customer_name", "Alice")
                        .variable("greeting", new PromptVariable.InputText("Hello", PromptCacheBreakpoint.EXPLICIT))
                        .variable("menu", new PromptVariable.InputImage("https://example.com/menu.png", "file-img",
                                ImageDetail.HIGH, PromptCacheBreakpoint.EXPLICIT))
                        .variable("terms", new PromptVariable.InputFile("file-terms", "terms.pdf", "JVBERi0=",
                                "https://example.com/terms.pdf", FileInputDetail.LOW, PromptCacheBreakpoint.EXPLICIT))
                        .build())
                .build();
    }

    /** A realtime session with semantic VAD and the other alternatives of each field (MCP choice, "inf", no truncation). */
    public static RealtimeSessionConfig semanticVadSession() {
        return RealtimeSessionConfig.builder()
                .model("gpt-realtime-2")
                .outputModalities(Modality.TEXT)
                .instructions("Answer in one sentence.")
                .audioInput(fullInput(RealtimeAudioFormat.PCMU, TurnDetection.semanticVad()
                        .eagerness(Eagerness.HIGH).createResponse(false).interruptResponse(true).build()))
                .audioOutput(AudioOutputConfig.builder()
                        .format(RealtimeAudioFormat.PCMA).voice(Voice.custom("voice_1234")).speed(0.9).build())
                .include(Include.ITEM_INPUT_AUDIO_TRANSCRIPTION_LOGPROBS)
                .tracing(Tracing.AUTO)
                .addTool(mcpTool(McpAllowedTools.names("search", "fetch"), McpApproval.NEVER))
                .toolChoice(ToolChoice.mcp("docs", "search"))
                .parallelToolCalls(false)
                .reasoning(Reasoning.of(ReasoningEffort.XHIGH))
                .maxOutputTokens(MaxOutputTokens.INF)
                .truncation(Truncation.DISABLED)
                .prompt(Prompt.builder("pmpt_456").version("1")
                        .variable("greeting", new PromptVariable.InputText("Hi", PromptCacheBreakpoint.EXPLICIT))
                        .build())
                .build();
    }

    private static McpTool mcpTool(McpAllowedTools allowedTools, McpApproval approval) {
        return McpTool.builder("docs")
                .serverUrl("https://mcp.example.com/sse")
                .connectorId(McpConnectorId.GOOGLE_DRIVE)
                .tunnelId("tunnel_0123456789abcdef0123456789abcdef")
                .authorization("oauth-access-token-123")
                .serverDescription("Company documents")
                .headers(Map.of("X-Api-Key", "header-secret-456"))
                .allowedTools(allowedTools)
                .allowedCallers(AllowedCaller.DIRECT, AllowedCaller.PROGRAMMATIC)
                .requireApproval(approval)
                .deferLoading(true)
                .build();
    }

    /** A transcription session with every field set. */
    public static TranscriptionSessionConfig transcriptionSession() {
        return TranscriptionSessionConfig.builder()
                .audioInput(fullInput(RealtimeAudioFormat.PCM_24KHZ, serverVad()))
                .include(Include.ITEM_INPUT_AUDIO_TRANSCRIPTION_LOGPROBS)
                .build();
    }

    private static AudioInputConfig fullInput(RealtimeAudioFormat format, TurnDetection turnDetection) {
        return AudioInputConfig.builder()
                .format(format)
                .transcription(AudioTranscription.builder()
                        .model(TranscriptionModel.GPT_REALTIME_WHISPER)
                        .language("en")
                        .languages(List.of("en", "de"))
                        .keywords(List.of("Reactor", "Netty"))
                        .prompt("Expect words about software.")
                        .delay(TranscriptionDelay.LOW)
                        .build())
                .noiseReduction(NoiseReduction.NEAR_FIELD)
                .turnDetection(turnDetection)
                .build();
    }

    private static TurnDetection serverVad() {
        return TurnDetection.serverVad().threshold(0.6).prefixPaddingMs(300).silenceDurationMs(500)
                .idleTimeoutMs(6000).createResponse(true).interruptResponse(false).build();
    }
}
