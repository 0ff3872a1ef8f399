package io.wamptls.tls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wamptls.config.ConfigLoader;
import io.wamptls.node.Node;
import io.wamptls.node.NodeFactory;
import io.wamptls.testing.TestNode;
import io.wamptls.tls.CertificateTool.Issued;
import io.wamptls.tls.CertificateTool.KeyType;
import io.wamptls.tls.TlsTestSupport.Result;
import io.wamptls.tls.cipher.CipherString;
import io.wamptls.tls.cipher.CipherSuite;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.ee10.websocket.jakarta.client.JakartaWebSocketClientContainer;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.wamptls.tls.TlsTestSupport.openssl;
import static io.wamptls.tls.TlsTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real handshakes against a node that {@link NodeFactory} builds from a config file in a temp node directory, with
 * certificates made at test time; {@code openssl s_client} and Jetty's clients as peers. JDK provider throughout
 * (the cipher expectations are the JDK's); one node, one standalone websocket transport per case.
 */
class NodeTlsTest {

    static final String SEED_CIPHERS = "ECDH+AESGCM:DH+AESGCM:ECDH+AES256:DH+AES256:ECDH+AES128:DH+AES:ECDH+3DES:"
            + "DH+3DES:RSA+AES:RSA+3DES:!ADH:!AECDH:!MD5:!DSS";
    static final List<String> DEFAULT_ECDHE = List.of("ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-SHA256",
            "ECDHE-RSA-AES128-SHA");
    static final List<String> DEFAULT_DHE = List.of("DHE-RSA-AES128-GCM-SHA256", "DHE-RSA-AES128-SHA256",
            "DHE-RSA-AES128-SHA");

    @TempDir
    static Path dir;
    static Node node;
    static final Map<String, Integer> PORTS = new LinkedHashMap<>();
    static Issued root;
    static Issued client;

    @BeforeAll
    static void startNode() throws Exception {
        root = CertificateTool.certificateAuthority("Node Test Root", KeyType.EC_P256, Duration.ofDays(3650));
        Issued intermediate = CertificateTool.intermediateAuthority(root, "Node Test Intermediate", KeyType.EC_P256,
                Duration.ofDays(1000));
        List<String> names = List.of("localhost", "127.0.0.1");
        CertificateTool.server(intermediate, "localhost", names, KeyType.RSA_2048, Duration.ofDays(90))
                .write(dir.resolve("rsa.key"), dir.resolve("rsa.crt"), List.of(intermediate.certificate()));
        CertificateTool.server(intermediate, "localhost", names, KeyType.EC_P256, Duration.ofDays(90))
                .write(dir.resolve("ec.key"), dir.resolve("ec.crt"), List.of(intermediate.certificate()));
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        Instant now = Instant.now();
        CertificateTool.issue(intermediate, p384.generateKeyPair(), "localhost", CertificateTool.Profile.SERVER,
                names, now.minusSeconds(60), now.plus(Duration.ofDays(90))).write(dir.resolve("p384.key"),
                dir.resolve("p384.crt"), List.of(intermediate.certificate()));
        // The traditional forms, as OpenSSL writes them: PKCS#1 and SEC1.
        openssl(dir, "pkey", "-in", "rsa.key", "-traditional", "-out", "rsa-pkcs1.key");
        openssl(dir, "pkey", "-in", "ec.key", "-traditional", "-out", "ec-sec1.key");
        assertTrue(Files.readString(dir.resolve("rsa-pkcs1.key")).contains("BEGIN RSA PRIVATE KEY"));
        assertTrue(Files.readString(dir.resolve("ec-sec1.key")).contains("BEGIN EC PRIVATE KEY"));
        openssl(dir, "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048", "-out", "dh.pem");

        client = CertificateTool.client(root, "client_0", KeyType.EC_P256, Duration.ofDays(30));
        client.write(dir.resolve("alice.key"), dir.resolve("alice.crt")); // client.* belong to TestNode
        Issued otherRoot = CertificateTool.certificateAuthority("Other CA", KeyType.EC_P256, Duration.ofDays(3650));
        CertificateTool.client(otherRoot, "mallory", KeyType.EC_P256, Duration.ofDays(30))
                .write(dir.resolve("other.key"), dir.resolve("other.crt"));
        CertificateTool.issue(root, CertificateTool.newKeyPair(KeyType.EC_P256), "expired",
                CertificateTool.Profile.CLIENT, List.of(), now.minus(Duration.ofDays(60)),
                now.minus(Duration.ofDays(1))).write(dir.resolve("expired.key"), dir.resolve("expired.crt"));
        Files.writeString(dir.resolve("root.crt"), CertificateTool.certificatePem(root.certificate()));
        Files.copy(dir.resolve("rsa.key"), dir.resolve("reload.key"));
        Files.copy(dir.resolve("rsa.crt"), dir.resolve("reload.crt"));

        List<String> transports = new ArrayList<>();
        transport(transports, "t_default", "rsa.key", "rsa.crt", "");
        transport(transports, "t_default_dh", "rsa.key", "rsa.crt", ", \"dhparam\": \"dh.pem\"");
        transport(transports, "t_seed", "rsa.key", "rsa.crt", ", \"ciphers\": \"" + SEED_CIPHERS + "\"");
        transport(transports, "t_seed_dh", "rsa.key", "rsa.crt",
                ", \"dhparam\": \"dh.pem\", \"ciphers\": \"" + SEED_CIPHERS + "\"");
        transport(transports, "t_ec", "ec.key", "ec.crt", "");
        transport(transports, "t_pkcs1", "rsa-pkcs1.key", "rsa.crt", "");
        transport(transports, "t_sec1", "ec-sec1.key", "ec.crt", "");
        transport(transports, "t_p384", "p384.key", "p384.crt", "");
        transport(transports, "t_mtls", "rsa.key", "rsa.crt", ", \"ca_certificates\": [\"root.crt\"]");
        transport(transports, "t_reload", "reload.key", "reload.crt", "");
        TestNode.create(dir).config(TestNode.routerConfig("[" + String.join(",", transports) + "]"));

        TlsProviders.setMode(TlsProviders.Mode.JDK);
        node = NodeFactory.create(ConfigLoader.load(dir));
        node.start();
    }

    private static void transport(List<String> transports, String id, String key, String certificate, String more) {
        int port = TestNode.freePort();
        PORTS.put(id, port);
        transports.add("""
                {"type": "websocket", "id": "%s", "endpoint": {"type": "tcp", "port": %d, "interface": "127.0.0.1",
                 "tls": {"key": "%s", "certificate": "%s"%s}}}""".formatted(id, port, key, certificate, more));
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.stop();
        }
        TlsProviders.setMode(null);
    }

    /** {@code openssl s_client} that closes right after the handshake. */
    static Result handshake(String transport, String... args) {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect",
                "127.0.0.1:" + PORTS.get(transport), "-servername", "localhost"));
        command.addAll(List.of(args));
        return run(dir, "", command.toArray(new String[0]));
    }

    /** The TLS 1.2 suites (OpenSSL names) the transport accepts out of {@code candidates}, probed in parallel. */
    static Set<String> acceptedTls12(String transport, List<String> candidates) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Map<String, Future<Result>> probes = new LinkedHashMap<>();
            for (String suite : candidates) {
                probes.put(suite, pool.submit(() -> handshake(transport, "-tls1_2", "-cipher", suite + ":@SECLEVEL=0")));
            }
            Set<String> accepted = new LinkedHashSet<>();
            for (Map.Entry<String, Future<Result>> probe : probes.entrySet()) {
                if (probe.getValue().get().cipher().equals(probe.getKey())) {
                    accepted.add(probe.getKey());
                }
            }
            return accepted;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void defaultCiphersWithoutDhparamAreTheThreeEcdheRsaSuites() throws Exception {
        List<String> candidates = new ArrayList<>(DEFAULT_ECDHE);
        candidates.addAll(DEFAULT_DHE);
        candidates.addAll(List.of("ECDHE-RSA-AES256-GCM-SHA384", "AES128-GCM-SHA256", "ECDHE-RSA-CHACHA20-POLY1305"));
        assertEquals(Set.copyOf(DEFAULT_ECDHE), acceptedTls12("t_default", candidates));
    }

    @Test
    void defaultCiphersWithDhparamAreAllSix() throws Exception {
        List<String> candidates = new ArrayList<>(DEFAULT_ECDHE);
        candidates.addAll(DEFAULT_DHE);
        candidates.addAll(List.of("DHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384"));
        assertEquals(Set.copyOf(candidates.subList(0, 6)), acceptedTls12("t_default_dh", candidates));
        Result dhe = handshake("t_default_dh", "-tls1_2", "-cipher", "DHE-RSA-AES128-GCM-SHA256");
        assertTrue(dhe.output().contains("Server Temp Key: DH, 2048 bits"), dhe.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"t_seed", "t_seed_dh"})
    void seedCipherStringAcceptsTheExpansionTheProviderSupports(String transport) throws Exception {
        boolean dhparam = transport.endsWith("_dh");
        Set<String> expected = new LinkedHashSet<>();
        for (CipherSuite suite : CipherString.expand(SEED_CIPHERS)) {
            boolean dhe = suite.ianaName().startsWith("TLS_DHE_");
            if (TlsProviders.supports(TlsProvider.JDK, suite) && (dhparam || !dhe)
                    && suite.authentication() == CipherSuite.Authentication.RSA) { // the server key is RSA
                expected.add(suite.openSslName());
            }
        }
        // The expansion, plus suites outside it that the JDK could negotiate with an RSA key: none of those either.
        List<String> candidates = new ArrayList<>(CipherString.expand(SEED_CIPHERS).stream()
                .map(CipherSuite::openSslName).toList());
        candidates.addAll(List.of("ECDHE-RSA-CHACHA20-POLY1305", "DHE-RSA-CHACHA20-POLY1305", "AES128-CCM",
                "DHE-RSA-AES128-CCM", "ECDHE-RSA-AES256-SHA384"));
        assertEquals(expected, acceptedTls12(transport, candidates.stream().distinct().toList()));
    }

    @Test
    void tls11RefusedTls13Accepted() {
        assertEquals("(NONE)", handshake("t_default", "-tls1_1", "-cipher", "ALL:@SECLEVEL=0").cipher());
        assertEquals("(NONE)", handshake("t_default", "-tls1").cipher());
        Result tls13 = handshake("t_default", "-tls1_3");
        assertTrue(tls13.output().contains("New, TLSv1.3"), tls13.output());
    }

    @Test
    void clientInitiatedRenegotiationIsRefused() throws Exception {
        // s_client's "R" command renegotiates; with stdin kept open it stays connected unless the server closes.
        Process process = new ProcessBuilder("openssl", "s_client", "-connect",
                "127.0.0.1:" + PORTS.get("t_default"), "-servername", "localhost", "-tls1_2")
                .redirectErrorStream(true).start();
        try {
            Thread.sleep(1_000);
            process.getOutputStream().write("R\n".getBytes(StandardCharsets.US_ASCII));
            process.getOutputStream().flush();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "the server closes the connection");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(output.contains("RENEGOTIATING"), output);
        } finally {
            process.destroy();
        }
    }

    @Test
    void chainIsLeafThenIntermediate() {
        Result result = handshake("t_default", "-showcerts");
        assertTrue(result.output().contains(" 0 s:CN = localhost"), result.output());
        assertTrue(result.output().contains(" 1 s:CN = Node Test Intermediate"), result.output());
        assertEquals(2, countOf(result.output(), "-----BEGIN CERTIFICATE-----"), result.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"t_pkcs1", "t_sec1", "t_p384", "t_ec"})
    void everyKeyFormServes(String transport) {
        Result tls13 = handshake(transport, "-tls1_3");
        assertTrue(tls13.output().contains("New, TLSv1.3"), tls13.output());
        boolean ec = !transport.equals("t_pkcs1");
        Result tls12 = handshake(transport, "-tls1_2");
        assertEquals(ec ? "ECDHE-ECDSA-AES128-GCM-SHA256" : "ECDHE-RSA-AES128-GCM-SHA256", tls12.cipher(),
                tls12.output());
    }

    @Test
    void ecCertificateGetsTheEcdsaCounterpartsOfTheDefaults() throws Exception {
        List<String> ecdsa = List.of("ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES128-SHA256",
                "ECDHE-ECDSA-AES128-SHA");
        List<String> candidates = new ArrayList<>(ecdsa);
        candidates.addAll(DEFAULT_ECDHE);
        candidates.add("ECDHE-ECDSA-AES256-GCM-SHA384");
        assertEquals(Set.copyOf(ecdsa), acceptedTls12("t_ec", candidates));
    }

    @Test
    void clientCertificates() {
        for (String version : List.of("-tls1_2", "-tls1_3")) {
            assertTrue(served(version, "-cert", "alice.crt", "-key", "alice.key"), "good certificate " + version);
            assertFalse(served(version), "no client certificate " + version);
            assertFalse(served(version, "-cert", "other.crt", "-key", "other.key"), "other CA " + version);
            assertFalse(served(version, "-cert", "expired.crt", "-key", "expired.key"), "expired " + version);
        }
    }

    /**
     * Whether an HTTP request over the handshake gets an answer (with TLS 1.3 the client may consider the handshake
     * done before the server refuses its certificate, so "served" is the test, not the negotiated suite).
     */
    private static boolean served(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-CAfile", "root.crt"));
        return TlsTestSupport.sClient(dir, PORTS.get("t_mtls"), all.toArray(new String[0])).output()
                .contains("HTTP/1.1 ");
    }

    @Test
    void peerCertReachesTheWampSession() throws Exception {
        HttpClient http = httpClient(client);
        JakartaWebSocketClientContainer container = new JakartaWebSocketClientContainer(http);
        container.start();
        try {
            BlockingQueue<String> messages = new LinkedBlockingQueue<>();
            ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                    .preferredSubprotocols(List.of("wamp.2.json")).build();
            Session session = container.connectToServer(new Endpoint() {
                @Override
                public void onOpen(Session session, EndpointConfig endpointConfig) {
                    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) messages::add);
                }
            }, config, URI.create("wss://localhost:" + PORTS.get("t_mtls") + "/"));
            ObjectMapper json = new ObjectMapper();
            session.getBasicRemote().sendText("[1, \"realm1\", {\"roles\": {\"caller\": {}}}]");
            JsonNode welcome = json.readTree(messages.poll(10, TimeUnit.SECONDS));
            assertEquals(2, welcome.get(0).asInt(), welcome.toString());
            long id = welcome.get(1).asLong();
            session.getBasicRemote().sendText("[48, 1, {}, \"wamp.session.get\", [" + id + "]]");
            JsonNode result = json.readTree(messages.poll(10, TimeUnit.SECONDS));
            assertEquals(50, result.get(0).asInt(), result.toString());
            JsonNode peerCert = result.get(3).get(0).get("transport").get("peer_cert");
            assertNotNull(peerCert, result.toString());
            assertEquals(client.sha1Fingerprint(), peerCert.get("sha1").asText());
            assertEquals("client_0", peerCert.get("subject").get("cn").asText(), peerCert.toString());
            session.close();
        } finally {
            container.stop();
            http.stop();
        }
    }

    @Test
    void hotReloadServesTheNewCertificateAndKeepsTheOldOneOnBrokenFiles() throws Exception {
        BigInteger before = servedSerial("t_reload");
        Issued renewed = CertificateTool.server(root, "localhost", List.of("localhost"), KeyType.EC_P256,
                Duration.ofDays(90));
        renewed.write(dir.resolve("reload.key"), dir.resolve("reload.crt"));
        long start = System.nanoTime();
        BigInteger now = before;
        while (now.equals(before) && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(8)) {
            Thread.sleep(250);
            now = servedSerial("t_reload");
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(renewed.certificate().getSerialNumber(), now);
        assertTrue(millis <= 5_000, "new certificate served after " + millis + " ms");

        long failures = reloadFailures();
        Files.writeString(dir.resolve("reload.key"), "-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----\n");
        Thread.sleep(3_500);
        assertEquals(renewed.certificate().getSerialNumber(), servedSerial("t_reload"));
        assertTrue(reloadFailures() > failures, "the broken key was refused");
    }

    private static long reloadFailures() {
        return node.server().getBeans(CertificateReloader.class).stream().mapToLong(CertificateReloader::failures)
                .sum();
    }

    private static BigInteger servedSerial(String transport) throws Exception {
        Result result = handshake(transport, "-showcerts");
        Matcher pem = Pattern.compile("-----BEGIN CERTIFICATE-----[\\s\\S]*?-----END CERTIFICATE-----")
                .matcher(result.output());
        assertTrue(pem.find(), result.output());
        X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(pem.group().getBytes(StandardCharsets.US_ASCII)));
        return leaf.getSerialNumber();
    }

    private static HttpClient httpClient(Issued clientCertificate) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("client", clientCertificate.privateKey(), "pw".toCharArray(),
                new java.security.cert.Certificate[]{clientCertificate.certificate()});
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", root.certificate());
        SslContextFactory.Client ssl = new SslContextFactory.Client();
        ssl.setKeyStore(keys);
        ssl.setKeyStorePassword("pw");
        ssl.setTrustStore(trust);
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(ssl);
        HttpClient http = new HttpClient(new HttpClientTransportOverHTTP(connector));
        http.start();
        return http;
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
