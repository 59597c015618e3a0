package dev.realtimesessions.internal;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AsciiString;
import org.jspecify.annotations.Nullable;

/**
 * How a credential goes on the wire: the header that carries it and that header's value. OpenAI
 * takes {@code Authorization: Bearer <key>}; another scheme (a provider's own key header, a bearer
 * token from an identity provider) is another instance. The value is built once for a credential
 * used call after call.
 */
final class AuthHeader {

    private final AsciiString name;
    private final String prefix;
    /** The last credential seen and its header value, kept for the next call with the same credential. */
    private volatile @Nullable Built last;

    private AuthHeader(AsciiString name, String prefix) {
        this.name = name;
        this.prefix = prefix;
    }

    /** {@code Authorization: Bearer <credential>}. */
    static AuthHeader bearer() {
        return new AuthHeader(HttpHeaderNames.AUTHORIZATION, "Bearer ");
    }

    AsciiString name() {
        return name;
    }

    /** The header's value for {@code credential}. */
    String value(String credential) {
        Built known = last;
        if (known != null && known.credential().equals(credential)) {
            return known.value();
        }
        Built built = new Built(credential, prefix + credential);
        last = built;
        return built.value();
    }

    /** A credential and its header value; its {@code toString()} shows neither. */
    private record Built(String credential, String value) {
        @Override
        public String toString() {
            return "AuthHeader.Built[***]";
        }
    }
}
