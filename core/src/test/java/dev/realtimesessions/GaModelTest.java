package dev.realtimesessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.realtimesessions.model.AudioInputConfig;
import dev.realtimesessions.model.AudioOutputConfig;
import dev.realtimesessions.model.ClientSecretCreateRequest;
import dev.realtimesessions.model.ExpiresAfter;
import dev.realtimesessions.model.FunctionTool;
import dev.realtimesessions.model.McpTool;
import dev.realtimesessions.model.Prompt;
import dev.realtimesessions.model.RealtimeAudioFormat;
import dev.realtimesessions.model.RealtimeAudioFormatType;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionConfig;
import dev.realtimesessions.model.RealtimeSessionCreateRequest;
import dev.realtimesessions.model.ToolChoice;
import dev.realtimesessions.model.TurnDetection;
import dev.realtimesessions.model.Voice;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The GA records: conveniences, structural validation naming the JSON field, and redaction. */
class GaModelTest {

    @Test
    void aCustomVoiceIsNeverANamedVoice() {
        Voice custom = Voice.custom("voice_1234");

        assertThat(custom.isCustom()).isTrue();
        assertThat(custom.value()).isEqualTo("voice_1234");
        assertThat(custom.isKnown()).isFalse();
        assertThat(custom).isEqualTo(Voice.custom("voice_1234")).hasSameHashCodeAs(Voice.custom("voice_1234"))
                .isNotEqualTo(Voice.of("voice_1234"));
        assertThat(Voice.custom("alloy")).isNotEqualTo(Voice.ALLOY);
        assertThat(Voice.custom("alloy").isKnown()).isFalse();
        assertThat(Voice.MARIN.isCustom()).isFalse();
        assertThatThrownBy(() -> Voice.custom(" ")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("voice.id"));
    }

    @Test
    void theBetaRequestRefusesACustomVoice() {
        assertThatThrownBy(() -> RealtimeSessionCreateRequest.builder().model(RealtimeModel.GPT_REALTIME)
                .voice(Voice.custom("voice_1234")).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("voice"))
                .hasMessageContaining("createClientSecret");
    }

    @Test
    void gaModelsAreKnown() {
        assertThat(RealtimeModel.knownValues()).contains(RealtimeModel.GPT_REALTIME_2, RealtimeModel.GPT_REALTIME_2_1_MINI,
                RealtimeModel.GPT_REALTIME_MINI_2025_12_15, RealtimeModel.GPT_AUDIO_1_5);
        assertThat(RealtimeModel.of("gpt-realtime-1.5")).isSameAs(RealtimeModel.GPT_REALTIME_1_5);
    }

    @Test
    void audioFormatsHaveTheSpecsShapes() {
        assertThat(RealtimeAudioFormat.PCM_24KHZ).isEqualTo(new RealtimeAudioFormat(RealtimeAudioFormatType.PCM, 24000));
        assertThat(RealtimeAudioFormat.PCMU.rate()).isNull();
        assertThat(RealtimeAudioFormat.of(RealtimeAudioFormatType.PCMA)).isEqualTo(RealtimeAudioFormat.PCMA);
    }

    @Test
    void buildersValidateAndNameTheJsonField() {
        assertField(() -> McpTool.builder(" "), "server_label");
        assertField(() -> ClientSecretCreateRequest.of(null), "session");
        assertField(() -> ClientSecretCreateRequest.builder().expiresAfter(Duration.ofMillis(1500)), "expires_after.seconds");
        assertField(() -> RealtimeSessionConfig.builder().model(" "), "session.model");
        assertField(() -> RealtimeSessionConfig.builder().addTool(new FunctionTool(" ", null, null)).build(),
                "session.tools[0].name");
        assertField(() -> new RealtimeSessionConfig(null, null, null, null, null, null,
                List.of(FunctionTool.of("f", "d", Map.of()), new McpTool("", null, null, null, null, null, null, null,
                        null, null, null)), null, null, null, null, null, null), "session.tools[1].server_label");
        assertField(() -> AudioOutputConfig.builder().speed(Double.NaN), "audio.output.speed");
        assertField(() -> AudioInputConfig.builder().turnDetection(null), "audio.input.turn_detection");
        assertField(() -> Prompt.builder(""), "prompt.id");
    }

    @Test
    void toBuilderRoundTripsAndAudioSidesAreSetIndependently() {
        RealtimeSessionConfig session = RealtimeSessionConfig.builder()
                .model(RealtimeModel.GPT_REALTIME_MINI)
                .audioOutput(AudioOutputConfig.ofVoice(Voice.CEDAR))
                .audioInput(AudioInputConfig.builder().turnDetection(TurnDetection.serverVad().build()).build())
                .addTool(FunctionTool.of("f", "d", Map.of()))
                .toolChoice(ToolChoice.REQUIRED)
                .disableTracing()
                .build();

        assertThat(session.audio().output().voice()).as("setting the input kept the output").isEqualTo(Voice.CEDAR);
        assertThat(session.audio().input().turnDetection().isPresent()).isTrue();
        assertThat(session.toBuilder().build()).isEqualTo(session);
        assertThat(session.toBuilder().instructions("Per user").build().instructions()).isEqualTo("Per user");

        ClientSecretCreateRequest request = ClientSecretCreateRequest.builder()
                .expiresAfter(ExpiresAfter.seconds(600)).session(session).build();
        assertThat(request.toBuilder().build()).isEqualTo(request);
        assertThat(ClientSecretCreateRequest.of(session).expiresAfter()).isNull();
    }

    @Test
    void recordsTakeANullTristateAsAbsentAndCopyTheirCollections() {
        AudioInputConfig input = new AudioInputConfig(null, null, null, null);
        assertThat(input.transcription().isAbsent()).isTrue();
        assertThat(input.turnDetection().isAbsent()).isTrue();

        List<FunctionTool> tools = new java.util.ArrayList<>(List.of(FunctionTool.of("f", "d", Map.of())));
        RealtimeSessionConfig session = RealtimeSessionConfig.builder().tools(tools).build();
        tools.clear();
        assertThat(session.tools()).hasSize(1);
        assertThat(session.tracing().isAbsent()).isTrue();
        assertThat(session.prompt().isAbsent()).isTrue();

        McpTool mcp = new McpTool("docs", null, null, null, null, null, null, null, null, null, null);
        assertThat(mcp.headers().isAbsent()).isTrue();
        assertThat(mcp.type()).isEqualTo("mcp");
    }

    @Test
    void mcpToolToStringMasksItsCredentials() {
        McpTool tool = McpTool.builder("docs").serverUrl("https://mcp.example.com")
                .authorization("oauth-secret").headers(Map.of("Authorization", "Bearer header-secret")).build();

        assertThat(tool.toString()).doesNotContain("oauth-secret").doesNotContain("header-secret")
                .contains("authorization=***").contains("Authorization=***").contains("serverLabel=docs");
        assertThat(tool.authorization()).isEqualTo("oauth-secret");
        assertThat(tool.headers().get()).containsEntry("Authorization", "Bearer header-secret");
    }

    private static void assertField(Runnable build, String field) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
