package dev.realtimesessions.local;


/**
 * One header of the SIP INVITE that a {@code realtime.call.incoming} or
 * {@code live.transport.incoming} webhook carries in {@code data.sip_headers}.
 *
 * @param name the header name, such as {@code From}
 * @param value the header value, such as {@code <sip:+14155550123@example.com>;tag=abc}
 */
public record SipHeader(String name, String value) {

    /**
     * Checks that both parts are there.
     *
     * @param name the header name
     * @param value the header value
     * @throws IllegalArgumentException if a required component is null
     */
    public SipHeader {
        Args.required("name", name);
        Args.required("value", value);
    }

    /**
     * A header.
     *
     * @param name the header name
     * @param value the header value
     * @return the header
     */
    public static SipHeader of(String name, String value) {
        return new SipHeader(name, value);
    }
}
