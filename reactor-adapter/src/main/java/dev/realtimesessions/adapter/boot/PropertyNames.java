package dev.realtimesessions.adapter.boot;

import java.util.Locale;

/** Turns a builder option name ({@code baseUrl}) into its property name ({@code base-url}). */
final class PropertyNames {

    private PropertyNames() {
    }

    static String of(String option) {
        return option.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
