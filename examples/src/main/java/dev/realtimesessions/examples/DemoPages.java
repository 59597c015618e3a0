package dev.realtimesessions.examples;

import dev.realtimesessions.adapter.webflux.RealtimeCallEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The TokenServer's own routes: its two pages and their assets, each page setting the demo cookie,
 * and {@code POST /demo/revoke}, the demo's stand-in for an application event such as a logout,
 * which hangs up every open call of the signed-in user. The endpoints' routes are the
 * auto-configuration's.
 */
final class DemoPages {

    /** Where a page revokes the signed-in user's calls, as a logout would: all are hung up. */
    static final String REVOKE_PATH = "/demo/revoke";

    private static final String RESOURCES = "/tokenserver/";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " connect-src 'self' https://api.openai.com; img-src 'self' data:; media-src 'self' blob:;"
            + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private DemoPages() {
    }

    /**
     * The routes. The pages and assets are read once, here, so that serving them never touches the
     * disk on an event loop.
     *
     * @param login the demo's login, whose cookie each page sets
     * @param offerWebRtc whether sessions start at OpenAI, so that the pages offer real audio
     * @param calls the call endpoint, whose time limit the call page shows and whose calls a logout ends
     */
    static RouterFunction<ServerResponse> routes(DemoLogin login, boolean offerWebRtc, RealtimeCallEndpoint calls) {
        String upstream = offerWebRtc ? "openai" : "local";
        String tokenPage = resource("index.html").replace("{{UPSTREAM}}", upstream);
        String callPage = resource("call.html").replace("{{UPSTREAM}}", upstream)
                .replace("{{CALL_PATH}}", calls.path())
                .replace("{{MAX_CALL_SECONDS}}", Long.toString(calls.maxDuration().toSeconds()));
        String tokenScript = resource("token-page.js");
        String callScript = resource("call-page.js");
        String style = resource("token-page.css");
        MediaType javascript = MediaType.valueOf("text/javascript;charset=UTF-8");
        return RouterFunctions.route(RequestPredicates.GET("/"),
                        request -> asset(MediaType.TEXT_HTML, tokenPage, builder -> builder.cookie(login.cookie())))
                .andRoute(RequestPredicates.GET("/call"),
                        request -> asset(MediaType.TEXT_HTML, callPage, builder -> builder.cookie(login.cookie())))
                .andRoute(RequestPredicates.GET("/token-page.js"), request -> asset(javascript, tokenScript, builder -> { }))
                .andRoute(RequestPredicates.GET("/call-page.js"), request -> asset(javascript, callScript, builder -> { }))
                .andRoute(RequestPredicates.GET("/token-page.css"),
                        request -> asset(MediaType.valueOf("text/css;charset=UTF-8"), style, builder -> { }))
                .andRoute(RequestPredicates.POST(REVOKE_PATH), request -> login.isSignedIn(request)
                        ? calls.revokeUser(DemoLogin.USER).flatMap(ended -> json(HttpStatus.OK, "{\"ended\":" + ended + "}"))
                        : json(HttpStatus.FORBIDDEN, "{\"error\":{\"type\":\"forbidden\","
                                + "\"message\":\"Not signed in: load the page to get the demo cookie.\"}}"));
    }

    private static Mono<ServerResponse> json(HttpStatus status, String body) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore()).bodyValue(body);
    }

    private static Mono<ServerResponse> asset(MediaType type, String body, Consumer<ServerResponse.BodyBuilder> extra) {
        ServerResponse.BodyBuilder builder = ServerResponse.ok()
                .contentType(type.getCharset() == null ? new MediaType(type, StandardCharsets.UTF_8) : type)
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
        extra.accept(builder);
        return builder.bodyValue(body);
    }

    private static String resource(String name) {
        try (InputStream in = DemoPages.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
