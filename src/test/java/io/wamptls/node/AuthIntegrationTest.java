package io.wamptls.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wamptls.config.ConfigLoader;
import io.wamptls.testing.TestNode;
import io.wamptls.tls.CertificateTool;
import io.wamptls.tls.CertificateTool.KeyType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Authentication and the Advanced Profile against a real node, with the real npm clients autobahn and wampy
 * ({@code src/test/node/auth-client.js}). One node serves the same {@code auth} dict on a web transport's
 * {@code ws} path and on a standalone websocket transport, both requiring client certificates
 * ({@code ca_certificates}) made at test time.
 */
class AuthIntegrationTest {
    private static final Path SCRIPT = Path.of("src/test/node/auth-client.js").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    static Path dir;
    static Node node;
    static String webUrl;
    static String websocketUrl;
    static String listedFingerprint;
    static JsonNode profile;
    static AssertionError profileFailure;

    @BeforeAll
    static void startNode() throws Exception {
        dir = Files.createDirectories(tmp.resolve("node"));
        Duration day = Duration.ofDays(1);
        CertificateTool.Issued ca = CertificateTool.certificateAuthority("wamp-tls auth test CA", KeyType.EC_P256, day);
        ca.write(dir.resolve("ca.key"), dir.resolve("ca.crt"));
        CertificateTool.server(ca, "localhost", List.of("localhost", "127.0.0.1"), KeyType.RSA_2048, day)
                .write(dir.resolve("server.key"), dir.resolve("server.crt"));
        CertificateTool.Issued listed = CertificateTool.client(ca, "client_0", KeyType.EC_P256, day);
        listed.write(dir.resolve("listed.key"), dir.resolve("listed.crt"));
        CertificateTool.client(ca, "intruder", KeyType.EC_P256, day)
                .write(dir.resolve("unlisted.key"), dir.resolve("unlisted.crt"));
        listedFingerprint = listed.sha1Fingerprint();
        Files.createDirectories(dir.resolve("web"));
        Files.writeString(dir.resolve("web/index.html"), "<!DOCTYPE html><title>auth</title>\n");

        int webPort = TestNode.freePort();
        int websocketPort = TestNode.freePort();
        Files.writeString(dir.resolve("config.json"), config(webPort, websocketPort, listedFingerprint));
        node = NodeFactory.create(ConfigLoader.load(dir));
        node.start();
        webUrl = "wss://localhost:" + webPort + "/ws";
        websocketUrl = "wss://localhost:" + websocketPort + "/";
    }

    @AfterAll
    static void stopNode() throws Exception {
        node.stop();
    }

    private static String config(int webPort, int websocketPort, String fingerprint) {
        String allowAll = """
                {"uri": "", "match": "prefix", "allow": {"call": true, "register": true, "publish": true, "subscribe": true}}""";
        String auth = """
                {"anonymous": {"type": "static", "role": "anonymous"},
                 "ticket": {"type": "static", "principals": {"joe": {"ticket": "joe-ticket", "role": "user"}}},
                 "wampcra": {"type": "static", "users": {
                    "peter": {"secret": "peter-secret", "role": "user"},
                    "sally": {"secret": "sally-secret", "role": "backend", "salt": "salt123", "iterations": 100, "keylen": 16}}},
                 "tls": {"type": "static", "principals": {"client_0": {"certificate-sha1": "%s", "role": "backend"}}}}
                """.formatted(fingerprint);
        String tls = """
                {"key": "server.key", "certificate": "server.crt", "ca_certificates": ["ca.crt"]}""";
        return """
                {"version": 2, "workers": [{"type": "router",
                  "realms": [{"name": "realm1", "roles": [
                    {"name": "anonymous", "permissions": [%1$s,
                      {"uri": "wamp.session.kill", "match": "exact",
                       "allow": {"call": false, "register": false, "publish": false, "subscribe": false}}]},
                    {"name": "user", "permissions": [%1$s]},
                    {"name": "backend", "permissions": [%1$s]}]}],
                  "transports": [
                    {"type": "web", "id": "web_tls",
                     "endpoint": {"type": "tcp", "port": %3$d, "interface": "127.0.0.1", "tls": %5$s},
                     "paths": {"/": {"type": "static", "directory": "web"},
                               "ws": {"type": "websocket", "auth": %2$s}}},
                    {"type": "websocket", "id": "websocket_tls",
                     "endpoint": {"type": "tcp", "port": %4$d, "interface": "127.0.0.1", "tls": %5$s},
                     "auth": %2$s}]}]}
                """.formatted(allowAll, auth, webPort, websocketPort, tls);
    }

