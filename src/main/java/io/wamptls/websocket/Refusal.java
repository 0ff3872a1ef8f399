package io.wamptls.websocket;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A refused WebSocket request: the status, a one-line reason sent as a plain-text body, and the headers the refusal
 * must carry. The node's error pages hide messages, and a client needs this one (Crossbar sends it as the reason
 * phrase, which HTTP/2 and Jetty do not carry). The servlet sends it with {@link #send}; the node's Jetty-core
 * handlers, which answer some requests before any servlet sees them, write the same fields.
 */
public record Refusal(int status, String reason, Map<String, String> headers) {
    public static final String CONTENT_TYPE = "text/plain;charset=utf-8";

    public Refusal(int status, String reason) {
        this(status, reason, Map.of());
    }

    /** The body: the reason on one line. */
    public String body() {
        return reason + "\n";
    }

    public void send(HttpServletResponse response) throws IOException {
        byte[] body = body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setContentType(CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
