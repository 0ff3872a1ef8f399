package io.wamptls.websocket;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Crossbar's {@code allowed_origins} check, the defence against cross-site WebSocket hijacking: each pattern is
 * matched in full against the request's Origin as {@code scheme://host:port} with the port made explicit, where
 * {@code *} stands for any run of characters.
 */
final class OriginPolicy {
    private final List<Pattern> allowed;
    private final boolean allowNull;

    OriginPolicy(List<String> patterns, boolean allowNull) {
        this.allowed = patterns.stream().map(OriginPolicy::compile).toList();
        this.allowNull = allowNull;
    }

    /** True when the handshake may go on; a request without an Origin header (not a browser) is allowed. */
    boolean permits(String origin) {
        if (origin == null) {
            return true;
        }
        if (origin.equals("null")) {
            return allowNull;
        }
        String normalized = normalize(origin);
        return normalized != null && allowed.stream().anyMatch(p -> p.matcher(normalized).matches());
    }

    private static String normalize(String origin) {
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase();
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase() + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Pattern compile(String pattern) {
        String[] literalParts = pattern.toLowerCase().split("\\*", -1);
        return Pattern.compile(java.util.Arrays.stream(literalParts).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*")));
    }
}
