package io.wamptls.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/** {@code nodeinfo}: a small HTML page saying the node is up and for how long. */
final class NodeInfoServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Duration uptime = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
        response.setContentType("text/html;charset=utf-8");
        response.getWriter().printf("""
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>wamp-tls node</title></head>
                <body><h1>wamp-tls node</h1><p>Up for %s.</p></body></html>
                """, uptime.withNanos(0).toString().substring(2).toLowerCase());
    }
}
