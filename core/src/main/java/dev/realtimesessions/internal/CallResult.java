package dev.realtimesessions.internal;

import dev.realtimesessions.ApiResponse;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A successful call: the decoded value, the answer it came from, and how many attempts it took.
 *
 * @param value the decoded response
 * @param response the HTTP answer
 * @param attempts attempts made, 1 when the first succeeded
 * @param <R> the response type
 */
public record CallResult<R>(R value, RawResponse response, int attempts) {

    /** The public view with status, headers, request id and attempts. */
    public ApiResponse<R> toApiResponse() {
        return new ApiResponse<>(response.status(), headerMap(response.headers()), response.requestId(), attempts, value,
                RateLimitHeaders.parse(response.headers()));
    }

    private static Map<String, List<String>> headerMap(HttpHeaders headers) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> header : headers) {
            map.computeIfAbsent(header.getKey(), name -> new ArrayList<>(1)).add(header.getValue());
        }
        map.replaceAll((name, values) -> List.copyOf(values));
        return map;
    }
}
