package dev.realtimesessions.internal;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import org.jspecify.annotations.Nullable;

/**
 * How a credential goes on the wire: the header that carries it and that header's value. OpenAI
 * takes {@code Authorization: Bearer <key>}, as does Azure OpenAI for a Microsoft Entra ID token;
 * Azure OpenAI takes its keys as {@code api-key: <key>}. The value is built once for a credential
 * used call after call. Every endpoint's request goes through the same instance.
 */
final class AuthHeader {

    /** Azure OpenAI's key header. */
    private static final AsciiString API_KEY = AsciiString.cached("api-key");

    private final AsciiString name;
    private final String prefix;
    /** The other scheme's header, removed from every request so that a request never carries both; or null. */
    private final @Nullable AsciiString excluded;
    /** The last credential seen and its header value, kept for the next call with the same credential. */
    private volatile @Nullable Built last;

    private AuthHeader(AsciiString name, String prefix, @Nullable AsciiString excluded) {
        this.name = name;
        this.prefix = prefix;
        this.excluded = excluded;
    }

    /** {@code Authorization: Bearer <credential>}: OpenAI's keys. */
    static AuthHeader bearer() {
        return new AuthHeader(HttpHeaderNames.AUTHORIZATION, "Bearer ", null);
    }

    /** {@code Authorization: Bearer <credential>} and never {@code api-key}: Azure OpenAI's Entra ID tokens. */
    static AuthHeader entraBearer() {
        return new AuthHeader(HttpHeaderNames.AUTHORIZATION, "Bearer ", API_KEY);
    }

    /** {@code api-key: <credential>} and never {@code Authorization}: an Azure OpenAI resource's keys. */
    static AuthHeader apiKey() {
        return new AuthHeader(API_KEY, "", HttpHeaderNames.AUTHORIZATION);
    }

    /** Sets the credential's header on a request, and removes the other scheme's if anything set it. */
    void writeTo(HttpHeaders headers, String credential) {
        if (excluded != null) {
            headers.remove(excluded);
        }
        headers.set(name, value(credential));
    }

    /** The header's value for {@code credential}. */
    private String value(String credential) {
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
