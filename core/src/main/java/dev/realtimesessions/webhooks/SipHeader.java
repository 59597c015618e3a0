package dev.realtimesessions.webhooks;

import dev.realtimesessions.ValidationException;

/**
 * One header of the SIP {@code INVITE} that started a call ({@code {"name": ..., "value": ...}} in
 * {@code data.sip_headers}). Values come from the caller's side of the call: treat them as untrusted.
 *
 * @param name the header's name, as the SIP peer wrote it ({@code name})
 * @param value the header's value ({@code value})
 */
public record SipHeader(String name, String value) {

    /**
     * Creates the header.
     *
     * @param name the header's name, as the SIP peer wrote it ({@code name})
     * @param value the header's value ({@code value})
     * @throws ValidationException if a component is {@code null}
     */
    public SipHeader {
        if (name == null) {
            throw new ValidationException("sip_headers[].name", "must not be null");
        }
        if (value == null) {
            throw new ValidationException("sip_headers[].value", "must not be null");
        }
    }
}
