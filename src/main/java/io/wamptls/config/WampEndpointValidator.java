package io.wamptls.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a WAMP-over-WebSocket endpoint declares (a {@code websocket} transport or a {@code websocket} web path):
 * {@code url}, {@code serializers}, WebSocket {@code options}. The {@code auth} dict is read by {@link AuthValidator}.
 */
final class WampEndpointValidator {

    static final List<String> KEYS = List.of("url", "serializers", "options", "auth", "debug");
    static final Map<String, String> UNSUPPORTED_KEYS = Map.of(
            "cookie", "cookie tracking is not supported by this node");

    private static final List<String> SERIALIZERS = List.of("json", "msgpack", "cbor");
    private static final List<String> CROSSBAR_ONLY_SERIALIZERS = List.of("ubjson", "flatbuffers");
    private static final long MAX_MESSAGE_SIZE = 64L * 1024 * 1024;

    private static final List<String> OPTIONS = List.of("allowed_origins", "allow_null_origin", "external_port",
            "enable_hybi10", "enable_rfc6455", "open_handshake_timeout", "close_handshake_timeout",
            "auto_ping_interval", "auto_ping_timeout", "auto_ping_size", "auto_ping_restart_on_any_traffic",
            "enable_webstatus", "validate_utf8", "mask_server_frames", "require_masked_client_frames", "apply_mask",
            "max_frame_size", "max_message_size", "auto_fragment_size", "fail_by_drop", "echo_close_codereason",
            "tcp_nodelay", "compression", "require_websocket_subprotocol", "show_server_version");
    private static final Map<String, String> UNSUPPORTED_OPTIONS = Map.of(
            "enable_flash_policy", "Flash policy files are obsolete and not supported by this node",
            "flash_policy", "Flash policy files are obsolete and not supported by this node");
    private static final List<String> DEFLATE_KEYS = List.of("request_no_context_takeover",
            "request_max_window_bits", "no_context_takeover", "max_window_bits", "memory_level");

    private final AuthValidator auth = new AuthValidator();

    /** Reads the endpoint keys of {@code c}; the caller has already checked which keys are allowed. */
    WampEndpointConfig endpoint(Cursor c) {
        String url = url(c);
        List<String> serializers = serializers(c);
        c.bool("debug", false);
        WebSocketOptions options = options(c.get("options"));
        AuthConfig authConfig = auth.auth(c.get("auth"));
        return new WampEndpointConfig(c.path(), url, serializers, options, authConfig);
    }

    private static String url(Cursor c) {
        String url = c.string("url", null);
        if (url == null) {
            return null;
        }
        String problem = urlProblem(url);
        if (problem != null) {
            c.errorAt("url", "invalid WebSocket URL '" + url + "' (" + problem + ")");
        }
        return url;
    }

