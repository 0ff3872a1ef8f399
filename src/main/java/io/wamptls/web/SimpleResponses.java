package io.wamptls.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The small path services: {@code redirect} and {@code json}. */
final class SimpleResponses {

    private SimpleResponses() {
    }

    /**
     * {@code redirect}: 302 to the configured URL. When the URL is a bare origin ({@code https://host} or
     * {@code https://host/}), the request's path and query are kept, so a plain HTTP transport can send
     * {@code http://host/a?b} on to {@code https://host/a?b} (Crossbar would drop them).
     */
    static final class Redirect extends HttpServlet {
        private final String url;
        private final boolean bareOrigin;

        Redirect(String url) {
            this.url = url.endsWith("/") && url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]+/$")
                    ? url.substring(0, url.length() - 1) : url;
            this.bareOrigin = this.url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]+$");
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String target = url;
            if (bareOrigin) {
                String query = request.getQueryString();
                target = url + request.getRequestURI() + (query == null ? "" : "?" + query);
            }
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", target);
            response.setContentLength(0);
        }
    }

    /** {@code json}: the configured value as {@code application/json}. */
    static final class Json extends HttpServlet {
        private final byte[] body;

        Json(Object value) {
            try {
                this.body = new ObjectMapper().writeValueAsBytes(value);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot serialize json path value", e);
            }
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
