package io.wamptls.web;

import io.wamptls.config.ConfigLoader;
import io.wamptls.config.WebTransportConfig;
import io.wamptls.testing.Curl;
import io.wamptls.testing.TestNode;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code display_tracebacks}: a servlet that fails answers 500; by default the page shows only the status, whatever
 * format the client asks for; with the option it shows the stack trace. The failure is a {@code nodeinfo} page
 * whose node status breaks (as when the router behind it fails), served by a real Jetty server with the transport's
 * servlet context, and fetched with curl.
 */
class ErrorPagesTest {
    private static final String FAILURE = "session directory unavailable";

    @TempDir
    static Path tmp;

    static Server server;
    static int quietPort;
    static int tracingPort;

    /** A node status whose live part fails. */
    static final NodeStatus BROKEN = new NodeStatus() {
        @Override
        public String nodeName() {
            return "node1";
        }

        @Override
        public String version() {
            return "test";
        }

        @Override
        public Instant startedAt() {
            return Instant.now();
        }

        @Override
        public List<String> transports() {
            return List.of();
        }

        @Override
        public List<String> realms() {
            return List.of("realm1");
        }

        @Override
        public int sessionCount() {
            throw new IllegalStateException(FAILURE);
        }
    };

    @BeforeAll
    static void start() throws Exception {
        TestNode dir = TestNode.create(tmp.resolve("node"));
        String transports = """
                [{"type": "web", "id": "quiet", "endpoint": {"type": "tcp", "port": 1},
                  "paths": {"/": {"type": "static", "directory": "web"}, "info": {"type": "nodeinfo"}}},
                 {"type": "web", "id": "tracing", "endpoint": {"type": "tcp", "port": 2},
                  "options": {"display_tracebacks": true},
                  "paths": {"/": {"type": "static", "directory": "web"}, "info": {"type": "nodeinfo"}}}]
                """;
        dir.config(TestNode.routerConfig(transports));
        List<WebTransportConfig> web = ConfigLoader.load(dir.dir).transports().stream()
                .map(WebTransportConfig.class::cast).toList();
        server = new Server();
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        for (WebTransportConfig transport : web) {
            ServerConnector connector = new ServerConnector(server);
            connector.setName(transport.id());
            connector.setHost("127.0.0.1");
            server.addConnector(connector);
            ServletContextHandler context = WebTransportContext.create(transport, wamp -> {
                throw new AssertionError("no websocket path here");
            }, BROKEN);
            context.setVirtualHosts(List.of("@" + transport.id()));
            contexts.addHandler(context);
        }
        server.setHandler(contexts);
        server.start();
        quietPort = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        tracingPort = ((ServerConnector) server.getConnectors()[1]).getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static Curl.Response get(int port, String path, String accept) throws Exception {
        return Curl.run(null, "-H", "Accept: " + accept, "http://127.0.0.1:" + port + path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "text/html", "text/plain", "application/json"})
    void byDefaultA500ShowsOnlyTheStatus(String accept) throws Exception {
        Curl.Response r = get(quietPort, "/info", accept);
        assertEquals(500, r.status());
        assertTrue(r.body().contains("500"), r.body());
        for (String leak : List.of("IllegalStateException", "Exception", FAILURE, "at io.wamptls", "NodeInfoServlet",
                "/info", "jetty")) {
            assertFalse(r.body().toLowerCase().contains(leak.toLowerCase()), accept + " page shows " + leak + ":\n"
                    + r.body());
        }
        Curl.Response notFound = get(quietPort, "/no-such-page", accept);
        assertEquals(404, notFound.status());
        assertFalse(notFound.body().contains("no-such-page"), notFound.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "text/html", "text/plain", "application/json"})
    void withDisplayTracebacksA500ShowsTheStackTrace(String accept) throws Exception {
        Curl.Response r = get(tracingPort, "/info", accept);
        assertEquals(500, r.status());
        assertTrue(r.body().contains("java.lang.IllegalStateException: " + FAILURE), r.body());
        assertTrue(r.body().contains("at io.wamptls.web.NodeInfoServlet.doGet(NodeInfoServlet.java:"), r.body());
        assertEquals(200, get(tracingPort, "/", accept).status(), "only failures get a trace");
    }
}
