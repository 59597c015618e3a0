package dev.realtimesessions.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SDP answer's structure, read with the test's own parser, against offers Chromium 156 made
 * (captured from {@code RTCPeerConnection.createOffer()} in headless Chromium and kept as test
 * resources). {@code SdpAnswerBrowserTest} in the examples module applies the answers in a real Chromium.
 */
class SdpAnswererTest {

    private static String answer(String offer) {
        return SdpAnswerer.answer(SdpOffer.parse(offer));
    }

    @Test
    void answersChromiumsAudioAndDataChannelOfferSectionBySection() {
        ParsedSdp offer = ParsedSdp.parse(TestHttp.chromiumOffer());
        String text = answer(TestHttp.chromiumOffer());
        ParsedSdp answer = ParsedSdp.parse(text);

        assertThat(text).startsWith("v=0\r\n").endsWith("\r\n").doesNotContain("\n\n");
        assertThat(answer.session()).contains("s=-", "t=0 0").anyMatch(line -> line.matches("o=- \\d+ \\d+ IN IP4 .+"));
        assertThat(answer.media()).extracting(ParsedSdp.Section::kind).containsExactly("audio", "application");
        assertThat(answer.mids()).isEqualTo(offer.mids()).containsExactly("0", "1");
        assertThat(answer.sessionValue("group:BUNDLE").trim()).isEqualTo("0 1");

        ParsedSdp.Section audio = answer.media().get(0);
        assertThat(audio.formats()).as("the offer's opus payload type, nothing else").containsExactly("111");
        assertThat(audio.values("rtpmap")).containsExactly("111 opus/48000/2");
        assertThat(audio.values("fmtp")).containsExactly("111 minptime=10;useinbandfec=1");
        assertThat(audio.has("sendrecv")).isTrue();
        assertThat(audio.has("rtcp-mux")).isTrue();

        ParsedSdp.Section data = answer.media().get(1);
        assertThat(data.mLine()).isEqualTo("m=application 9 UDP/DTLS/SCTP webrtc-datachannel");
        assertThat(data.value("sctp-port")).isEqualTo("5000");

        for (int i = 0; i < 2; i++) {
            ParsedSdp.Section answered = answer.media().get(i);
            ParsedSdp.Section offered = offer.media().get(i);
            assertThat(answered.value("setup")).isEqualTo("active");
            assertThat(answered.value("ice-ufrag")).matches("[A-Za-z0-9+/]{4,256}")
                    .isNotEqualTo(offered.value("ice-ufrag"));
            assertThat(answered.value("ice-pwd")).matches("[A-Za-z0-9+/]{22,256}")
                    .isNotEqualTo(offered.value("ice-pwd"));
            assertThat(answered.value("fingerprint")).matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}")
                    .isNotEqualTo(offered.value("fingerprint"));
            assertThat(answered.lines()).contains("c=IN IP4 0.0.0.0").noneMatch(line -> line.startsWith("a=candidate"));
        }
        assertThat(answer.media().get(0).value("fingerprint")).as("one certificate for the bundle")
                .isEqualTo(answer.media().get(1).value("fingerprint"));
    }

    @Test
    void eachAnswerHasItsOwnCredentials() {
        ParsedSdp first = ParsedSdp.parse(answer(TestHttp.chromiumOffer()));
        ParsedSdp second = ParsedSdp.parse(answer(TestHttp.chromiumOffer()));
        assertThat(first.media().get(0).value("ice-ufrag")).isNotEqualTo(second.media().get(0).value("ice-ufrag"));
        assertThat(first.media().get(0).value("fingerprint")).isNotEqualTo(second.media().get(0).value("fingerprint"));
    }

    @Test
    void mirrorsTheDirectionAndRejectsVideoOutOfTheBundle() {
        ParsedSdp answer = ParsedSdp.parse(answer(TestHttp.chromiumSendonlyVideoOffer()));

        assertThat(answer.mids()).containsExactly("0", "1", "2");
        assertThat(answer.media().get(0).has("recvonly")).as("sendonly is answered recvonly").isTrue();
        assertThat(answer.media().get(0).has("sendrecv")).isFalse();
        ParsedSdp.Section video = answer.media().get(1);
        assertThat(video.kind()).isEqualTo("video");
        assertThat(video.port()).as("rejected").isEqualTo("0");
        assertThat(video.values("ice-ufrag")).isEmpty();
        assertThat(answer.sessionValue("group:BUNDLE").trim()).isEqualTo("0 2");
    }

    @Test
    void answersADataChannelOnlyOfferAndOneWithLfLineEnds() {
        String dataOnly = String.join("\n", List.of("v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "t=0 0",
                "a=group:BUNDLE 0", "m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "c=IN IP4 0.0.0.0",
                "a=ice-ufrag:abcd", "a=ice-pwd:abcdefghijklmnopqrstuvwx", "a=fingerprint:sha-256 "
                        + "AA:".repeat(31) + "AA", "a=setup:actpass", "a=mid:0", "a=sctp-port:5000", ""));
        ParsedSdp answer = ParsedSdp.parse(answer(dataOnly));
        assertThat(answer.media()).hasSize(1);
        assertThat(answer.media().get(0).value("mid")).isEqualTo("0");
        assertThat(answer.sessionValue("group:BUNDLE").trim()).isEqualTo("0");
    }

    @Test
    void answersAnActiveOfferPassive() {
        String active = TestHttp.chromiumOffer().replace("a=setup:actpass", "a=setup:active");
        assertThat(ParsedSdp.parse(answer(active)).media().get(0).value("setup")).isEqualTo("passive");
    }

    @Test
    void refusesWhatNoWebRtcEndpointWouldAccept() {
        String offer = TestHttp.chromiumOffer();
        assertThatThrownBy(() -> answer("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> answer("hello")).hasMessageContaining("must start with 'v=0'");
        assertThatThrownBy(() -> answer(offer.substring(0, offer.indexOf("m=audio"))))
                .hasMessageContaining("no media section");
        assertThatThrownBy(() -> answer(offer.replace("a=mid:0\r\n", "")))
                .hasMessageContaining("has no a=mid");
        assertThatThrownBy(() -> answer(offer.replaceAll("a=fingerprint:[^\r]*\r\n", "")))
                .hasMessageContaining("mid '0' has no a=fingerprint");
        assertThatThrownBy(() -> answer(offer.replaceAll("a=ice-pwd:[^\r]*\r\n", "")))
                .hasMessageContaining("has no a=ice-pwd");
        assertThatThrownBy(() -> answer(offer.replace("m=audio 9 UDP", "m=audio nine UDP")))
                .hasMessageContaining("is not a number");
        assertThatThrownBy(() -> answer(offer.replace("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 speex/48000")
                        .replace("m=application 9", "m=application 0")))
                .hasMessageContaining("nothing the Realtime API can answer");
    }
}
