package io.wamptls.config;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A {@code web} transport's {@code options} and its {@code paths} tree of services. */
final class WebValidator {

    private static final Pattern PATH_KEY = Pattern.compile("^([a-z0-9A-Z_\\-]+|/)$");
    private static final List<String> PATH_TYPES = List.of("static", "websocket", "redirect", "json", "nodeinfo",
            "path");
    private static final List<String> CROSSBAR_ONLY_PATH_TYPES = List.of("websocket-reverseproxy", "reverseproxy",
            "wsgi", "resource", "cgi", "longpoll", "publisher", "caller", "webhook", "archive", "wap", "catalog",
            "none", "upload", "pairme");

    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final WampEndpointValidator wamp;

    WebValidator(WampEndpointValidator wamp) {
        this.wamp = wamp;
    }

    WebOptions options(Cursor o) {
        WebOptions d = WebOptions.DEFAULT;
        if (o.isMissing() || !o.expectObject()) {
            return d;
        }
        o.checkKeys(List.of("access_log", "display_tracebacks", "hsts", "hsts_max_age", "client_timeout",
                "show_server_version"));
        boolean accessLog = o.bool("access_log", d.accessLog());
        boolean tracebacks = o.bool("display_tracebacks", d.displayTracebacks());
        boolean hsts = o.bool("hsts", d.hsts());
        long maxAge = o.integer("hsts_max_age", d.hstsMaxAge(), 0, Long.MAX_VALUE);
        Integer clientTimeout = null;
        if (o.has("client_timeout") && !o.get("client_timeout").node().isNull()) {
            Long timeout = o.integer("client_timeout", null, 1, 86400);
            clientTimeout = timeout == null ? null : timeout.intValue();
        }
        boolean showVersion = o.bool("show_server_version", d.showServerVersion());
        return new WebOptions(accessLog, tracebacks, hsts, maxAge == 0 ? WebOptions.DEFAULT_HSTS_MAX_AGE : maxAge,
                clientTimeout, showVersion);
    }

    /** The {@code paths} map, or null when it is missing or not an object. */
    Map<String, PathConfig> paths(Cursor p) {
        if (p.isMissing() || !p.expectObject()) {
            return null;
        }
        Map<String, PathConfig> paths = new LinkedHashMap<>();
        p.fields().forEach((key, service) -> {
            if (!PATH_KEY.matcher(key).matches()) {
                service.error("invalid path '" + key + "' (a path is one URL segment matching "
                        + PATH_KEY.pattern() + "; use a 'path' service for deeper paths)");
                return;
            }
            PathConfig config = service(service);
            if (config != null) {
                paths.put(key, config);
            }
        });
        return Collections.unmodifiableMap(paths);
    }

    private PathConfig service(Cursor s) {
        if (!s.expectObject()) {
            return null;
        }
        String type = s.requireString("type");
        if (type == null) {
            return null;
        }
        if (CROSSBAR_ONLY_PATH_TYPES.contains(type)) {
            s.errorAt("type", "path type '" + type + "' is not supported by this node (supported: "
                    + String.join(", ", PATH_TYPES) + ")");
            return null;
        }
        if (!PATH_TYPES.contains(type)) {
            s.errorAt("type", "unknown path type '" + type + "' (valid: " + String.join(", ", PATH_TYPES) + ")"
                    + Suggestions.didYouMean(type, PATH_TYPES));
            return null;
        }
        s.checkId();
        return switch (type) {
            case "static" -> staticService(s);
            case "websocket" -> webSocket(s);
            case "redirect" -> redirect(s);
            case "json" -> json(s);
            case "nodeinfo" -> nodeInfo(s);
            default -> nested(s);
        };
    }

