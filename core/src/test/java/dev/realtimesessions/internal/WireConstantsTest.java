package dev.realtimesessions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.realtimesessions.model.ClientSecretCreateResponse;
import dev.realtimesessions.model.Modality;
import dev.realtimesessions.model.RealtimeModel;
import dev.realtimesessions.model.RealtimeSessionDetails;
import dev.realtimesessions.model.ToolChoice;
import dev.realtimesessions.model.Truncation;
import dev.realtimesessions.model.Voice;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WireConstantsTest {

    @Test
    void knownValuesReadAsTheSharedConstants() {
        RealtimeSessionDetails session = session("\"model\":\"gpt-realtime\",\"output_modalities\":[\"audio\"],"
                + "\"tool_choice\":\"auto\",\"truncation\":\"disabled\",\"object\":\"realtime.session\","
                + "\"audio\":{\"output\":{\"voice\":\"alloy\"}}");

        assertThat(session.model()).isSameAs(RealtimeModel.GPT_REALTIME);
        assertThat(session.outputModalities().get(0)).isSameAs(Modality.AUDIO);
        assertThat(session.toolChoice()).isSameAs(ToolChoice.AUTO);
        assertThat(session.truncation()).isSameAs(Truncation.DISABLED);
        assertThat(session.object()).isEqualTo("realtime.session");
        assertThat(session.audio().output().voice()).isSameAs(Voice.ALLOY);
    }

    @Test
    void escapedKnownValuesAreMatchedOnTheirDecodedText() {
        RealtimeSessionDetails session = session("\"audio\":{\"output\":{\"voice\":\"\\u0061lloy\"}}");

        assertThat(session.audio().output().voice()).isSameAs(Voice.ALLOY);
    }

    @Test
    void otherValuesAreMadeByTheFallbackEvenWhenAKnownOneIsTheirPrefix() {
        RealtimeSessionDetails session = session("\"tool_choice\":\"autox\",\"truncation\":\"aut\","
                + "\"audio\":{\"output\":{\"voice\":\"alloy2\"}}");

        assertThat(session.toolChoice()).isEqualTo(ToolChoice.mode("autox"));
        assertThat(session.truncation()).isEqualTo(Truncation.mode("aut"));
        Voice voice = session.audio().output().voice();
        assertThat(voice.value()).isEqualTo("alloy2");
        assertThat(voice.isKnown()).isFalse();
    }

    private static RealtimeSessionDetails session(String fields) {
        String json = "{\"value\":\"ek_1\",\"expires_at\":1,\"session\":{\"type\":\"realtime\"," + fields + "}}";
        ClientSecretCreateResponse response = Endpoint.CLIENT_SECRETS.fromJson(json.getBytes(StandardCharsets.UTF_8));
        return (RealtimeSessionDetails) response.session();
    }
}
