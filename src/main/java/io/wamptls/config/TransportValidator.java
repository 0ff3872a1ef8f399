package io.wamptls.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Router transports: their type, the listening endpoint and its {@code tls} dict. */
final class TransportValidator {

    private static final List<String> SUPPORTED_TYPES = List.of("web", "websocket");
    private static final List<String> CROSSBAR_ONLY_TYPES = List.of("rawsocket", "universal", "mqtt", "flashpolicy",
            "websocket.testee", "stream.testee");
    private static final Pattern PORT_VARIABLE = Pattern.compile("^\\$([a-zA-Z_][a-zA-Z0-9_]*)$");
    private static final String NOT_SUPPORTED = " not supported by this node";

    private final WampEndpointValidator wamp = new WampEndpointValidator();
    private final WebValidator web = new WebValidator(wamp);

    TransportConfig transport(Cursor t) {
        if (!t.expectObject()) {
            return null;
        }
        String type = t.requireString("type");
        if (type == null) {
            return null;
        }
        if (CROSSBAR_ONLY_TYPES.contains(type)) {
            t.errorAt("type", "transport type '" + type + "' is" + NOT_SUPPORTED + " (supported: "
                    + String.join(", ", SUPPORTED_TYPES) + ")");
            return null;
        }
        if (!SUPPORTED_TYPES.contains(type)) {
            t.errorAt("type", "unknown transport type '" + type + "' (valid: " + String.join(", ", SUPPORTED_TYPES)
                    + ")" + Suggestions.didYouMean(type, SUPPORTED_TYPES));
            return null;
        }
        return type.equals("web") ? webTransport(t) : webSocketTransport(t);
    }

    private TransportConfig webSocketTransport(Cursor t) {
        List<String> keys = new ArrayList<>(List.of("id", "type", "endpoint"));
        keys.addAll(WampEndpointValidator.KEYS);
        t.checkKeys(keys, WampEndpointValidator.UNSUPPORTED_KEYS);
        String id = t.id(t.validation()::nextTransportId);
        EndpointConfig endpoint = endpoint(t.require("endpoint"));
        WampEndpointConfig config = wamp.endpoint(t);
        return endpoint == null ? null : new WebSocketTransportConfig(t.path(), id, endpoint, config);
    }

    private TransportConfig webTransport(Cursor t) {
        t.checkKeys(List.of("id", "type", "endpoint", "paths", "options"));
        String id = t.id(t.validation()::nextTransportId);
        EndpointConfig endpoint = endpoint(t.require("endpoint"));
        WebOptions options = web.options(t.get("options"));
        Map<String, PathConfig> paths = web.paths(t.require("paths"));
        return endpoint == null || paths == null ? null
                : new WebTransportConfig(t.path(), id, endpoint, paths, options);
    }

    EndpointConfig endpoint(Cursor e) {
        if (e.isMissing() || !e.expectObject()) {
            return null;
        }
        String type = e.requireString("type");
        if (type != null && !type.equals("tcp")) {
            if (List.of("unix", "twisted", "onion").contains(type)) {
                e.errorAt("type", "endpoint type '" + type + "' is" + NOT_SUPPORTED + " (supported: tcp)");
            } else {
                e.errorAt("type", "unknown endpoint type '" + type + "' (valid: tcp)"
                        + Suggestions.didYouMean(type, List.of("tcp")));
            }
            return null;
        }
        e.checkKeys(List.of("type", "port", "version", "interface", "backlog", "shared", "user_timeout", "tls"),
                Map.of("portrange", "'portrange' is" + NOT_SUPPORTED + " (give one 'port')"));
        Integer port = e.has("portrange") ? null : port(e.require("port"));
        long version = e.integer("version", 4L, Long.MIN_VALUE, Long.MAX_VALUE);
        if (version != 4 && version != 6) {
            e.errorAt("version", "invalid value " + version + " (must be 4 or 6)");
            version = 4;
        }
        String iface = e.string("interface", "").strip();
        int backlog = e.integer("backlog", 50, 1, 65535);
        boolean shared = e.bool("shared", false);
        Long userTimeout = e.integer("user_timeout", null, 0, 65535);
        TlsConfig tls = e.has("tls") ? tls(e.get("tls")) : null;
        boolean valid = port != null && type != null && (!e.has("tls") || tls != null);
        return valid ? new EndpointConfig(e.path(), port, iface, (int) version, backlog, shared,
                userTimeout == null ? null : userTimeout.intValue(), tls) : null;
    }

    private static Integer port(Cursor p) {
        if (p.isMissing()) {
            return null;
        }
        JsonNode node = p.node();
        if (node.isTextual()) {
            Matcher variable = PORT_VARIABLE.matcher(node.textValue());
            if (!variable.matches()) {
                p.error("expected integer or \"$VARIABLE\", got string '" + node.textValue() + "'");
                return null;
            }
            String name = variable.group(1);
            String value = p.validation().env(name);
            if (value == null) {
                p.error("environment variable '" + name + "' is not set");
                return null;
            }
            try {
                int port = Integer.parseInt(value.strip());
                if (port < 1 || port > 65535) {
                    p.error("invalid value " + port + " from environment variable '" + name
                            + "' (must be from 1 to 65535)");
                    return null;
                }
                return port;
            } catch (NumberFormatException ex) {
                p.error("environment variable '" + name + "' is '" + value + "', not an integer port");
                return null;
            }
        }
        Long port = p.asInteger(null, 1, 65535);
        return port == null ? null : port.intValue();
    }

    private static TlsConfig tls(Cursor t) {
        if (!t.expectObject()) {
            return null;
        }
        t.checkKeys(List.of("key", "certificate", "chain_certificates", "ca_certificates", "dhparam", "ciphers"));
        Path key = file(t, t.requireString("key"), "key");
        Path certificate = file(t, t.requireString("certificate"), "certificate");
        List<Path> chain = files(t, "chain_certificates");
        List<Path> ca = files(t, "ca_certificates");
        Path dhparam = file(t, t.string("dhparam", null), "dhparam");
        String ciphers = t.string("ciphers", null);
        if (ciphers != null && ciphers.isBlank()) {
            t.errorAt("ciphers", "empty cipher string (leave 'ciphers' out for the default list)");
        }
        return key == null || certificate == null ? null
                : new TlsConfig(t.path(), key, certificate, chain, ca, dhparam, ciphers);
    }

    private static List<Path> files(Cursor t, String key) {
        Cursor list = t.get(key);
        if (list.isMissing()) {
            return List.of();
        }
        if (!list.node().isArray()) {
            list.typeError("list of strings");
            return List.of();
        }
        List<Path> paths = new ArrayList<>();
        for (Cursor item : list.elements()) {
            String name = item.asString(null);
            Path path = name == null ? null : checkedFile(item, name);
            if (path != null) {
                paths.add(path);
            }
        }
        return paths;
    }

    private static Path file(Cursor parent, String name, String key) {
        return name == null ? null : checkedFile(parent.get(key), name);
    }

    private static Path checkedFile(Cursor at, String name) {
        if (name.isBlank()) {
            at.error("empty file name");
            return null;
        }
        Path path = at.validation().resolve(name);
        String problem = path == null ? "invalid file name '" + FileChecks.printable(name) + "'" : FileChecks.fileProblem(path);
        if (problem != null) {
            at.error(problem);
        }
        return path;
    }
}
