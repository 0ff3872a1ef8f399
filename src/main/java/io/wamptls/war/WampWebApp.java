package io.wamptls.war;

import io.wamptls.config.ConfigException;
import io.wamptls.config.NodeConfig;
import io.wamptls.node.RouterSettings;
import io.wamptls.router.Router;
import io.wamptls.websocket.WampWebSocketServlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;

/**
 * The WAR's start and stop: builds the router from the configuration's realms and mounts the WAMP endpoint at
 * {@code <context>/ws}. Static content is the WAR's own, served by the container's default servlet. A client
 * certificate the host's connector asked for reaches the router (authmethod {@code tls}) through the request.
 */
@WebListener
public final class WampWebApp implements ServletContextListener {
    static final String WAMP_PATH = "/ws";

    private Router router;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        try {
            NodeConfig config = WarConfig.load(context);
            router = new Router(RouterSettings.realms(config.realms()));
            WampWebSocketServlet servlet = new WampWebSocketServlet(
                    RouterSettings.endpoint(router, WarConfig.wampEndpoint(config)));
            ServletRegistration.Dynamic registration = context.addServlet("wamp", servlet);
            registration.addMapping(WAMP_PATH);
            // the container's log: a host hides its SLF4J from web applications
            context.log("wamp-tls: WAMP realms " + router.realmNames() + " at " + context.getContextPath() + WAMP_PATH
                    + " (configuration: " + (config.source() == null ? "bundled" : config.source()) + ")");
        } catch (ConfigException e) {
            throw new IllegalStateException("wamp-tls: invalid configuration:\n" + e.getMessage(), e);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (router != null) {
            router.shutdown();
        }
    }
}
