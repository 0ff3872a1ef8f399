package io.wamptls.dist;

import io.wamptls.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A distribution whose node cannot run does not start, and says why in our words. */
class StartErrorsIT {
    @TempDir
    Path tmp;

    @Test
    void invalidConfigurationAndPortClashStopTheStartWithOurMessage() throws Exception {
        JettyBase base = JettyBase.create(tmp.resolve("base")).withWampTlsModule();
        assertEquals(0, base.run("--add-modules=wamp-tls", "--approve-all-licenses").exitCode());
        TestNode node = TestNode.create(base.dir.resolve("node"));

        node.config(TestNode.routerConfig("""
                [{"type": "web", "endpoint": {"type": "tcp", "port": 70000, "tls": {"key": "server.key"}},
                  "paths": {"/": {"type": "static", "directory": "web"}}}]"""));
        try (JettyBase.Running jetty = base.start()) {
            assertNotEquals(0, jetty.awaitExit(), jetty.output());
            String log = jetty.output();
            assertTrue(log.contains("ERROR") && log.contains("wamp-tls: invalid node configuration"), log);
            assertTrue(log.contains("workers[0].transports[0].endpoint.port: invalid value 70000"), log);
            assertTrue(log.contains("workers[0].transports[0].endpoint.tls: missing mandatory attribute "
                    + "'certificate'"), log);
        }

        try (ServerSocket taken = new ServerSocket(0)) {
            node.config(TestNode.routerConfig("[" + TestNode.tlsWebTransport(taken.getLocalPort()) + "]"));
            try (JettyBase.Running jetty = base.start()) {
                assertNotEquals(0, jetty.awaitExit(), jetty.output());
                assertTrue(jetty.output().contains("(transport 'web_tls'): cannot listen on port "
                        + taken.getLocalPort()), jetty.output());
            }
        }
    }
}
