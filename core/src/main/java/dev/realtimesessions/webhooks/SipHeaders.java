package dev.realtimesessions.webhooks;

import dev.realtimesessions.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the SIP call events share about their {@code data.sip_headers}: the copy and the lookup by name. */
final class SipHeaders {

    private SipHeaders() {
    }

    /** An unmodifiable copy; {@code null} is empty, a {@code null} header is refused. */
    static List<SipHeader> copy(@Nullable List<SipHeader> headers) {
        if (headers == null) {
            return List.of();
        }
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i) == null) {
                throw new ValidationException("data.sip_headers[" + i + "]", "must not be null");
            }
        }
        return List.copyOf(headers);
    }

    /** The values of every header named {@code name} (without regard to case), in order. */
    static List<String> values(List<SipHeader> headers, @Nullable String name) {
        if (name == null) {
            throw new ValidationException("name", "must not be null");
        }
        List<String> values = new ArrayList<>(2);
        for (SipHeader header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                values.add(header.value());
            }
        }
        return List.copyOf(values);
    }
}
