package dev.realtimesessions.internal;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The headers every request of a client carries ({@code User-Agent} and those set on the builder),
 * built once as arrays, so that setting them allocates nothing per call.
 */
final class ClientHeaders {

    static final String PROJECT = "OpenAI-Project";

    private final AsciiString[] names;
    private final String[] values;
    private final @Nullable String project;

    ClientHeaders(String userAgent, Map<String, String> configured) {
        HttpHeaders headers = new DefaultHttpHeaders().set(HttpHeaderNames.USER_AGENT, userAgent);
        configured.forEach(headers::set);
        this.project = headers.get(PROJECT);
        this.names = new AsciiString[headers.size()];
        this.values = new String[headers.size()];
        int index = 0;
        for (Map.Entry<String, String> header : headers) {
            names[index] = AsciiString.cached(header.getKey());
            values[index] = header.getValue();
            index++;
        }
    }

    /** Sets every header, replacing one of the same name. */
    void writeTo(HttpHeaders headers) {
        for (int i = 0; i < names.length; i++) {
            headers.set(names[i], values[i]);
        }
    }

    /** The client's {@code OpenAI-Project}, if set. */
    @Nullable String project() {
        return project;
    }
}
