package dev.realtimesessions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactingWiretapTest {

    private static final String SECRET = "ek_68af296e8e408191a1120ab6383263c2";
    private static final String BODY = "{\"client_secret\":{\"value\":\"" + SECRET + "\",\"expires_at\":1756310470}}";

    /** Logs {@code text} cut into pieces of {@code length}, as successive reads of one channel would be. */
    private static String logInPieces(String text, int length) {
        EmbeddedChannel channel = new EmbeddedChannel();
        Attribute<String> carry = channel.attr(AttributeKey.valueOf("test.carry"));
        List<String> logged = new ArrayList<>();
        for (int i = 0; i < text.length(); i += length) {
            logged.add(RedactingWiretap.redactContinuing(carry, text.substring(i, Math.min(text.length(), i + length))));
        }
        channel.finishAndReleaseAll();
        return String.join("|", logged);
    }

    private static void holdsNoPieceOfTheSecret(String log) {
        String value = SECRET.substring(3);
        for (int i = 0; i + 4 <= value.length(); i++) {
            assertThat(log).doesNotContain(value.substring(i, i + 4));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 16, 29, 30, 31, 64})
    void aSecretSplitAcrossReadsAtAnyPointIsMasked(int length) {
        String log = logInPieces(BODY, length);
        holdsNoPieceOfTheSecret(log);
        assertThat(log.replace("|", "")).contains("expires_at").contains("1756310470");
    }

    @Test
    void aSecretInterruptedByChunkFramingIsMasked() {
        String chunked = "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n"
                + "20\r\n{\"client_secret\":{\"value\":\"ek_68\r\n"
                + "7\r\naf296e8\r\n"
                + "30\r\ne408191a1120ab6383263c2\",\"expires_at\":1756310470}}\r\n0\r\n\r\n";
        for (int length : new int[] {chunked.length(), 40, 9}) {
            String log = logInPieces(chunked, length);
            holdsNoPieceOfTheSecret(log);
            assertThat(log.replace("|", "")).contains("expires_at");
        }
    }

    @Test
    void aBearerKeySplitAcrossWritesIsMasked() {
        String head = "POST /v1/realtime/sessions HTTP/1.1\r\nauthorization: Bearer sk-proj-abcdefghijklmnop\r\n"
                + "content-type: application/json\r\n\r\n";
        for (int length : new int[] {3, 10, 44, 50}) {
            String log = logInPieces(head, length);
            assertThat(log).doesNotContain("abcd").doesNotContain("ijkl").doesNotContain("mnop");
            assertThat(log.replace("|", "")).contains("content-type: application/json");
        }
    }

    @Test
    void anAzureKeyHeaderSplitAcrossWritesIsMasked() {
        String head = "POST /openai/v1/realtime/client_secrets HTTP/1.1\r\napi-key: 5f1d2c3b4a59687766554433221100ff\r\n"
                + "content-type: application/json\r\n\r\n";
        for (int length : new int[] {3, 10, 44, 50, 60}) {
            String log = logInPieces(head, length);
            assertThat(log).doesNotContain("5f1d").doesNotContain("8776").doesNotContain("00ff");
            assertThat(log.replace("|", "")).contains("api-key: ***").contains("content-type: application/json");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 64, 500, 1000, 1999})
    void aJsonWebTokenSplitAcrossReadsAtAnyPointIsMasked(int length) {
        String token = "eyJ0eXAiOiJKV1QifQ." + "eyJ" + "QUJD".repeat(500) + ".c2lnbmF0dXJlX3ZhbHVl";
        String log = logInPieces("{\"error\":{\"message\":\"token " + token + " was refused\"}}", length);

        assertThat(log).doesNotContain("QUJDQUJD").doesNotContain("c2lnbmF0dXJl");
        assertThat(log.replace("|", "")).containsPattern("token eyJ\\*+ was refused");
    }

    @Test
    void textWithoutSecretsIsLoggedAsIs() {
        String text = "HTTP/1.1 500 Internal Server Error\r\ncontent-type: text/html\r\n\r\n<h1>oops, the desk-top broke</h1>";
        assertThat(logInPieces(text, 7).replace("|", "")).isEqualTo(text);
    }
}