    @Test
    void loginsOverWebPathAndStandaloneTransport() throws Exception {
        ArrayNode attempts = JSON.createArrayNode();
        for (String url : List.of(webUrl, websocketUrl)) {
            for (String client : List.of("autobahn", "wampy")) {
                attempts.add(attempt(url, client, "ticket", "ticket", "joe", "joe-ticket", "listed"));
                attempts.add(attempt(url, client, "ticket-wrong", "ticket", "joe", "joe-guess", "listed"));
                attempts.add(attempt(url, client, "cra", "wampcra", "peter", "peter-secret", "listed"));
                attempts.add(attempt(url, client, "cra-wrong", "wampcra", "peter", "sally-secret", "listed"));
                attempts.add(attempt(url, client, "cra-salted", "wampcra", "sally", "sally-secret", "listed"));
                attempts.add(attempt(url, client, "cra-salted-wrong", "wampcra", "sally", "peter-secret", "listed"));
                attempts.add(attempt(url, client, "tls", "tls", null, null, "listed"));
                attempts.add(attempt(url, client, "tls-unlisted", "tls", null, null, "unlisted"));
            }
            attempts.add(attempt(url, "raw", "no-certificate", null, null, null, null));
            attempts.add(attempt(url, "autobahn", "no-method", "cryptosign", null, null, "listed"));
        }
        Map<String, JsonNode> results = new HashMap<>();
        for (JsonNode result : run("logins", List.of("--attempts", attempts.toString())).get("results")) {
            results.put(result.get("name").asText(), result);
        }

        for (String url : List.of(webUrl, websocketUrl)) {
            for (String client : List.of("autobahn", "wampy")) {
                String at = url + " " + client + " ";
                assertJoined(results.get(at + "ticket"), "joe", "user", "ticket");
                assertRefused(results.get(at + "ticket-wrong"), "ticket in static WAMP-Ticket authentication is invalid");
                assertJoined(results.get(at + "cra"), "peter", "user", "wampcra");
                assertRefused(results.get(at + "cra-wrong"), "WAMP-CRA client signature is invalid");
                assertJoined(results.get(at + "cra-salted"), "sally", "backend", "wampcra");
                assertRefused(results.get(at + "cra-salted-wrong"), "WAMP-CRA client signature is invalid");
                assertJoined(results.get(at + "tls"), "client_0", "backend", "tls");
                assertRefused(results.get(at + "tls-unlisted"), "no principal with authid \"");
            }
            JsonNode noCertificate = results.get(url + " raw no-certificate");
            assertFalse(noCertificate.get("opened").asBoolean(), "refused in the TLS handshake: " + noCertificate);
            JsonNode noMethod = results.get(url + " autobahn no-method");
            assertEquals("wamp.error.no_auth_method", noMethod.get("reason").asText(), noMethod.toString());
        }
    }

    private static ObjectNode attempt(String url, String client, String name, String authmethod, String authid,
                                      String secret, String certificate) {
        ObjectNode attempt = JSON.createObjectNode().put("name", url + " " + client + " " + name)
                .put("url", url).put("client", client);
        if (authmethod != null) {
            attempt.putArray("authmethods").add(authmethod);
        }
        if (authid != null) {
            attempt.put("authid", authid).put("secret", secret);
        }
        if (certificate != null) {
            attempt.put("cert", dir.resolve(certificate + ".crt").toString())
                    .put("key", dir.resolve(certificate + ".key").toString());
        }
        return attempt;
    }

    private static void assertJoined(JsonNode result, String authid, String authrole, String authmethod) {
        assertTrue(result.get("joined").asBoolean(), result::toString);
        assertEquals(authid, result.get("authid").asText(), result::toString);
        assertEquals(authrole, result.get("authrole").asText(), result::toString);
        assertEquals(authmethod, result.get("authmethod").asText(), result::toString);
        assertEquals("static", result.get("authprovider").asText(), result::toString);
    }

    private static void assertRefused(JsonNode result, String messageStart) {
        assertFalse(result.get("joined").asBoolean(), result::toString);
        assertEquals("wamp.error.not_authorized", result.get("reason").asText(), result::toString);
        assertTrue(result.get("message").asText().startsWith(messageStart), result::toString);
    }

    @Test
    void progressiveCallResults() throws Exception {
        JsonNode progressive = profile().get("progressive");
        assertEquals("[1,2]", progressive.get("progress").toString());
        assertEquals(3, progressive.get("final").asInt());
    }

    @Test
    void cancelModesAtWireLevel() throws Exception {
        JsonNode cancel = profile().get("cancel");
        for (String mode : List.of("skip", "kill", "killnowait")) {
            assertEquals("wamp.error.canceled", cancel.get(mode).get("error").asText(), mode + ": " + cancel);
        }
        assertTrue(cancel.get("skip").get("interrupt").isNull(), "skip interrupts nobody: " + cancel);
        assertEquals("kill", cancel.get("kill").get("interrupt").get("mode").asText(), cancel.toString());
        assertEquals("killnowait", cancel.get("killnowait").get("interrupt").get("mode").asText(), cancel.toString());
        assertEquals(0, cancel.get("lateResults").asInt(), "late answers to skip and killnowait are dropped");
    }

