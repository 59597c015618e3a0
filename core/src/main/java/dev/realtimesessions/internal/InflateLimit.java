package dev.realtimesessions.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpResponseDecoderSpec;

/**
 * Caps how much one read of a compressed answer may inflate to, so that a gzip bomb is refused as
 * it inflates instead of being inflated whole before the body cap is checked.
 *
 * <p>The cap needs {@code HttpResponseDecoderSpec.maxDecompressionBufferSize}, which Reactor Netty
 * has since 1.3.8; an application that pins an older Reactor Netty (Spring Boot 4.0.7 manages
 * 1.3.6) still works, with the body cap checked after each read's inflation.
 */
final class InflateLimit {

    private static final Logger log = LoggerFactory.getLogger("dev.realtimesessions.RealtimeSessions");
    private static final boolean SUPPORTED = supported();

    private InflateLimit() {
    }

    /** The client, inflating at most {@code maxResponseBytes + 1} bytes per read where Reactor Netty can. */
    static HttpClient apply(HttpClient client, int maxResponseBytes) {
        if (!SUPPORTED) {
            log.debug("Reactor Netty {} cannot cap decompression per read; upgrade to 1.3.8 or newer for that",
                    HttpClient.class.getPackage().getImplementationVersion());
            return client;
        }
        int limit = maxResponseBytes == Integer.MAX_VALUE ? 0 : maxResponseBytes + 1;
        return client.httpResponseDecoder(spec -> spec.maxDecompressionBufferSize(limit));
    }

    private static boolean supported() {
        try {
            HttpResponseDecoderSpec.class.getMethod("maxDecompressionBufferSize", int.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
