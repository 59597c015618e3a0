package dev.realtimesessions.local;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers a WebRTC SDP offer the way a media server that speaks opus and data channels would, so
 * that a browser's {@code setRemoteDescription} accepts the answer (the call carries no media: the
 * answer has no ICE candidates, and its DTLS fingerprint belongs to no certificate).
 *
 * <p>What the answer holds, and why:
 * <ul>
 *   <li>the offer's media sections, same count, same order, same {@code a=mid} (RFC 8829, section
 *       5.3.1; Chromium refuses an answer whose m-lines differ from the offer's);</li>
 *   <li>the first audio section with opus is accepted with the offer's opus payload types and their
 *       {@code a=fmtp} (RFC 3264, section 6.1: an answer keeps the offer's payload type numbers); the
 *       first {@code webrtc-datachannel} section is accepted with {@code a=sctp-port} (RFC 8841) and
 *       {@code a=max-message-size}; every other section is rejected with port 0;</li>
 *   <li>the direction mirrored: sendrecv stays sendrecv, sendonly becomes recvonly, and so on (RFC 3264,
 *       section 6.1);</li>
 *   <li>{@code a=setup:active} to the offer's {@code actpass} (RFC 8842, section 5.2);</li>
 *   <li>its own {@code a=ice-ufrag} (8 ice-chars) and {@code a=ice-pwd} (24) in every accepted section:
 *       RFC 8839 section 5.4 asks for 4 to 256 and 22 to 256 characters, and WebRTC's
 *       {@code VerifyIceParams} (p2p/base/transport_description.cc) refuses anything else;</li>
 *   <li>its own {@code a=fingerprint:sha-256} of 32 random bytes (RFC 8122, section 5);</li>
 *   <li>{@code a=rtcp-mux} when the offer has it: Chromium's default {@code rtcpMuxPolicy} is
 *       "require"; Chromium 156 refuses a bundled answer without it ("rtcp-mux must be enabled when
 *       BUNDLE is enabled"), an unbundled one with "RTCP-MUX is not enabled when it is required";</li>
 *   <li>{@code a=group:BUNDLE} with the offer's bundled mids that were accepted, in the offer's order
 *       (RFC 9143, section 7.3).</li>
 * </ul>
 * OpenAI's own example answer (the {@code /realtime/calls} response in the spec) has the same
 * shape, plus ICE candidates of its media servers.
 */
final class SdpAnswerer {

    private static final String CRLF = "\r\n";

    private SdpAnswerer() {
    }

    /** The answer; {@link SdpOffer.InvalidSdpException} when there is nothing the endpoint can answer. */
    static String answer(SdpOffer offer) {
        String ufrag = Ids.iceChars(8);
        String pwd = Ids.iceChars(24);
        String fingerprint = HexFormat.ofDelimiter(":").withUpperCase().formatHex(Ids.random(32));
        List<String> accepted = new ArrayList<>();
        StringBuilder media = new StringBuilder();
        boolean audio = false;
        boolean data = false;
        for (SdpOffer.Media section : offer.media) {
            List<String> opus = opusPayloadTypes(section);
            if (!audio && section.kind().equals("audio") && section.port() != 0 && !opus.isEmpty()) {
                audio = true;
                accepted.add(section.mid());
                audio(media, offer, section, opus);
            } else if (!data && isDataChannel(section)) {
                data = true;
                accepted.add(section.mid());
                dataChannel(media, section);
            } else {
                rejected(media, section);
                continue;
            }
            media.append("a=ice-ufrag:").append(ufrag).append(CRLF)
                    .append("a=ice-pwd:").append(pwd).append(CRLF)
                    .append("a=fingerprint:sha-256 ").append(fingerprint).append(CRLF)
                    .append("a=setup:").append(setup(offer, section)).append(CRLF);
        }
        if (accepted.isEmpty()) {
            throw new SdpOffer.InvalidSdpException("The SDP offer has no audio section with opus and no"
                    + " webrtc-datachannel section: nothing the Realtime API can answer.");
        }
        StringBuilder answer = new StringBuilder()
                .append("v=0").append(CRLF)
                .append("o=- ").append(Ids.sdpSessionId()).append(" 2 IN IP4 127.0.0.1").append(CRLF)
                .append("s=-").append(CRLF)
                .append("t=0 0").append(CRLF);
        List<String> bundle = offer.bundle().stream().filter(accepted::contains).toList();
        if (!bundle.isEmpty()) {
            answer.append("a=group:BUNDLE ").append(String.join(" ", bundle)).append(CRLF);
        }
        answer.append("a=msid-semantic:WMS *").append(CRLF);
        return answer.append(media).toString();
    }

    private static void audio(StringBuilder media, SdpOffer offer, SdpOffer.Media section, List<String> opus) {
        media.append("m=audio 9 ").append(section.proto()).append(' ').append(String.join(" ", opus)).append(CRLF)
                .append("c=IN IP4 0.0.0.0").append(CRLF)
                .append("a=mid:").append(section.mid()).append(CRLF)
                .append("a=").append(direction(section)).append(CRLF);
        if (section.attribute("rtcp-mux").isPresent()) {
            media.append("a=rtcp-mux").append(CRLF);
        }
        for (String payloadType : opus) {
            section.attributes("rtpmap").stream().filter(map -> map.startsWith(payloadType + " ")).findFirst()
                    .ifPresent(map -> media.append("a=rtpmap:").append(map).append(CRLF));
            section.attributes("fmtp").stream().filter(fmtp -> fmtp.startsWith(payloadType + " ")).findFirst()
                    .ifPresent(fmtp -> media.append("a=fmtp:").append(fmtp).append(CRLF));
        }
    }

    private static void dataChannel(StringBuilder media, SdpOffer.Media section) {
        media.append("m=application 9 ").append(section.proto()).append(" webrtc-datachannel").append(CRLF)
                .append("c=IN IP4 0.0.0.0").append(CRLF)
                .append("a=mid:").append(section.mid()).append(CRLF)
                .append("a=sctp-port:").append(section.attribute("sctp-port").orElse("5000")).append(CRLF)
                .append("a=max-message-size:262144").append(CRLF);
    }

    /** A rejected section: port 0, the offer's formats, its mid (RFC 8829, section 5.3.1). */
    private static void rejected(StringBuilder media, SdpOffer.Media section) {
        media.append("m=").append(section.kind()).append(" 0 ").append(section.proto()).append(' ')
                .append(String.join(" ", section.formats())).append(CRLF)
                .append("c=IN IP4 0.0.0.0").append(CRLF)
                .append("a=mid:").append(section.mid()).append(CRLF);
    }

    private static List<String> opusPayloadTypes(SdpOffer.Media section) {
        return section.formats().stream()
                .filter(pt -> section.attributes("rtpmap").stream()
                        .anyMatch(map -> map.toLowerCase(Locale.ROOT).startsWith(pt + " opus/")))
                .toList();
    }

    private static boolean isDataChannel(SdpOffer.Media section) {
        return section.kind().equals("application") && section.port() != 0 && section.proto().endsWith("DTLS/SCTP")
                && section.formats().contains("webrtc-datachannel");
    }

    private static String direction(SdpOffer.Media section) {
        for (String direction : List.of("sendrecv", "sendonly", "recvonly", "inactive")) {
            if (section.attribute(direction).isPresent()) {
                return switch (direction) {
                    case "sendonly" -> "recvonly";
                    case "recvonly" -> "sendonly";
                    default -> direction;
                };
            }
        }
        return "sendrecv";
    }

    private static String setup(SdpOffer offer, SdpOffer.Media section) {
        Optional<String> offered = offer.attribute(section, "setup");
        return offered.filter("active"::equals).map(active -> "passive").orElse("active");
    }
}
