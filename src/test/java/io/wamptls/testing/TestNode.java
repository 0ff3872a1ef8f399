package io.wamptls.testing;

import io.wamptls.tls.DevCertificates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** A node directory for tests: development certificates, a web folder and a config written from a template. */
public final class TestNode {
    public final Path dir;

    private TestNode(Path dir) {
        this.dir = dir;
    }

    /** A fresh node directory with {@code ca.crt}, {@code server.*}, {@code client.*} and {@code web/index.html}. */
    public static TestNode create(Path dir) throws IOException {
        DevCertificates.ensure(dir);
        Files.createDirectories(dir.resolve("web"));
        Files.writeString(dir.resolve("web/index.html"), "<!DOCTYPE html><title>test</title><p>hello from web</p>\n");
        return new TestNode(dir);
    }

    public TestNode config(String json) throws IOException {
        Files.writeString(dir.resolve("config.json"), json);
        return this;
    }

    public Path ca() {
        return dir.resolve("ca.crt");
    }

    /** A port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A router worker with realm1 open to anonymous, around the given transports JSON. */
    public static String routerConfig(String transportsJson) {
        return """
                {
                  "version": 2,
                  "workers": [{
                    "type": "router",
                    "realms": [{
                      "name": "realm1",
                      "roles": [{"name": "anonymous", "permissions": [{"uri": "", "match": "prefix",
                        "allow": {"call": true, "register": true, "publish": true, "subscribe": true}}]}]
                    }],
                    "transports": %s
                  }]
                }
                """.formatted(transportsJson);
    }

    /** A standalone TLS {@code websocket} transport on {@code port}; {@code extra} adds members, e.g. options. */
    public static String tlsWebSocketTransport(int port, String extra) {
        return """
                {"type": "websocket",
                 "endpoint": {"type": "tcp", "port": %d, "interface": "127.0.0.1",
                              "tls": {"key": "server.key", "certificate": "server.crt"}}%s}
                """.formatted(port, extra.isEmpty() ? "" : ", " + extra);
    }

    /** A TLS web transport on {@code port}: {@code /} static from web/, {@code ws} WAMP. */
    public static String tlsWebTransport(int port) {
        return """
                {"type": "web", "id": "web_tls",
                 "endpoint": {"type": "tcp", "port": %d, "interface": "127.0.0.1",
                              "tls": {"key": "server.key", "certificate": "server.crt"}},
                 "paths": {"/": {"type": "static", "directory": "web"}, "ws": {"type": "websocket"}}}
                """.formatted(port);
    }
}
