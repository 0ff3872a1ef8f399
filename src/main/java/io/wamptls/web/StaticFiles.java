package io.wamptls.web;

import io.wamptls.config.PathConfig;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

import java.net.URL;

/** A {@code static} path: {@link StaticFileServlet} (Jetty's ResourceServlet) over a directory or classpath folder. */
final class StaticFiles {

    private StaticFiles() {
    }

    static ServletHolder servlet(PathConfig.Static config) {
        ServletHolder holder = new ServletHolder("static:" + config.jsonPath(), new StaticFileServlet(config.options()));
        holder.setInitParameter("baseResource", baseResource(config));
        holder.setInitParameter("dirAllowed", String.valueOf(config.options().enableDirectoryListing()));
        holder.setInitParameter("etags", "true");
        holder.setInitParameter("acceptRanges", "true");
        holder.setInitParameter("precompressed", "br=.br,gzip=.gz");
        holder.setInitParameter("redirectWelcome", "false");
        holder.setInitParameter("welcomeServlets", "false");
        // Never follow links out of the directory, and never serve aliases (encoded or case variants).
        holder.setInitParameter("allowAliases", "false");
        holder.setInitParameter("allowSymlinks", "false");
        // Jetty's ResourceServlet caches nothing by default: every request would stat the file, resolve its real
        // path and compute its ETag (the profile of bench/static-https showed it). Cache small files in memory and
        // look at the file system at most once a second per file, so edits still show up.
        holder.setInitParameter("maxCacheSize", String.valueOf(64 * 1024 * 1024));
        holder.setInitParameter("maxCachedFileSize", String.valueOf(1024 * 1024));
        holder.setInitParameter("maxCachedFiles", "4096");
        holder.setInitParameter("cacheValidationTime", "1000");
        Integer cacheTimeout = config.options().cacheTimeout();
        if (cacheTimeout != null) {
            holder.setInitParameter("cacheControl", "max-age=" + cacheTimeout + ", public");
        }
        return holder;
    }

    private static String baseResource(PathConfig.Static config) {
        if (config.directory() != null) {
            return config.directory().toUri().toString();
        }
        String name = config.classpathResource().replaceFirst("^/", "");
        URL url = StaticFiles.class.getClassLoader().getResource(name.endsWith("/") ? name : name + "/");
        if (url == null) {
            throw new IllegalStateException(config.jsonPath() + ": no classpath resource " + name);
        }
        return url.toString();
    }
}