    private static String urlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return e.getReason();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            return "scheme must be ws or wss";
        }
        if (uri.getHost() == null) {
            return "no host";
        }
        if (uri.getRawFragment() != null) {
            return "a fragment is not allowed";
        }
        if (uri.getRawQuery() != null) {
            return "query parameters are not allowed";
        }
        return null;
    }

    private static List<String> serializers(Cursor c) {
        Cursor list = c.get("serializers");
        if (list.isMissing()) {
            return List.of();
        }
        if (!list.expectArray()) {
            return List.of();
        }
        if (list.node().isEmpty()) {
            list.error("no serializers given (list at least one of " + String.join(", ", SERIALIZERS) + ")");
        }
        List<String> names = new ArrayList<>();
        for (Cursor item : list.elements()) {
            String name = item.asString(null);
            if (name == null) {
                continue;
            }
            if (SERIALIZERS.contains(name)) {
                if (!names.contains(name)) {
                    names.add(name);
                }
            } else if (CROSSBAR_ONLY_SERIALIZERS.contains(name)) {
                item.error("serializer '" + name + "' is not supported by this node (supported: "
                        + String.join(", ", SERIALIZERS) + ")");
            } else {
                item.error("unknown serializer '" + name + "' (valid: " + String.join(", ", SERIALIZERS) + ")"
                        + Suggestions.didYouMean(name, SERIALIZERS));
            }
        }
        return names;
    }

    WebSocketOptions options(Cursor o) {
        WebSocketOptions d = WebSocketOptions.DEFAULT;
        if (o.isMissing() || !o.expectObject()) {
            return d;
        }
        o.checkKeys(OPTIONS, UNSUPPORTED_OPTIONS);
        List<String> allowedOrigins = o.has("allowed_origins") ? o.stringList("allowed_origins") : d.allowedOrigins();
        boolean allowNullOrigin = o.bool("allow_null_origin", d.allowNullOrigin());
        Long externalPort = o.integer("external_port", null, 1, 65535);
        // Jetty speaks only RFC 6455 (version 13): hybi-10 clients are refused whatever this says.
        o.bool("enable_hybi10", true);
        onlyDefault(o, "enable_rfc6455", true, "RFC 6455 is the only WebSocket version this node speaks");
        int openTimeout = millis(o, "open_handshake_timeout");
        int closeTimeout = millis(o, "close_handshake_timeout");
        int pingInterval = millis(o, "auto_ping_interval");
        int pingTimeout = millis(o, "auto_ping_timeout");
        int pingSize = o.integer("auto_ping_size", d.autoPingSize(), 12, 125);
        onlyDefault(o, "auto_ping_restart_on_any_traffic", true, "only the default is implemented");
        boolean webstatus = o.bool("enable_webstatus", d.enableWebstatus());
        onlyDefault(o, "validate_utf8", true, "Jetty always validates UTF-8 in text messages");
        onlyDefault(o, "mask_server_frames", false, "RFC 6455, section 5.1: a server must not mask its frames");
        onlyDefault(o, "require_masked_client_frames", true, "Jetty always requires masked client frames");
        onlyDefault(o, "apply_mask", true, "Jetty always unmasks client frames");
        onlyDefault(o, "fail_by_drop", false, "Jetty runs the closing handshake before it drops a connection");
        onlyDefault(o, "echo_close_codereason", false, "Jetty does not echo the peer's close code and reason");
        onlyDefault(o, "tcp_nodelay", true, "Jetty always sets TCP_NODELAY");
        long autoFragment = o.integer("auto_fragment_size", 0L, 0, Integer.MAX_VALUE);
        if (autoFragment != 0) {
            o.errorAt("auto_fragment_size", "'auto_fragment_size' other than 0 is not supported by this node "
                    + "(outgoing messages are not split at a fixed size)");
        }
        long maxFrame = o.integer("max_frame_size", 0L, 0, Long.MAX_VALUE);
        long maxMessage = o.integer("max_message_size", 0L, 1, MAX_MESSAGE_SIZE);
        WebSocketOptions.Deflate deflate = compression(o.get("compression"));
        boolean requireSubprotocol = o.bool("require_websocket_subprotocol", d.requireWebsocketSubprotocol());
        boolean showServerVersion = o.bool("show_server_version", d.showServerVersion());
        return new WebSocketOptions(allowedOrigins, allowNullOrigin,
                externalPort == null ? null : externalPort.intValue(), openTimeout, closeTimeout, pingInterval,
                pingTimeout, pingSize, webstatus, maxFrame, maxMessage, deflate, requireSubprotocol,
                showServerVersion);
    }

    /** A millisecond option: 0 for off, else at least 1000 (Crossbar's rule). */
    private static int millis(Cursor o, String key) {
        long value = o.integer(key, 0L, 0, Integer.MAX_VALUE);
        if (value != 0 && value < 1000) {
            o.errorAt(key, "invalid value " + value + " (milliseconds: 0 for off, or at least 1000)");
            return 0;
        }
        return (int) value;
    }

    /** A boolean option this node can only honour at its default value. */
    private static void onlyDefault(Cursor o, String key, boolean supported, String reason) {
        if (o.bool(key, supported) != supported) {
            o.errorAt(key, "'" + key + "': " + !supported + " is not supported by this node (" + reason + ")");
        }
    }

    private static WebSocketOptions.Deflate compression(Cursor c) {
        if (c.isMissing() || !c.expectObject()) {
            return null;
        }
        c.checkKeys(List.of("deflate"));
        Cursor d = c.get("deflate");
        if (d.isMissing() || !d.expectObject()) {
            return null;
        }
        d.checkKeys(DEFLATE_KEYS);
        boolean requestNoContextTakeover = d.bool("request_no_context_takeover", false);
        long requestMaxWindowBits = d.integer("request_max_window_bits", 0L, Long.MIN_VALUE, Long.MAX_VALUE);
        if (requestMaxWindowBits != 0 && (requestMaxWindowBits < 8 || requestMaxWindowBits > 15)) {
            d.errorAt("request_max_window_bits", "invalid value " + requestMaxWindowBits
                    + " (must be 0 for not requested, or from 8 to 15)");
            requestMaxWindowBits = 0;
        }
        boolean noContextTakeover = d.bool("no_context_takeover", false);
        int maxWindowBits = d.has("max_window_bits") ? d.integer("max_window_bits", 0, 8, 15) : 0;
        if (maxWindowBits != 0 && maxWindowBits != 15) {
            d.errorAt("max_window_bits", "'max_window_bits' " + maxWindowBits + " is not supported by this node "
                    + "(Java's deflater always uses a 15-bit window; leave it out or give 15)");
        }
        int memoryLevel = d.integer("memory_level", 8, 1, 9);
        if (memoryLevel != 8 && d.has("memory_level")) {
            d.errorAt("memory_level", "'memory_level' " + memoryLevel + " is not supported by this node "
                    + "(Java's deflater always uses zlib's default memory level 8)");
        }
        return new WebSocketOptions.Deflate(requestNoContextTakeover, (int) requestMaxWindowBits, noContextTakeover,
                maxWindowBits, memoryLevel);
    }
}
