package dev.realtimesessions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library's version, as Maven wrote it into {@code version.properties} at build time. */
public final class LibraryVersion {

    private static final String VERSION = load();

    private LibraryVersion() {
    }

    /**
     * The User-Agent every request carries, with the version (such as {@code 0.1.0}, or
     * {@code unknown} when run from unfiltered sources).
     */
    public static String userAgent() {
        return "realtime-sessions-java/" + VERSION + " (Java " + Runtime.version().feature() + ")";
    }

    private static String load() {
        try (InputStream in = LibraryVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            return version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
