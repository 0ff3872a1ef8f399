package io.wamptls.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class ConfigLoaderTest {

    private static final String MINIMAL = """
            {"version": 2, "workers": [{"type": "router",
              "realms": [{"name": "realm1", "roles": [{"name": "anonymous", "permissions": []}]}],
              "transports": [{"type": "websocket", "endpoint": {"type": "tcp", "port": 8080}}]}]}
            """;

    @TempDir
    Path dir;

    private NodeConfig parse(String json) throws ConfigException {
        return ConfigLoader.parse(dir, json, ConfigLoader.Format.JSON, null, Fixtures.ENV_LOOKUP);
    }

    private List<ConfigError> errors(String json) {
        return assertThrows(ConfigException.class, () -> parse(json)).errors();
    }

    @Test
    void collectsEveryErrorAtOnce() {
        List<ConfigError> errors = errors("""
                {"version": 2, "workers": [{"type": "router",
                  "transports": [{"type": "websocket",
                                  "endpoint": {"type": "tcp", "port": 70000, "backlog": 0},
                                  "serializers": ["ubjson"]}]}]}
                """);

        assertEquals(List.of(
                new ConfigError("workers[0].transports[0].endpoint.port", "invalid value 70000 (must be from 1 to 65535)"),
                new ConfigError("workers[0].transports[0].endpoint.backlog", "invalid value 0 (must be from 1 to 65535)"),
                new ConfigError("workers[0].transports[0].serializers[0]",
                        "serializer 'ubjson' is not supported by this node (supported: json, msgpack, cbor)")),
                errors);
    }

    @Test
    void exceptionMessageListsEveryErrorWithItsPath() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("{\"workers\": 3}"));

        assertEquals("configuration too old: version 1, current is 2 (upgrade it with 'crossbar upgrade')\n"
                + "workers: expected list, got integer", e.getMessage());
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        List<ConfigError> errors = errors("{\n  \"version\": 2,\n  \"workers\": [],\n}\n");

        assertEquals(1, errors.size());
        assertEquals("", errors.get(0).path());
        assertTrue(errors.get(0).message().startsWith("invalid JSON in configuration at line 4, column 1: "),
                errors.get(0).message());
    }

    @Test
    void yamlSyntaxErrorNamesTheFileLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("config.yaml"), "version: 2\nworkers: [\n  {type: router\n");

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir));

        String message = e.errors().get(0).message();
        assertTrue(message.startsWith("invalid YAML in " + dir.resolve("config.yaml") + " at line "), message);
    }

    @Test
    void resolvesPortFromEnvironment() throws ConfigException {
        NodeConfig config = parse(MINIMAL.replace("8080", "\"$WAMP_PORT\""));

        assertEquals(9443, config.transports().get(0).endpoint().port());
    }

    @Test
    void endpointDefaults() throws ConfigException {
        EndpointConfig endpoint = parse(MINIMAL).transports().get(0).endpoint();

        assertEquals(new EndpointConfig("workers[0].transports[0].endpoint", 8080, "", 4, 50, false, null, null),
                endpoint);
        WebSocketTransportConfig transport = (WebSocketTransportConfig) parse(MINIMAL).transports().get(0);
        assertEquals(WebSocketOptions.DEFAULT, transport.wamp().options());
        assertEquals(AuthConfig.NONE, transport.wamp().auth());
        assertEquals(List.of(), transport.wamp().serializers());
    }

    @Test
    void loadFindsNeitherFileAndNamesBoth() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir));

        assertEquals("no configuration file: neither " + dir.resolve("config.json") + " nor "
                + dir.resolve("config.yaml") + " exists", e.errors().get(0).message());
    }

    @Test
    void loadPrefersJsonWhenBothExist() throws Exception {
        Files.writeString(dir.resolve("config.json"), MINIMAL);
        Files.writeString(dir.resolve("config.yaml"), "not: [valid");

        NodeConfig config = ConfigLoader.load(dir);

        assertEquals(dir.resolve("config.json"), config.source());
    }

    @Test
    void loadAcceptsYml() throws Exception {
        Files.writeString(dir.resolve("config.yml"), MINIMAL);

        assertEquals(dir.resolve("config.yml"), ConfigLoader.load(dir).source());
    }

    @Test
    void loadMakesTheNodeDirectoryAbsolute() throws Exception {
        Files.writeString(dir.resolve("config.json"), MINIMAL);
        Path relative = Path.of("").toAbsolutePath().relativize(dir);

        assertEquals(dir, ConfigLoader.load(relative).nodeDir());
    }

    @Test
    void missingNodeDirectory() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("nope")));

        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void resolvesFilesAgainstTheNodeDirectory() throws Exception {
        Path nodeDir = Files.createDirectory(dir.resolve(".crossbar"));
        Files.createDirectory(nodeDir.resolve("keys"));
        Files.writeString(nodeDir.resolve("keys/server.key"), "k");
        Files.writeString(dir.resolve("server.crt"), "c");
        Path absoluteCa = Files.writeString(dir.resolve("ca.crt"), "ca");
        Files.createDirectory(dir.resolve("web"));
        String json = """
                {"version": 2, "workers": [{"type": "router", "realms": [{"name": "realm1"}],
                  "transports": [{"type": "web",
                    "endpoint": {"type": "tcp", "port": 8443, "tls": {"key": "keys/./server.key",
                      "certificate": "../server.crt", "ca_certificates": ["%s"]}},
                    "paths": {"/": {"type": "static", "directory": "../web"}}}]}]}
                """.formatted(absoluteCa);

        NodeConfig config = ConfigLoader.parse(nodeDir, json, ConfigLoader.Format.JSON, null);

        TlsConfig tls = config.transports().get(0).endpoint().tls();
        assertEquals(nodeDir.resolve("keys/server.key"), tls.key());
        assertEquals(dir.resolve("server.crt"), tls.certificate());
        assertEquals(List.of(absoluteCa), tls.caCertificates());
        assertTrue(tls.requiresClientCertificate());
        PathConfig.Static root = (PathConfig.Static) ((WebTransportConfig) config.transports().get(0)).paths().get("/");
        assertEquals(dir.resolve("web"), root.directory());
    }

    @Test
    void unreadableFileIsReported() throws Exception {
        Path key = Files.writeString(dir.resolve("server.key"), "k");
        Files.writeString(dir.resolve("server.crt"), "c");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(key), "running as root: every file is readable");

        List<ConfigError> errors = errors(MINIMAL.replace("\"port\": 8080}",
                "\"port\": 8080, \"tls\": {\"key\": \"server.key\", \"certificate\": \"server.crt\"}}"));

        assertEquals(List.of(new ConfigError("workers[0].transports[0].endpoint.tls.key",
                "cannot read " + key + " (Permission denied)")), errors);
    }

    @Test
    void yamlAndJsonGiveTheSameConfiguration() throws Exception {
        Path nodeDir = Fixtures.resource("config/valid/crossbarexamples-encryption-tls");
        String json = Files.readString(nodeDir.resolve("config.json"));
        String yaml = new YAMLMapper().writeValueAsString(new ObjectMapper().readTree(json));

        NodeConfig fromJson = ConfigLoader.parse(nodeDir, json, ConfigLoader.Format.JSON, null);
        NodeConfig fromYaml = ConfigLoader.parse(nodeDir, yaml, ConfigLoader.Format.YAML, null);

        assertEquals(fromJson, fromYaml);
    }

    @Test
    void workerAndTransportIdsAreSeparateNamespaces() throws ConfigException {
        NodeConfig config = parse(MINIMAL.replace("\"type\": \"router\",", "\"type\": \"router\", \"id\": \"main\",")
                .replace("{\"type\": \"websocket\",", "{\"type\": \"websocket\", \"id\": \"main\","));

        assertEquals("main", config.workers().get(0).id());
        assertEquals("main", config.transports().get(0).id());
    }

    @Test
    void derivesMatchFromStars() throws ConfigException {
        String json = MINIMAL.replace("\"permissions\": []", """
                "permissions": [{"uri": "com.example.add"}, {"uri": "com.example.*"}, {"uri": "com.*.x.*"},
                                {"uri": "*"}, {"uri": "com.ex*", "match": "exact"}, {"uri": ""}]""");

        List<PermissionConfig> permissions = parse(json).realms().get(0).roles().get(0).permissions();

        assertEquals(List.of("exact:com.example.add", "prefix:com.example.", "wildcard:com..x.", "prefix:",
                        "exact:com.ex*", "exact:"),
                permissions.stream().map(p -> p.match() + ":" + p.uri()).toList());
        assertEquals("workers[0].realms[0].roles[0].permissions[1]", permissions.get(1).jsonPath());
    }

    @Test
    void permissionGrantsDefaultToFalse() throws ConfigException {
        String json = MINIMAL.replace("\"permissions\": []",
                "\"permissions\": [{\"uri\": \"a.b\", \"allow\": {\"publish\": true}}]");

        PermissionConfig p = parse(json).realms().get(0).roles().get(0).permissions().get(0);

        assertEquals(new PermissionConfig(p.jsonPath(), "a.b", "exact", false, false, true, false, false, false,
                false), p);
    }

    @Test
    void realmDefaults() throws ConfigException {
        RealmConfig realm = parse(MINIMAL).realms().get(0);

        assertEquals("loose", realm.uriCheck());
        assertTrue(realm.enableMetaApi());
    }

    @Test
    void ticketSecretFromEnvironment() throws ConfigException {
        String json = MINIMAL.replace("\"port\": 8080}", """
                "port": 8080}, "auth": {"ticket": {"type": "static",
                  "principals": {"joe": {"ticket": "${TICKET_SECRET}", "role": "anonymous"}}}}""");

        WebSocketTransportConfig t = (WebSocketTransportConfig) parse(json).transports().get(0);
        AuthConfig.Ticket ticket = (AuthConfig.Ticket) t.wamp().auth().methods().get("ticket");

        assertEquals(new AuthConfig.TicketPrincipal("s3cret", "anonymous"), ticket.principals().get("joe"));
        assertEquals("workers[0].transports[0].auth.ticket", ticket.jsonPath());
    }

    @Test
    void automaticTransportIdsCountOnlyTransportsWithoutId() throws ConfigException {
        String json = """
                {"version": 2, "workers": [
                  {"type": "router", "transports": [
                    {"type": "websocket", "endpoint": {"type": "tcp", "port": 8080}},
                    {"type": "websocket", "id": "mine", "endpoint": {"type": "tcp", "port": 8081}}]},
                  {"type": "router", "transports": [
                    {"type": "websocket", "endpoint": {"type": "tcp", "port": 8082}}]}]}
                """;

        NodeConfig config = parse(json);

        assertEquals(List.of("transport001", "mine", "transport002"),
                config.transports().stream().map(TransportConfig::id).toList());
        assertEquals(List.of("worker001", "worker002"), config.workers().stream().map(WorkerConfig::id).toList());
    }

    @Test
    void samePortOnDifferentInterfacesIsFine() throws ConfigException {
        String json = """
                {"version": 2, "workers": [{"type": "router", "transports": [
                  {"type": "websocket", "endpoint": {"type": "tcp", "port": 8080, "interface": "127.0.0.1"}},
                  {"type": "websocket", "endpoint": {"type": "tcp", "port": 8080, "interface": "127.0.0.2"}}]}]}
                """;

        assertEquals(2, parse(json).transports().size());
    }

    @Test
    void didYouMeanOnlyForNearMisses() {
        assertEquals("; did you mean 'certificate'?",
                Suggestions.didYouMean("certficate", List.of("key", "certificate")));
        assertEquals("", Suggestions.didYouMean("foo", List.of("key", "certificate")));
    }

    @Test
    void fullYamlConfiguration() throws ConfigException {
        Path nodeDir = Fixtures.resource("config/valid/yaml-full");

        NodeConfig config = ConfigLoader.load(nodeDir, Fixtures.ENV_LOOKUP);

        assertEquals(new ControllerConfig("node1", "wamp-tls test node"), config.controller());
        assertEquals(1, config.workers().size(), "the disabled worker is left out");
        assertEquals(List.of("transport001", "plain_ws", "transport002"),
                config.transports().stream().map(TransportConfig::id).toList());

        WebTransportConfig web = (WebTransportConfig) config.transports().get(0);
        assertEquals(9443, web.endpoint().port());
        assertEquals("127.0.0.1", web.endpoint().iface());
        assertEquals(new WebOptions(true, false, true, 31536000L, 30, true), web.options());
        assertEquals(List.of("/", "assets", "ws", "old", "info", "status", "app"), List.copyOf(web.paths().keySet()));

        PathConfig.Static root = (PathConfig.Static) web.paths().get("/");
        assertEquals(nodeDir.resolve("site"), root.directory());
        assertEquals(new PathConfig.StaticOptions(true, Map.of(".wasm", "application/wasm", ".map", "application/json"),
                null, "index.html"), root.options());
        PathConfig.Static assets = (PathConfig.Static) web.paths().get("assets");
        assertNull(assets.directory());
        assertEquals("/io/wamptls/demo/static", assets.classpathResource());
        assertEquals(PathConfig.StaticOptions.DEFAULT, assets.options());

        WampEndpointConfig ws = ((PathConfig.WebSocket) web.paths().get("ws")).wamp();
        assertEquals("wss://localhost:9443/ws", ws.url());
        assertEquals(List.of("cbor", "json"), ws.serializers());
        assertEquals(new WebSocketOptions(List.of("https://*.example.com"), true, null, 2500, 0, 10000, 5000, 16,
                false, 65536, 1048576, new WebSocketOptions.Deflate(true, 13, false, 15, 8), true, false),
                ws.options());
        Map<String, AuthConfig.AuthMethodConfig> auth = ws.auth().methods();
        assertEquals(List.of("anonymous", "ticket", "wampcra", "tls"), List.copyOf(auth.keySet()));
        assertEquals(new AuthConfig.CraUser("secret2", "backend", "salt123", 100, 16),
                ((AuthConfig.WampCra) auth.get("wampcra")).users().get("peter"));
        assertEquals(new AuthConfig.CraUser("seekrit", "backend", null, 1000, 32),
                ((AuthConfig.WampCra) auth.get("wampcra")).users().get("admin"));
        assertEquals("s3cret", ((AuthConfig.Ticket) auth.get("ticket")).principals().get("joe").ticket());

        assertEquals(new PathConfig.Redirect("workers[0].transports[0].paths.old", "https://example.com/"),
                web.paths().get("old"));
        assertEquals(Map.of("answer", 42, "list", List.of(1, 2)), ((PathConfig.Json) web.paths().get("info")).value());
        PathConfig.Nested app = (PathConfig.Nested) web.paths().get("app");
        assertEquals("workers[0].transports[0].paths.app.paths[\"/\"]", app.paths().get("/").jsonPath());

        EndpointConfig plain = config.transports().get(1).endpoint();
        assertEquals(new EndpointConfig("workers[0].transports[1].endpoint", 8080, "", 6, 100, true, 1000, null),
                plain);

        RealmConfig realm = config.realms().get(0);
        assertEquals("strict", realm.uriCheck());
        assertEquals(false, realm.enableMetaApi());
        assertEquals(List.of("prefix:com.example.", "wildcard:com..event.", "exact:com.example.exact*"),
                realm.roles().get(1).permissions().stream().map(p -> p.match() + ":" + p.uri()).toList());
    }
}
