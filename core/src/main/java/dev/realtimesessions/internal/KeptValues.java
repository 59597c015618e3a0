package dev.realtimesessions.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.TokenStreamContext;

/**
 * Where {@link JsonIn} keeps the values no typed component holds: by JSON path, relative to the
 * object being read (a session), such as {@code audio.output.voice} or {@code tools[2]}. Paths are
 * built from the parser's own contexts, and only for a value that is kept.
 */
final class KeptValues {

    /** The nesting depth of the object whose fields' names start the paths; -1 when not keeping. */
    private int rootDepth = -1;
    /** The values kept so far, by path; made at the first one. */
    private @Nullable Map<String, Object> values;

    /** Starts keeping, with paths relative to the object at {@code depth}. */
    void from(int depth) {
        rootDepth = depth;
        values = null;
    }

    /** Whether values are being kept; outside an object being read, a kept value is dropped. */
    boolean active() {
        return rootDepth >= 0;
    }

    /** The values kept since {@link #from}, empty when none; stops keeping. */
    Map<String, Object> take() {
        Map<String, Object> taken = values;
        rootDepth = -1;
        values = null;
        return taken == null ? Map.of() : taken;
    }

    /**
     * Keeps {@code value} at the path of the value {@code context} is at (the context of the object
     * or array holding it), plus {@code field} when given.
     */
    void put(TokenStreamContext context, @Nullable String field, @Nullable Object value) {
        StringBuilder path = new StringBuilder(32);
        appendPath(path, context);
        if (field != null) {
            path.append(path.length() == 0 ? "" : ".").append(field);
        }
        Map<String, Object> kept = values;
        if (kept == null) {
            kept = new LinkedHashMap<>();
            values = kept;
        }
        kept.put(path.toString(), value);
    }

    private void appendPath(StringBuilder path, TokenStreamContext context) {
        if (context.getNestingDepth() <= rootDepth) {
            if (context.getNestingDepth() == rootDepth && context.inObject()) {
                path.append(context.currentName());
            }
            return;
        }
        appendPath(path, context.getParent());
        if (context.inArray()) {
            path.append('[').append(context.getCurrentIndex()).append(']');
        } else {
            path.append(path.length() == 0 ? "" : ".").append(context.currentName());
        }
    }
}
