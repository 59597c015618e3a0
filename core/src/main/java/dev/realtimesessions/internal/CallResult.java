package dev.realtimesessions.internal;

import dev.realtimesessions.ApiResponse;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A successful call: the decoded value, the status and headers of the answer it came from (its
 * body is read and released by then), and how many attempts it took.
 *
 * @param value the decoded response
 * @param status the HTTP status
 * @param headers the HTTP headers
 * @param attempts attempts made, 1 when the first succeeded
 * @param <R> the response type
 */
public record CallResult<R>(R value, int status, HttpHeaders headers, int attempts) {

    /** The public view with status, headers, request id and attempts. */
    public ApiResponse<R> toApiResponse() {
        return new ApiResponse<>(status, headerMap(headers), RawResponse.requestId(headers), attempts, value,
                RateLimitHeaders.parse(headers));
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
