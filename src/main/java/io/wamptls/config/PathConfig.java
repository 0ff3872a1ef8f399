package io.wamptls.config;

import java.nio.file.Path;
import java.util.Map;

/** A service on a path of a web transport. */
public sealed interface PathConfig {
    String jsonPath();

    /** {@code static}: a directory (absolute) or a classpath resource folder (e.g. {@code /io/wamptls/demo}). */
    record Static(String jsonPath, Path directory, String classpathResource, StaticOptions options)
            implements PathConfig {
    }

    /**
     * Options of a static path.
     *
     * @param cacheTimeout seconds for {@code Cache-Control: max-age=N, public}; null means no cache headers
     * @param mimeTypes    extension (with the leading dot) to MIME type
     * @param defaultFile  served instead of a 404 (SPA fallback), or null
     */
    record StaticOptions(boolean enableDirectoryListing, Map<String, String> mimeTypes, Integer cacheTimeout,
                         String defaultFile) {
        public static final int DEFAULT_CACHE_TIMEOUT = 43200;
        public static final StaticOptions DEFAULT = new StaticOptions(false, Map.of(), DEFAULT_CACHE_TIMEOUT, null);
    }

    /** {@code websocket}: WAMP over WebSocket on this path. */
    record WebSocket(String jsonPath, WampEndpointConfig wamp) implements PathConfig {
    }

    /** {@code redirect}: 302 to {@code url}. */
    record Redirect(String jsonPath, String url) implements PathConfig {
    }

    /** {@code json}: {@code value} serialized as application/json (value is a Jackson-compatible tree). */
    record Json(String jsonPath, Object value) implements PathConfig {
    }

    /** {@code nodeinfo}: a small HTML status page. */
    record NodeInfo(String jsonPath) implements PathConfig {
    }

    /** {@code path}: nested services. */
    record Nested(String jsonPath, Map<String, PathConfig> paths) implements PathConfig {
    }
}
