package io.wamptls.websocket;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The form of a WebSocket opening handshake (RFC 6455 §4.2.1; over HTTP/2, RFC 8441 §5), checked before the request
 * reaches Jetty: Jetty answers most of these mistakes with an {@code IllegalStateException}, a 500 and a WARN stack
 * trace per request, and upgrades a malformed key. The servlet checks its requests here; the node asks the same for
 * an {@code Upgrade} without {@code Connection: Upgrade}, which Jetty's HTTP/1.1 connection refuses before any
 * servlet sees it.
 */
public final class UpgradeRequestCheck {
    /** The one WebSocket version there is (RFC 6455 §4.4 wants it named when a client sends another). */
    static final String VERSION = "13";

    private UpgradeRequestCheck() {
    }

    /** Whether a GET's {@code Upgrade} header asks for a WebSocket. */
    public static boolean asksForWebSocket(String upgrade) {
        return "websocket".equalsIgnoreCase(upgrade);
    }

    static Optional<Refusal> check(HttpServletRequest request, boolean http2Connect) {
        return check(request.getProtocol(), name -> Collections.list(request.getHeaders(name)), http2Connect);
    }

    /**
     * @param http         the request's protocol, as {@code HttpServletRequest.getProtocol()} names it
     * @param headers      a request header's values by name, an empty list when it is absent
     * @param http2Connect an extended CONNECT (RFC 8441), which has no key
     * @return a 400 naming what is wrong with the request, or empty when Jetty may upgrade it
     */
    public static Optional<Refusal> check(String http, Function<String, List<String>> headers, boolean http2Connect) {
        if (http2Connect ? !"HTTP/2.0".equals(http) : !"HTTP/1.1".equals(http)) {
            return malformed("a WebSocket upgrade needs HTTP/1.1 (or an RFC 8441 CONNECT over HTTP/2), not " + http);
        }
        if (!http2Connect && !hasToken(headers.apply("Connection"), "upgrade")) {
            return malformed("WebSocket upgrade requires 'Connection: Upgrade'");
        }
        String version = first(headers, "Sec-WebSocket-Version");
        if (version == null) {
            return badVersion("missing Sec-WebSocket-Version header (this server speaks " + VERSION + ")");
        }
        if (!VERSION.equals(version.strip())) {
            return badVersion("unsupported Sec-WebSocket-Version " + printable(version) + " (this server speaks "
                    + VERSION + ")");
        }
        if (http2Connect) {
            return Optional.empty();
        }
        String key = first(headers, "Sec-WebSocket-Key");
        if (key == null) {
            return malformed("missing Sec-WebSocket-Key header");
        }
        if (!isNonce(key.strip())) {
            return malformed("invalid Sec-WebSocket-Key header: it must be 16 bytes in base64");
        }
        return Optional.empty();
    }

    /** Whether a comma-separated header names the token, in any case (RFC 9110 §5.6.1). */
    private static boolean hasToken(List<String> values, String token) {
        return values.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .anyMatch(element -> element.strip().equalsIgnoreCase(token));
    }

    private static String first(Function<String, List<String>> headers, String name) {
        List<String> values = headers.apply(name);
        return values.isEmpty() ? null : values.get(0);
    }

    private static Optional<Refusal> malformed(String reason) {
        return Optional.of(new Refusal(400, reason));
    }

    private static Optional<Refusal> badVersion(String reason) {
        return Optional.of(new Refusal(400, reason, Map.of("Sec-WebSocket-Version", VERSION)));
    }

    private static boolean isNonce(String key) {
        try {
            return key.length() == 24 && Base64.getDecoder().decode(key).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A client's header value, cut short and without control characters, fit to quote in a reason. */
    private static String printable(String value) {
        String shown = value.length() > 20 ? value.substring(0, 20) + "..." : value;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
