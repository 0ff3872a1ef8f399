package io.wamptls.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** {@code nodeinfo}: a small HTML page naming the node, its version, uptime, transports, realms and sessions. */
final class NodeInfoServlet extends HttpServlet {
    private final NodeStatus status;

    NodeInfoServlet(NodeStatus status) {
        this.status = status;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Duration uptime = Duration.between(status.startedAt(), Instant.now());
        String page = """
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>%1$s</title></head>
                <body><h1>%1$s</h1>
                <table>
                <tr><th>Version</th><td>%2$s</td></tr>
                <tr><th>Uptime</th><td id="uptime">%3$s</td></tr>
                <tr><th>Transports</th><td>%4$s</td></tr>
                <tr><th>Realms</th><td>%5$s</td></tr>
                <tr><th>Sessions</th><td id="sessions">%6$d</td></tr>
                </table></body></html>
                """.formatted(escape(status.nodeName()), escape(status.version()),
                uptime.withNanos(0).toString().substring(2).toLowerCase(), list(status.transports()),
                list(status.realms()), status.sessionCount());
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String list(List<String> items) {
        return items.stream().map(NodeInfoServlet::escape).collect(Collectors.joining("<br>"));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
