package io.wamptls.web;

import io.wamptls.config.PathConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ResourceServlet;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.util.URIUtil;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Jetty's {@link ResourceServlet} with the {@code static} options it lacks: per-path {@code mime_types}, the
 * {@code default_file} fallback for every missing path (single-page applications), and a 404 rather than a 403
 * for a directory with no index file when listing is off.
 */
final class StaticFileServlet extends ResourceServlet {
    private static final String[] INDEX_FILES = {"index.html", "index.htm"};

    private final PathConfig.StaticOptions options;
    private final Map<String, String> mimeTypes = new HashMap<>();
    private HttpContent.Factory contents;

    StaticFileServlet(PathConfig.StaticOptions options) {
        this.options = options;
        // Crossbar adds these two to every static path
        mimeTypes.put(".svg", "image/svg+xml");
        mimeTypes.put(".jgz", "text/javascript");
        options.mimeTypes().forEach((extension, type) -> mimeTypes.put(extension.toLowerCase(Locale.ROOT), type));
    }

    @Override
    public void init() throws ServletException {
        super.init();
        HttpContent.Factory jetty = getResourceService().getHttpContentFactory();
        contents = path -> withMimeType(jetty.getContent(path), path);
        getResourceService().setHttpContentFactory(contents);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = super.getEncodedPathInContext(request, false);
        if (options.defaultFile() == null && path.endsWith("/") && !options.enableDirectoryListing()
                && isDirectoryWithoutIndex(path)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        super.doGet(request, response);
    }

    /** With {@code default_file}, a path that names nothing servable becomes the default file. */
    @Override
    protected String getEncodedPathInContext(HttpServletRequest request, boolean included) {
        String path = super.getEncodedPathInContext(request, included);
        if (options.defaultFile() == null || included) {
            return path;
        }
        try {
            HttpContent content = contents.getContent(path);
            boolean missing = content == null
                    || (content.getResource().isDirectory() && path.endsWith("/")
                        && !options.enableDirectoryListing() && isDirectoryWithoutIndex(path));
            if (content != null && content.getResource().isDirectory() && !path.endsWith("/")) {
                missing = false; // Jetty redirects to the slashed URL
            }
            return missing ? "/" + URIUtil.encodePath(options.defaultFile().replaceFirst("^/+", "")) : path;
        } catch (IOException e) {
            return path;
        }
    }

    private boolean isDirectoryWithoutIndex(String path) throws IOException {
        HttpContent directory = contents.getContent(path);
        if (directory == null || !directory.getResource().isDirectory()) {
            return false;
        }
        for (String index : INDEX_FILES) {
            if (contents.getContent(path + index) != null) {
                return false;
            }
        }
        return true;
    }

    private HttpContent withMimeType(HttpContent content, String path) {
        if (content == null) {
            return null;
        }
        int dot = path.lastIndexOf('.');
        String type = dot < 0 || path.indexOf('/', dot) >= 0 ? null
                : mimeTypes.get(path.substring(dot).toLowerCase(Locale.ROOT));
        if (type == null) {
            return content;
        }
        HttpField field = new HttpField(HttpHeader.CONTENT_TYPE, type);
        return new HttpContent.Wrapper(content) {
            @Override
            public HttpField getContentType() {
                return field;
            }

            @Override
            public String getContentTypeValue() {
                return type;
            }
        };
    }
}
