package dev.realtimesessions.local;

import java.util.ArrayList;
import java.util.List;

/** A test's own reading of an SDP: the session lines and each media section's lines, nothing interpreted. */
record ParsedSdp(List<String> session, List<Section> media) {

    /** One {@code m=} section: its {@code m=} line and the lines after it. */
    record Section(String mLine, List<String> lines) {

        String kind() {
            return mLine.substring(2).split(" ")[0];
        }

        String port() {
            return mLine.split(" ")[1];
        }

        List<String> formats() {
            String[] parts = mLine.split(" ");
            return List.of(parts).subList(3, parts.length);
        }

        /** The values of {@code a=name:value}. */
        List<String> values(String name) {
            return lines.stream().filter(line -> line.startsWith("a=" + name + ":"))
                    .map(line -> line.substring(name.length() + 3)).toList();
        }

        String value(String name) {
            List<String> values = values(name);
            if (values.size() != 1) {
                throw new AssertionError("expected one a=" + name + " in " + mLine + ", got " + values);
            }
            return values.get(0);
        }

        boolean has(String flag) {
            return lines.contains("a=" + flag);
        }
    }

    static ParsedSdp parse(String sdp) {
        List<String> session = new ArrayList<>();
        List<Section> media = new ArrayList<>();
        List<String> current = session;
        for (String line : sdp.split("\r\n")) {
            if (line.startsWith("m=")) {
                current = new ArrayList<>();
                media.add(new Section(line, current));
            } else {
                current.add(line);
            }
        }
        return new ParsedSdp(session, media);
    }

    List<String> mids() {
        return media.stream().map(section -> section.value("mid")).toList();
    }

    String sessionValue(String name) {
        return session.stream().filter(line -> line.startsWith("a=" + name)).findFirst()
                .map(line -> line.substring(name.length() + 2).replaceFirst("^:", "")).orElse("");
    }
}
