package io.wamptls.websocket;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Base64;
import java.util.Optional;

/**
 * The form of a WebSocket opening handshake (RFC 6455 §4.2.1; over HTTP/2, RFC 8441 §5), checked before the request
 * reaches Jetty: Jetty answers most of these mistakes with an {@code IllegalStateException}, a 500 and a WARN stack
 * trace per request, and upgrades a malformed key. ({@code Upgrade} without {@code Connection: Upgrade} never gets
 * here: Jetty's HTTP/1.1 connection answers it with 400.)
 */
final class UpgradeRequestCheck {
    /** The one WebSocket version there is (RFC 6455 §4.4 wants it named when a client sends another). */
    static final String VERSION = "13";

    /** What is wrong with a request; {@code version} when it is the WebSocket version. */
    record Malformed(String reason, boolean version) {
    }

    private UpgradeRequestCheck() {
    }

    /**
     * @param http2Connect an extended CONNECT (RFC 8441), which has no key
     * @return what is wrong with the request, or empty when Jetty may upgrade it
     */
    static Optional<Malformed> check(HttpServletRequest request, boolean http2Connect) {
        String http = request.getProtocol();
        if (http2Connect ? !"HTTP/2.0".equals(http) : !"HTTP/1.1".equals(http)) {
            return malformed("a WebSocket upgrade needs HTTP/1.1 (or an RFC 8441 CONNECT over HTTP/2), not " + http);
        }
        String version = request.getHeader("Sec-WebSocket-Version");
        if (version == null) {
            return Optional.of(new Malformed("missing Sec-WebSocket-Version header (this server speaks " + VERSION
                    + ")", true));
        }
        if (!VERSION.equals(version.strip())) {
            return Optional.of(new Malformed("unsupported Sec-WebSocket-Version " + printable(version)
                    + " (this server speaks " + VERSION + ")", true));
        }
        if (http2Connect) {
            return Optional.empty();
        }
        String key = request.getHeader("Sec-WebSocket-Key");
        if (key == null) {
            return malformed("missing Sec-WebSocket-Key header");
        }
        if (!isNonce(key.strip())) {
            return malformed("invalid Sec-WebSocket-Key header: it must be 16 bytes in base64");
        }
        return Optional.empty();
    }

    private static Optional<Malformed> malformed(String reason) {
        return Optional.of(new Malformed(reason, false));
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
