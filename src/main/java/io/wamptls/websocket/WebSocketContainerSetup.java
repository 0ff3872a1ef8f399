package io.wamptls.websocket;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.JakartaWebSocketServerContainer;
import org.eclipse.jetty.websocket.core.server.WebSocketMappings;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;

import java.util.Set;

/**
 * Sets a context up for {@link WampWebSocketServlet}: the Jakarta WebSocket server container it upgrades through,
 * and nothing else.
 * <p>
 * Jetty's own initializer ({@code JakartaWebSocketServletContainerInitializer}) also maps its
 * {@code WebSocketUpgradeFilter} to {@code /*}, where it serves endpoints registered with the container
 * ({@code addEndpoint}). We register none: every WAMP path upgrades in its own servlet, after its checks. The filter
 * still wrapped every request of the context, static files included, in a core request and response to look for
 * such an endpoint: 2 % of the node's CPU under keep-alive requests for a 1 KiB file ({@code perf}, 2026-12-07).
 */
public final class WebSocketContainerSetup implements ServletContainerInitializer {

    private WebSocketContainerSetup() {
    }

    /** Call before the context starts; the container is created when it does. */
    public static void install(ServletContextHandler context) {
        context.addServletContainerInitializer(new WebSocketContainerSetup());
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext servletContext) {
        ServletContextHandler context = ServletContextHandler.getServletContextHandler(servletContext, "WAMP");
        WebSocketServerComponents.ensureWebSocketComponents(context.getServer(), context);
        WebSocketMappings.ensureMappings(context);
        JakartaWebSocketServerContainer.ensureContainer(servletContext);
    }
}
