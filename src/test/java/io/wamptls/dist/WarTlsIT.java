package io.wamptls.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.wamptls.testing.TestNode;
import io.wamptls.tls.CertificateTool;
import io.wamptls.tls.CertificateTool.KeyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WAR behind the host's {@code https} connector that needs client certificates: authmethod {@code tls} logs
 * in the listed certificate with the real npm autobahn client ({@code src/test/node/auth-client.js}) and refuses
 * another one from the same CA at WAMP level.
 */
class WarTlsIT {
    private static final Path SCRIPT = JettyBase.PROJECT.resolve("src/test/node/auth-client.js");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] PASSWORD = "storepass".toCharArray();

    @TempDir
    Path tmp;

    @Test
    void tlsAuthmethodWithTheHostsClientCertificates() throws Exception {
        Path certs = Files.createDirectories(tmp.resolve("certs"));
        Duration day = Duration.ofDays(1);
        CertificateTool.Issued ca = CertificateTool.certificateAuthority("wamp-tls WAR test CA", KeyType.EC_P256, day);
        ca.write(certs.resolve("ca.key"), certs.resolve("ca.crt"));
        CertificateTool.Issued server = CertificateTool.server(ca, "localhost", List.of("localhost", "127.0.0.1"),
                KeyType.RSA_2048, day);
        CertificateTool.Issued listed = CertificateTool.client(ca, "client_0", KeyType.EC_P256, day);
        listed.write(certs.resolve("listed.key"), certs.resolve("listed.crt"));
        CertificateTool.client(ca, "intruder", KeyType.EC_P256, day)
                .write(certs.resolve("unlisted.key"), certs.resolve("unlisted.crt"));

        JettyBase base = JettyBase.create(tmp.resolve("base"));
        JettyBase.Result added = base.run("--add-modules=https,ssl,ee10-deploy,ee10-websocket-jakarta,ee10-annotations",
                "--approve-all-licenses");
        assertEquals(0, added.exitCode(), added.output());
        Files.copy(JettyBase.PROJECT.resolve("target/wamp-tls.war"), base.dir.resolve("webapps/wamp-tls.war"));
        Files.copy(JettyBase.PROJECT.resolve("webapps/wamp-tls.xml"), base.dir.resolve("webapps/wamp-tls.xml"));

        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("server", server.privateKey(), PASSWORD,
                new X509Certificate[] {server.certificate(), ca.certificate()});
        Path keyStorePath = store(keyStore, tmp.resolve("keystore.p12"));
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("ca", ca.certificate());
        Path trustStorePath = store(trustStore, tmp.resolve("truststore.p12"));

        Path config = tmp.resolve("war-config.json");
        Files.writeString(config, """
                {"version": 2, "workers": [{"type": "router",
                  "realms": [{"name": "realm1", "roles": [{"name": "backend", "permissions": [
                    {"uri": "", "match": "prefix",
                     "allow": {"call": true, "register": true, "publish": true, "subscribe": true}}]}]}],
                  "transports": [{"type": "web", "endpoint": {"type": "tcp", "port": 8080},
                    "paths": {"ws": {"type": "websocket", "serializers": ["json"],
                      "auth": {"tls": {"type": "static", "principals": {
                        "client_0": {"certificate-sha1": "%s", "role": "backend"}}}}}}}]}]}
                """.formatted(listed.sha1Fingerprint()));

        int port = TestNode.freePort();
        try (JettyBase.Running jetty = base.start("jetty.ssl.port=" + port,
                "jetty.sslContext.keyStorePath=" + keyStorePath,
                "jetty.sslContext.keyStorePassword=" + new String(PASSWORD),
                "jetty.sslContext.trustStorePath=" + trustStorePath,
                "jetty.sslContext.trustStorePassword=" + new String(PASSWORD),
                "jetty.sslContext.needClientAuth=true",
                "-Dwamptls.config=" + config)) {
            jetty.awaitOutput(JettyBase.STARTED);
            assertTrue(jetty.output().contains("WAMP realms [realm1] at /wamp-tls/ws"), jetty.output());

            String url = "wss://localhost:" + port + "/wamp-tls/ws";
            ArrayNode attempts = JSON.createArrayNode();
            for (String certificate : List.of("listed", "unlisted")) {
                attempts.addObject().put("name", certificate).put("url", url).put("client", "autobahn")
                        .put("cert", certs.resolve(certificate + ".crt").toString())
                        .put("key", certs.resolve(certificate + ".key").toString())
                        .putArray("authmethods").add("tls");
            }
            Map<String, JsonNode> results = new HashMap<>();
            for (JsonNode result : logins(certs.resolve("ca.crt"), attempts).get("results")) {
                results.put(result.get("name").asText(), result);
            }

            JsonNode joined = results.get("listed");
            assertTrue(joined.get("joined").asBoolean(), joined + "\n" + jetty.output());
            assertEquals("tls", joined.get("authmethod").asText(), joined.toString());
            assertEquals("client_0", joined.get("authid").asText(), joined.toString());
            assertEquals("backend", joined.get("authrole").asText(), joined.toString());

            JsonNode refused = results.get("unlisted");
            assertFalse(refused.get("joined").asBoolean(), refused.toString());
            assertEquals("wamp.error.not_authorized", refused.get("reason").asText(), refused.toString());
            assertTrue(refused.get("message").asText().startsWith("no principal with authid \""), refused.toString());
        }
    }

    private static Path store(KeyStore store, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }

    private JsonNode logins(Path caFile, ArrayNode attempts) throws Exception {
        Path log = Files.createTempFile(tmp, "auth-client", ".log");
        Process process = new ProcessBuilder("node", SCRIPT.toString(), "logins", "--ca", caFile.toString(),
                "--attempts", attempts.toString()).redirectError(log.toFile()).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("auth-client.js did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8).strip();
        JsonNode result = text.isEmpty() ? null : JSON.readTree(text.substring(text.lastIndexOf('\n') + 1));
        if (result == null || result.has("error")) {
            throw new AssertionError("auth-client.js logins failed: " + text + "\nstderr: " + Files.readString(log));
        }
        return result;
    }
}
