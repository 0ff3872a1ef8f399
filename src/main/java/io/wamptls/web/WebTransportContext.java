package io.wamptls.web;

import io.wamptls.config.PathConfig;
import io.wamptls.config.WampEndpointConfig;
import io.wamptls.config.WebTransportConfig;
import io.wamptls.websocket.WampEndpointSettings;
import io.wamptls.websocket.WampWebSocketServlet;
import io.wamptls.websocket.WebSocketContainerSetup;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the servlet tree of a {@code web} transport: one servlet per configured path, mounted under the URL the
 * path keys spell ({@code /} is the root, {@code ws} is {@code /ws}, a nested {@code path} service adds a segment).
 */
public final class WebTransportContext {

    private WebTransportContext() {
    }

    /**
     * @param wamp   turns a WAMP endpoint's config into its run-time settings (router, auth, serializers)
     * @param status what {@code nodeinfo} paths show
     */
    public static ServletContextHandler create(WebTransportConfig config,
                                               Function<WampEndpointConfig, WampEndpointSettings> wamp,
                                               NodeStatus status) {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.setDisplayName(config.id());
        context.setWelcomeFiles(new String[] {"index.html", "index.htm"});
        context.setErrorHandler(new PlainErrorHandler(config.options().displayTracebacks()));
        WebSocketContainerSetup.install(context);
        mount(context, "", config.paths(), wamp, status);
        Set<String> webSocketServlets = Arrays.stream(context.getServletHandler().getServlets())
                .filter(holder -> holder.getHeldClass() == WampWebSocketServlet.class)
                .map(ServletHolder::getName).collect(Collectors.toSet());
        context.addFilter(new FilterHolder(new ConnectFilter(webSocketServlets)), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        return context;
    }

    /** A context whose every path is one WAMP endpoint: the standalone {@code websocket} transport. */
    public static ServletContextHandler forWebSocketTransport(String id, WampEndpointSettings settings) {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.setDisplayName(id);
        context.setErrorHandler(new PlainErrorHandler(false));
        WebSocketContainerSetup.install(context);
        context.addServlet(new ServletHolder("wamp:" + id, new WampWebSocketServlet(settings)), "/");
        return context;
    }

    private static void mount(ServletContextHandler context, String prefix, Map<String, PathConfig> paths,
                              Function<WampEndpointConfig, WampEndpointSettings> wamp, NodeStatus status) {
        paths.forEach((key, path) -> {
            boolean root = key.equals("/");
            String base = root ? prefix : prefix + "/" + key;
            if (path instanceof PathConfig.Static s) {
                ServletHolder holder = StaticFiles.servlet(s);
                if (root && prefix.isEmpty()) {
                    context.addServlet(holder, "/");
                } else {
                    holder.setInitParameter("pathInfoOnly", "true");
                    context.addServlet(holder, base + "/*");
                }
            } else if (path instanceof PathConfig.WebSocket ws) {
                WampWebSocketServlet servlet = new WampWebSocketServlet(wamp.apply(ws.wamp()));
                context.addServlet(new ServletHolder("wamp:" + ws.jsonPath(), servlet), base.isEmpty() ? "/" : base);
            } else if (path instanceof PathConfig.Redirect r) {
                SimpleResponses.Redirect servlet = new SimpleResponses.Redirect(r.url());
                context.addServlet(new ServletHolder("redirect:" + r.jsonPath(), servlet),
                        base.isEmpty() ? "/" : base + "/*");
            } else if (path instanceof PathConfig.Json j) {
                SimpleResponses.Json servlet = new SimpleResponses.Json(j.value());
                context.addServlet(new ServletHolder("json:" + j.jsonPath(), servlet), base);
            } else if (path instanceof PathConfig.NodeInfo n) {
                context.addServlet(new ServletHolder("nodeinfo:" + n.jsonPath(), new NodeInfoServlet(status)), base);
            } else if (path instanceof PathConfig.Nested nested) {
                mount(context, base, nested.paths(), wamp, status);
            }
        });
    }
}