    @Test
    void sharedRegistrationRoundRobinOverThreeCallees() throws Exception {
        List<String> calls = new ArrayList<>();
        profile().get("roundRobin").forEach(c -> calls.add(c.asText()));
        assertEquals(6, calls.size());
        assertEquals(calls.subList(0, 3), calls.subList(3, 6), "round robin repeats: " + calls);
        assertEquals(List.of("a", "b", "c"), calls.subList(0, 3).stream().sorted().toList(), calls.toString());
    }

    @Test
    void patternSubscriptionsDeliverTheConcreteTopic() throws Exception {
        JsonNode patterns = profile().get("patterns");
        assertEquals("[[\"prefix\",\"com.example.pattern.a.b\"],[\"wildcard\",\"com.example.x.wild\"]]",
                patterns.get("autobahn").toString());
        assertEquals("[[\"prefix\",\"com.example.pattern.a.b\"]]", patterns.get("wampy").toString());
    }

    @Test
    void eligibleAndExcludeSelectReceivers() throws Exception {
        JsonNode filters = profile().get("filters");
        assertEquals("[1,4]", filters.get("a").toString());
        assertEquals("[2,4]", filters.get("b").toString());
        assertEquals("[1,2,4]", filters.get("c").toString(), "wampy subscriber");
        assertEquals("[2]", filters.get("publisher").toString(), "exclude_me false");
    }

    @Test
    void metaApiCallsAndEvents() throws Exception {
        JsonNode meta = profile().get("meta");
        long session = meta.get("session").asLong();
        assertTrue(meta.get("count").asInt() >= 2, meta.toString());
        List<Long> list = new ArrayList<>();
        meta.get("list").forEach(id -> list.add(id.asLong()));
        assertTrue(list.contains(session) && list.contains(meta.get("observer").asLong()), list.toString());

        JsonNode details = meta.get("get");
        assertEquals(session, details.get("session").asLong());
        assertEquals("anonymous", details.get("authmethod").asText());
        assertEquals("anonymous", details.get("authrole").asText());
        JsonNode transport = details.get("transport");
        assertEquals("tls", transport.get("channel_type").asText(), transport.toString());
        assertTrue(transport.get("is_secure").asBoolean(), transport.toString());
        assertEquals("wamp.2.json", transport.get("websocket_protocol").asText(), transport.toString());
        assertTrue(transport.get("peer").asText().startsWith("tcp4:127.0.0.1:"), transport.toString());
        assertEquals(listedFingerprint, transport.get("peer_cert").get("sha1").asText(), transport.toString());
        assertEquals("client_0", transport.get("peer_cert").get("subject").get("cn").asText(), transport.toString());

        long subscription = meta.get("subscriptionLookup").asLong();
        assertEquals("[" + subscription + "]", meta.get("subscriptionMatch").toString());
        assertEquals("[" + session + "]", meta.get("subscribers").toString());
        assertEquals("[" + session + "]", meta.get("callees").toString());

        assertEquals("wamp.error.not_authorized", meta.get("anonymousKill").asText(), "kill needs an authorized role");
        assertEquals("com.example.go_away", meta.get("killedWith").asText());

        List<String> topics = new ArrayList<>();
        meta.get("events").forEach(e -> topics.add(e.get("topic").asText()));
        assertEquals(List.of("wamp.session.on_join", "wamp.subscription.on_create", "wamp.subscription.on_subscribe",
                "wamp.registration.on_register", "wamp.session.on_leave"), topics);
        JsonNode joined = meta.get("events").get(0).get("args").get(0);
        assertEquals("anonymous", joined.get("authmethod").asText());
        assertEquals(listedFingerprint, joined.get("transport").get("peer_cert").get("sha1").asText());
    }

    /** The profile scenario runs once (one client process) and every test reads its part. */
    private static synchronized JsonNode profile() throws Exception {
        if (profile == null && profileFailure == null) {
            try {
                profile = run("profile", List.of("--url", webUrl, "--cert", dir.resolve("listed.crt").toString(),
                        "--key", dir.resolve("listed.key").toString()));
            } catch (AssertionError e) {
                profileFailure = e;
            }
        }
        if (profileFailure != null) {
            throw profileFailure;
        }
        return profile;
    }

    private static JsonNode run(String scenario, List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", SCRIPT.toString(), scenario, "--ca",
                dir.resolve("ca.crt").toString()));
        command.addAll(options);
        Path log = Files.createTempFile(tmp, "auth-client", ".log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("auth-client.js did not finish: " + command);
        }
        String text = new String(out, StandardCharsets.UTF_8).strip();
        String lastLine = text.substring(text.lastIndexOf('\n') + 1);
        JsonNode result = text.isEmpty() ? null : JSON.readTree(lastLine);
        if (result == null || result.has("error")) {
            throw new AssertionError("auth-client.js " + scenario + " failed: " + text + "\nstderr: " + Files.readString(log));
        }
        return result;
    }
}
