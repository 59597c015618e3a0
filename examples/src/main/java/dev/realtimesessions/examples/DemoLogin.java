package dev.realtimesessions.examples;

import dev.realtimesessions.adapter.webflux.RealtimeTokenAuthorizer;
import dev.realtimesessions.adapter.webflux.RealtimeTokenQuota;
import dev.realtimesessions.adapter.webflux.TokenGuardrails;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * The TokenServer's stand-in for a login: serving a page sets an {@code HttpOnly} cookie with a
 * random credential, and a request that sends it back is the demo's one user,
 * {@value #USER}. Both endpoints ask it who may start a session ({@link #authorizer()}) and who
 * the caller is ({@link #guardrails(RealtimeTokenQuota)}: the user whose calls are counted, hung up by handle and
 * revoked).
 */
final class DemoLogin {

    /** The user every browser holding the demo cookie is. */
    static final String USER = "demo-user";

    private final byte[] credential;
    private final ResponseCookie cookie;

    DemoLogin() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        this.credential = value.getBytes(StandardCharsets.US_ASCII);
        this.cookie = ResponseCookie.from(TokenServer.DEMO_COOKIE, value)
                .httpOnly(true).sameSite("Strict").path("/").build();
    }

    /** The cookie a page's response sets. */
    ResponseCookie cookie() {
        return cookie;
    }

    /** Whether the request sent the demo cookie back. */
    boolean isSignedIn(ServerRequest request) {
        HttpCookie sent = request.cookies().getFirst(TokenServer.DEMO_COOKIE);
        return sent != null && MessageDigest.isEqual(credential, sent.getValue().getBytes(StandardCharsets.US_ASCII));
    }

    /** Who may have a secret or start a call: whoever is signed in. */
    RealtimeTokenAuthorizer authorizer() {
        return request -> Mono.just(isSignedIn(request));
    }

    /**
     * The quota, if any, and no other limit beyond the endpoints' own. The caller is, when signed
     * in, the user a {@value TokenServer#DEMO_USER_HEADER} header names, else {@value #USER} (anyone
     * not signed in is {@value TokenGuardrails#ANONYMOUS}, who holds no calls to hang up).
     */
    TokenGuardrails guardrails(@Nullable RealtimeTokenQuota quota) {
        TokenGuardrails.Builder guardrails = TokenGuardrails.builder().user(request -> !isSignedIn(request) ? Mono.empty()
                : Mono.justOrEmpty(request.headers().firstHeader(TokenServer.DEMO_USER_HEADER))
                        .filter(named -> !named.isBlank()).defaultIfEmpty(USER));
        if (quota != null) {
            guardrails.quota(quota);
        }
        return guardrails.build();
    }
}
