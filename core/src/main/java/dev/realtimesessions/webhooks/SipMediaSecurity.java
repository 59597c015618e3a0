package dev.realtimesessions.webhooks;

import dev.realtimesessions.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The media protection chosen on a SIP call's leg during SDP negotiation
 * ({@code data.sip_media_security}): {@link #SRTP} for SRTP, {@link #RTP} for unencrypted RTP. It
 * says nothing about the security of the SIP signalling, nor that media has flowed.
 *
 * <p>An open enum, like those in {@code dev.realtimesessions.model}: {@link #of(String)} returns the
 * constant for a documented value and a new instance holding any other value, so a protection
 * newer than this library is read, not refused; {@link #isKnown()} tells the two apart. Two
 * instances are equal when they hold the same value.
 */
public final class SipMediaSecurity {

    private static final Map<String, SipMediaSecurity> KNOWN = new LinkedHashMap<>();

    /** {@code "rtp"}: the media is not encrypted. */
    public static final SipMediaSecurity RTP = known("rtp");

    /** {@code "srtp"}: the media is encrypted with SRTP. */
    public static final SipMediaSecurity SRTP = known("srtp");

    private final String value;

    private SipMediaSecurity(String value) {
        this.value = value;
    }

    private static SipMediaSecurity known(String value) {
        SipMediaSecurity constant = new SipMediaSecurity(value);
        KNOWN.put(value, constant);
        return constant;
    }

    /**
     * The constant for a documented value, or a new instance holding any other value.
     *
     * @param value the wire value
     * @return the SipMediaSecurity for it
     * @throws ValidationException if {@code value} is {@code null}
     */
    public static SipMediaSecurity of(@Nullable String value) {
        if (value == null) {
            throw new ValidationException("sip_media_security", "must not be null");
        }
        SipMediaSecurity constant = KNOWN.get(value);
        return constant != null ? constant : new SipMediaSecurity(value);
    }

    /**
     * The documented values, in the order the API lists them.
     *
     * @return the constants
     */
    public static List<SipMediaSecurity> knownValues() {
        return List.copyOf(KNOWN.values());
    }

    /**
     * The value as the API writes it, for example {@code "srtp"}.
     *
     * @return the wire value
     */
    public String value() {
        return value;
    }

    /**
     * Whether this value is one of the documented constants.
     *
     * @return {@code true} for a documented value, {@code false} for one this library does not know
     */
    public boolean isKnown() {
        return KNOWN.containsKey(value);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other == this || other instanceof SipMediaSecurity that && that.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * The wire value.
     *
     * @return {@link #value()}
     */
    @Override
    public String toString() {
        return value;
    }
}
