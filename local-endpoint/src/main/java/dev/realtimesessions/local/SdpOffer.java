package dev.realtimesessions.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A WebRTC SDP offer, parsed as far as answering it needs (RFC 8866 syntax): the session-level
 * attributes and the media sections with theirs. {@link #parse} refuses what no real WebRTC
 * endpoint would accept, so that a client that mangles the offer learns it here rather than from
 * a browser later.
 */
final class SdpOffer {

    final List<String> sessionAttributes;
    final List<Media> media;

    private SdpOffer(List<String> sessionAttributes, List<Media> media) {
        this.sessionAttributes = sessionAttributes;
        this.media = media;
    }

    /** An offer the endpoint cannot answer; the message says why. */
    static final class InvalidSdpException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidSdpException(String message) {
            super(message);
        }
    }

    /**
     * One {@code m=} section.
     *
     * @param kind {@code audio}, {@code video}, {@code application}, ...
     * @param port the port of the {@code m=} line (0: rejected by the offerer)
     * @param proto the transport protocol, such as {@code UDP/TLS/RTP/SAVPF}
     * @param formats the formats: RTP payload types, or {@code webrtc-datachannel}
     * @param attributes the section's {@code a=} lines without {@code a=}
     */
    record Media(String kind, int port, String proto, List<String> formats, List<String> attributes) {

        /** The value of the first {@code a=name:value}, or of a flag {@code a=name} as "". */
        Optional<String> attribute(String name) {
            return first(attributes, name);
        }

        /** The values of every {@code a=name:value}. */
        List<String> attributes(String name) {
            return attributes.stream().filter(a -> a.startsWith(name + ":")).map(a -> a.substring(name.length() + 1))
                    .toList();
        }

        String mid() {
            return attribute("mid").orElseThrow();
        }
    }

    /** The value of a session-level attribute, or of the media section's when the session has none. */
    Optional<String> attribute(Media section, String name) {
        return section.attribute(name).or(() -> first(sessionAttributes, name));
    }

    /** The mids of the offer's {@code a=group:BUNDLE}, in its order; empty without one. */
    List<String> bundle() {
        return sessionAttributes.stream().filter(a -> a.startsWith("group:BUNDLE")).findFirst()
                .map(group -> List.of(group.substring("group:BUNDLE".length()).trim().split("\\s+")))
                .map(mids -> mids.stream().filter(mid -> !mid.isEmpty()).toList())
                .orElse(List.of());
    }

    static SdpOffer parse(@Nullable String sdp) {
        if (sdp == null || sdp.isBlank()) {
            throw new InvalidSdpException("The SDP offer is empty.");
        }
        String[] lines = sdp.split("\r?\n");
        if (!lines[0].equals("v=0")) {
            throw new InvalidSdpException("The SDP offer must start with 'v=0'.");
        }
        List<String> session = new ArrayList<>();
        List<Media> media = new ArrayList<>();
        String[] mLine = null;
        List<String> attributes = session;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() && i == lines.length - 1) {
                break;
            }
            if (line.length() < 2 || line.charAt(1) != '=' || !Character.isLetter(line.charAt(0))) {
                throw new InvalidSdpException("Line " + (i + 1) + " of the SDP offer is not '<type>=<value>'.");
            }
            if (line.startsWith("m=")) {
                if (mLine != null) {
                    media.add(media(mLine, attributes));
                }
                mLine = line.substring(2).trim().split("\\s+");
                if (mLine.length < 4) {
                    throw new InvalidSdpException("Line " + (i + 1) + " of the SDP offer is not"
                            + " 'm=<media> <port> <proto> <fmt> ...'.");
                }
                attributes = new ArrayList<>();
            } else if (line.startsWith("a=")) {
                attributes.add(line.substring(2));
            }
        }
        if (mLine == null) {
            throw new InvalidSdpException("The SDP offer has no media section (m=).");
        }
        media.add(media(mLine, attributes));
        SdpOffer offer = new SdpOffer(List.copyOf(session), List.copyOf(media));
        offer.checkTransport();
        return offer;
    }

    private static Media media(String[] mLine, List<String> attributes) {
        int port;
        try {
            port = Integer.parseInt(mLine[1].split("/")[0]);
        } catch (NumberFormatException e) {
            throw new InvalidSdpException("The port of 'm=" + mLine[0] + "' is not a number.");
        }
        if (first(attributes, "mid").filter(mid -> !mid.isBlank()).isEmpty()) {
            throw new InvalidSdpException("The media section 'm=" + mLine[0] + "' has no a=mid (WebRTC offers"
                    + " carry one in every section).");
        }
        return new Media(mLine[0], port, mLine[2], List.of(mLine).subList(3, mLine.length), List.copyOf(attributes));
    }

    /** ICE credentials and a DTLS fingerprint for every section, at session or media level (RFC 8839, 8842). */
    private void checkTransport() {
        for (Media section : media) {
            for (String required : List.of("ice-ufrag", "ice-pwd", "fingerprint")) {
                if (attribute(section, required).filter(value -> !value.isBlank()).isEmpty()) {
                    throw new InvalidSdpException("The media section with mid '" + section.mid() + "' has no a="
                            + required + ".");
                }
            }
        }
    }

    private static Optional<String> first(List<String> attributes, String name) {
        for (String attribute : attributes) {
            if (attribute.equals(name)) {
                return Optional.of("");
            }
            if (attribute.startsWith(name + ":")) {
                return Optional.of(attribute.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }
}
