package io.wamptls.tls;

import io.wamptls.config.TlsConfig;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared helpers: the real {@code openssl} command, a minimal TLS server, config records. */
final class TlsTestSupport {

    static final String TLS = "workers[0].transports[0].endpoint.tls";
    static final String HTTP_GET = "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";

    private TlsTestSupport() {
    }

    static TlsConfig config(Path key, Path certificate) {
        return new TlsConfig(TLS, key, certificate, List.of(), List.of(), null, null);
    }

    static TlsConfig config(Path key, Path certificate, List<Path> chain, List<Path> cas, Path dhparam,
                            String ciphers) {
        return new TlsConfig(TLS, key, certificate, chain, cas, dhparam, ciphers);
    }

    /** Runs {@code openssl args...} in {@code dir}; fails the test unless it exits 0. */
    static String openssl(Path dir, String... args) {
        Result result = run(dir, null, prepend("openssl", args));
        assertEquals(0, result.exitCode(), () -> "openssl " + String.join(" ", args) + "\n" + result.output());
        return result.output();
    }

    /**
     * {@code openssl s_client -connect 127.0.0.1:port ...}, sending one HTTP request and reading until the server
     * closes: a served request shows {@code HTTP/1.1 200}.
     */
    static Result sClient(Path dir, int port, String... args) {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-servername", "localhost", "-ign_eof"));
        command.addAll(Arrays.asList(args));
        return run(dir, HTTP_GET, command.toArray(new String[0]));
    }

    record Result(int exitCode, String output) {
        boolean served() {
            return output.contains("HTTP/1.1 200") && output.contains("hello over TLS");
        }

        /** The negotiated suite as s_client prints it, e.g. {@code ECDHE-RSA-AES128-GCM-SHA256} or {@code (NONE)}. */
        String cipher() {
            for (String line : output.split("\n")) {
                int at = line.indexOf("Cipher is ");
                if (at >= 0) {
                    return line.substring(at + "Cipher is ".length()).trim();
                }
            }
            return "(NONE)";
        }
    }

    static Result run(Path dir, String input, String... command) {
        try {
            Path in = Files.createTempFile(dir, "stdin", ".txt");
            Files.writeString(in, input == null ? "" : input);
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectInput(in.toFile()).start();
            byte[] out = process.getInputStream().readAllBytes();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "timeout: " + String.join(" ", command));
            Files.delete(in);
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A started server on 127.0.0.1 with one TLS connector (HTTP/1.1) answering {@code hello over TLS}. */
    static Server startServer(SslContextFactory.Server ssl) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory());
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.getHeaders().put("Content-Type", "text/plain");
                Content.Sink.write(response, true, "hello over TLS", callback);
                return true;
            }
        });
        server.start();
        return server;
    }

    static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