    private static PathConfig staticService(Cursor s) {
        s.checkKeys(List.of("type", "id", "directory", "package", "resource", "options"));
        boolean hasDirectory = s.has("directory");
        boolean hasPackage = s.has("package") || s.has("resource");
        if (hasDirectory == hasPackage) {
            s.error("give either 'directory' or 'package' + 'resource'"
                    + (hasDirectory ? ", not both" : ""));
        }
        Path directory = null;
        String resource = null;
        if (hasDirectory) {
            String name = s.string("directory", null);
            if (name != null) {
                directory = s.validation().resolve(name);
                String problem = directory == null ? "invalid directory name '" + FileChecks.printable(name) + "'"
                        : FileChecks.directoryProblem(directory);
                if (problem != null) {
                    s.errorAt("directory", problem);
                }
            }
        } else if (hasPackage) {
            String pkg = s.requireString("package");
            String res = s.requireString("resource");
            if (pkg != null && res != null) {
                resource = classpathResource(pkg, res);
            }
        }
        PathConfig.StaticOptions options = staticOptions(s.get("options"));
        return new PathConfig.Static(s.path(), directory, resource, options);
    }

    /** {@code package} {@code a.b} + {@code resource} {@code web/x} as the classpath folder {@code /a/b/web/x}. */
    static String classpathResource(String pkg, String resource) {
        String folder = "/" + pkg.replace('.', '/');
        String rest = resource.replaceAll("^/+|/+$", "");
        return rest.isEmpty() ? folder : folder + "/" + rest;
    }

    private static PathConfig.StaticOptions staticOptions(Cursor o) {
        PathConfig.StaticOptions d = PathConfig.StaticOptions.DEFAULT;
        if (o.isMissing() || !o.expectObject()) {
            return d;
        }
        o.checkKeys(List.of("enable_directory_listing", "mime_types", "cache_timeout", "default_file"));
        boolean listing = o.bool("enable_directory_listing", d.enableDirectoryListing());
        Map<String, String> mimeTypes = new LinkedHashMap<>();
        Cursor types = o.get("mime_types");
        if (!types.isMissing() && types.expectObject()) {
            types.fields().forEach((extension, type) -> {
                String value = type.asString(null);
                if (value != null) {
                    mimeTypes.put(extension.startsWith(".") ? extension : "." + extension, value);
                }
            });
        }
        Integer cacheTimeout = d.cacheTimeout();
        if (o.has("cache_timeout")) {
            Cursor timeout = o.get("cache_timeout");
            cacheTimeout = timeout.node().isNull() ? null : toInt(timeout.asInteger(null, 0, Integer.MAX_VALUE));
        }
        String defaultFile = o.string("default_file", null);
        return new PathConfig.StaticOptions(listing, Collections.unmodifiableMap(mimeTypes), cacheTimeout,
                defaultFile);
    }

    private PathConfig webSocket(Cursor s) {
        List<String> keys = new ArrayList<>(List.of("type", "id"));
        keys.addAll(WampEndpointValidator.KEYS);
        s.checkKeys(keys, WampEndpointValidator.UNSUPPORTED_KEYS);
        return new PathConfig.WebSocket(s.path(), wamp.endpoint(s));
    }

    private static PathConfig redirect(Cursor s) {
        s.checkKeys(List.of("type", "id", "url"));
        String url = s.requireString("url");
        return url == null ? null : new PathConfig.Redirect(s.path(), url);
    }

    private static PathConfig json(Cursor s) {
        s.checkKeys(List.of("type", "id", "value", "options"));
        Cursor value = s.require("value");
        Cursor o = s.get("options");
        if (!o.isMissing() && o.expectObject()) {
            o.checkKeys(List.of("prettify", "allow_cross_origin", "discourage_caching"));
            o.bool("prettify", false);
            o.bool("allow_cross_origin", false);
            o.bool("discourage_caching", false);
        }
        return value.isMissing() ? null : new PathConfig.Json(s.path(), PLAIN.convertValue(value.node(), Object.class));
    }

    private static PathConfig nodeInfo(Cursor s) {
        s.checkKeys(List.of("type", "id"));
        return new PathConfig.NodeInfo(s.path());
    }

    private PathConfig nested(Cursor s) {
        s.checkKeys(List.of("type", "id", "paths"));
        Map<String, PathConfig> paths = paths(s.require("paths"));
        return paths == null ? null : new PathConfig.Nested(s.path(), paths);
    }

    private static Integer toInt(Long value) {
        return value == null ? null : value.intValue();
    }
}
