package dev.realtimesessions.internal;

import dev.realtimesessions.ValidationException;
import io.netty.util.NetUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The checks on a client's base URL (or Azure resource URL): a usable http(s) URL, and plain http
 * only where the credential cannot be overheard.
 */
public final class BaseUrls {

    private BaseUrls() {
    }

    /**
     * The URL, trimmed, its scheme in lower case and without a trailing slash.
     *
     * @param field the option the URL was given to ({@code baseUrl}, {@code azure}), named in errors
     * @param baseUrl the URL as given
     * @return the normalized URL
     * @throws ValidationException naming {@code field} if it is not an http(s) URL with a host, or
     *     has a query, fragment or user info
     */
    public static String normalize(String field, @Nullable String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new ValidationException(field, "must not be " + (baseUrl == null ? "null" : "blank"));
        }
        URI uri;
        try {
            uri = new URI(baseUrl.trim());
        } catch (URISyntaxException e) {
            throw new ValidationException(field, "is not a valid URL (" + e.getReason() + " at index "
                    + e.getIndex() + "): \"" + shown(baseUrl) + "\"");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new ValidationException(field, "must start with https:// (or http:// for a local server),"
                    + " but was \"" + shown(baseUrl) + "\"");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new ValidationException(field, "has no host: \"" + shown(baseUrl) + "\"");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new ValidationException(field, "must not have a query, fragment or user info: \""
                    + shown(baseUrl) + "\"");
        }
        String normalized = scheme + baseUrl.trim().substring(scheme.length());
        while (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return normalized;
    }

    /**
     * Refuses plain http to a host that is not loopback, unless allowed.
     *
     * @param field the option the URL was given to, named in the error
     * @param baseUrl a URL {@link #normalize normalized} already
     * @param allowInsecureHttp whether the caller allowed plain http to any host
     * @throws ValidationException naming {@code field} if the key would cross the network in clear
     */
    public static void requireSecure(String field, String baseUrl, boolean allowInsecureHttp) {
        URI uri = URI.create(baseUrl);
        if (uri.getScheme().equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
            throw new ValidationException(field, "is plain http to " + uri.getHost()
                    + ", which would send the credential unencrypted; use https, or allowInsecureHttp(true)"
                    + " for a trusted gateway");
        }
    }

    /**
     * The URL as an error message may show it: user info, query and fragment, which can hold
     * credentials (a key pasted as {@code ?api-key=...}), are masked.
     */
    private static String shown(String baseUrl) {
        String shown = baseUrl.trim();
        int query = shown.indexOf('?');
        int fragment = shown.indexOf('#');
        int cut = query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment);
        if (cut >= 0) {
            shown = shown.substring(0, cut + 1) + "***";
        }
        return shown.replaceFirst("^([^/]*//)[^/]*@", "$1***@");
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost") || bare.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
            return true;
        }
        byte[] address = NetUtil.createByteArrayFromIpAddressString(bare);
        if (address == null) {
            return false;
        }
        if (address.length == 4) {
            return address[0] == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[15] == 1;
    }
}
