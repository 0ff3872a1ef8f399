package io.wamptls.web;

import io.wamptls.config.ConfigLoader;
import io.wamptls.node.Node;
import io.wamptls.node.NodeFactory;
import io.wamptls.testing.Curl;
import io.wamptls.testing.HttpsClients;
import io.wamptls.testing.TestNode;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.JakartaWebSocketServerContainer;
import org.eclipse.jetty.ee10.websocket.servlet.WebSocketUpgradeFilter;
import org.eclipse.jetty.http.HttpHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every path type and web option of a {@code web} transport, over real HTTPS (Jetty HttpClient and curl). */
class WebTransportTest {
    @TempDir
    static Path tmp;

    static TestNode dir;
    static Node node;
    static int tlsPort;
    static int plainPort;
    static HttpClient https;
    static final List<String> accessLines = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        tlsPort = TestNode.freePort();
        plainPort = TestNode.freePort();
        dir = TestNode.create(tmp.resolve("node"));
        site(dir.dir);
        String tls = """
                {"type": "web", "id": "web_tls",
                 "endpoint": {"type": "tcp", "port": %d, "interface": "127.0.0.1",
                              "tls": {"key": "server.key", "certificate": "server.crt"}},
                 "options": {"hsts": true, "hsts_max_age": 600, "access_log": true},
                 "paths": {
                   "/": {"type": "static", "directory": "site", "options": {"mime_types": {".foo": "application/x-foo"}}},
                   "nocache": {"type": "static", "directory": "site", "options": {"cache_timeout": null}},
                   "listing": {"type": "static", "directory": "site", "options": {"enable_directory_listing": true}},
                   "spa": {"type": "static", "directory": "app", "options": {"default_file": "index.html"}},
                   "info": {"type": "nodeinfo"},
                   "conf": {"type": "json", "value": {"a": [1, 2], "b": "x"}},
                   "go": {"type": "redirect", "url": "/info"},
                   "away": {"type": "redirect", "url": "https://example.com/landing"},
                   "rel": {"type": "redirect", "url": "info"},
                   "nested": {"type": "path", "paths": {
                      "/": {"type": "static", "directory": "app"},
                      "deeper": {"type": "path", "paths": {"j": {"type": "json", "value": 42}}}}},
                   "ws": {"type": "websocket"}
                 }}
                """.formatted(tlsPort);
        String plain = """
                {"type": "web", "id": "web_plain",
                 "endpoint": {"type": "tcp", "port": %d, "interface": "127.0.0.1"},
                 "options": {"hsts": true, "client_timeout": 1, "show_server_version": true},
                 "paths": {"/": {"type": "redirect", "url": "https://localhost:%d"}}}
                """.formatted(plainPort, tlsPort);
        dir.config(TestNode.routerConfig("[" + tls + "," + plain + "]"));
        node = NodeFactory.create(ConfigLoader.load(dir.dir));
        node.server().setRequestLog(new AccessLog(java.util.Set.of("web_tls"), accessLines::add));
        node.start();
        https = HttpsClients.trusting(dir.ca());
    }

    /** site/ with files of every kind the tests need, app/ for the SPA, and secrets just outside the roots. */
    private static void site(Path node) throws IOException {
        Path site = Files.createDirectories(node.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<p>site index</p>");
        Files.writeString(site.resolve("data.foo"), "foo data");
        Files.writeString(site.resolve("small.txt"), "0123456789".repeat(100));
        Files.createDirectories(site.resolve("sub"));
        Files.writeString(site.resolve("sub/index.html"), "<p>sub index</p>");
        Files.createDirectories(site.resolve("empty"));
        Files.writeString(site.resolve("empty/file.txt"), "in empty");
        String text = "compress me ".repeat(200);
        Files.writeString(site.resolve("pre.txt"), text);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        Files.write(site.resolve("pre.txt.gz"), gz.toByteArray());
        Files.write(site.resolve("pre.txt.br"), new byte[] {1, 2, 3, 4}); // only served, never decoded, here
        Files.writeString(node.resolve("secret.txt"), "TOP SECRET");
        Files.createSymbolicLink(site.resolve("escape.txt"), node.resolve("secret.txt"));
        Files.createSymbolicLink(site.resolve("escapedir"), node);
        Path app = Files.createDirectories(node.resolve("app"));
        Files.writeString(app.resolve("index.html"), "<p>spa shell</p>");
        Files.writeString(app.resolve("app.js"), "console.log(1)");
    }

    @AfterAll
    static void stop() throws Exception {
        https.stop();
        node.stop();
    }

    private static String url(String path) {
        return "https://localhost:" + tlsPort + path;
    }

    private static ContentResponse get(String path) throws Exception {
        return https.GET(url(path));
    }

    /**
     * WAMP paths upgrade in their own servlet, through the Jakarta container; Jetty's WebSocketUpgradeFilter, which
     * wraps every request of the context to look for endpoints registered with that container, is not installed.
     */
    @Test
    void webSocketContainerWithoutJettysUpgradeFilter() {
        List<ServletContextHandler> contexts = node.server().getDescendants(ServletContextHandler.class);
        assertFalse(contexts.isEmpty());
        for (ServletContextHandler context : contexts) {
            assertNotNull(JakartaWebSocketServerContainer.getContainer(context.getServletContext()),
                    context.getDisplayName());
            for (FilterHolder filter : context.getServletHandler().getFilters()) {
                assertFalse(filter.getFilter() instanceof WebSocketUpgradeFilter, context.getDisplayName());
            }
        }
    }

    @Test
    void staticFileWithCacheHeadersEtagAndConditionalRequests() throws Exception {
        ContentResponse r = get("/small.txt");
        assertEquals(200, r.getStatus());
        assertEquals("max-age=43200, public", r.getHeaders().get(HttpHeader.CACHE_CONTROL));
        String etag = r.getHeaders().get(HttpHeader.ETAG);
        String lastModified = r.getHeaders().get(HttpHeader.LAST_MODIFIED);
        assertNotNull(etag);
        assertNotNull(lastModified);
        assertEquals(304, https.newRequest(url("/small.txt")).headers(h -> h.put(HttpHeader.IF_NONE_MATCH, etag))
                .send().getStatus());
        assertEquals(304, https.newRequest(url("/small.txt"))
                .headers(h -> h.put(HttpHeader.IF_MODIFIED_SINCE, lastModified)).send().getStatus());
        assertNull(get("/nocache/small.txt").getHeaders().get(HttpHeader.CACHE_CONTROL), "cache_timeout null");
    }

    @Test
    void rangeRequestGets206() throws Exception {
        ContentResponse r = https.newRequest(url("/small.txt")).headers(h -> h.put(HttpHeader.RANGE, "bytes=10-14"))
                .send();
        assertEquals(206, r.getStatus());
        assertEquals("01234", r.getContentAsString());
        assertEquals("bytes 10-14/1000", r.getHeaders().get(HttpHeader.CONTENT_RANGE));
    }

    @Test
    void mimeTypesPerPath() throws Exception {
        assertEquals("application/x-foo", get("/data.foo").getHeaders().get(HttpHeader.CONTENT_TYPE));
        assertNotEquals("application/x-foo", get("/nocache/data.foo").getHeaders().get(HttpHeader.CONTENT_TYPE));
    }

    private static void assertNotEquals(String a, String b) {
        org.junit.jupiter.api.Assertions.assertNotEquals(a, b);
    }

    @Test
    void precompressedFilesWhenTheClientAccepts() throws Exception {
        Curl.Response gz = Curl.run(dir.ca(), "-H", "Accept-Encoding: gzip", url("/pre.txt"));
        assertEquals(200, gz.status());
        assertEquals("gzip", gz.header("content-encoding"));
        Curl.Response br = Curl.run(dir.ca(), "-H", "Accept-Encoding: br", url("/pre.txt"));
        assertEquals("br", br.header("content-encoding"));
        Curl.Response identity = Curl.run(dir.ca(), url("/pre.txt"));
        assertNull(identity.header("content-encoding"));
        assertTrue(identity.body().startsWith("compress me"));
    }

    @Test
    void indexFilesDirectoryRedirectsAndListing() throws Exception {
        assertTrue(get("/").getContentAsString().contains("site index"));
        assertTrue(get("/sub/").getContentAsString().contains("sub index"));
        ContentResponse redirect = get("/sub");
        assertEquals(302, redirect.getStatus());
        assertTrue(redirect.getHeaders().get(HttpHeader.LOCATION).endsWith("/sub/"),
                redirect.getHeaders().get(HttpHeader.LOCATION));
        assertEquals(404, get("/empty/").getStatus(), "no index and no listing: 404 as in Crossbar");
        ContentResponse listing = get("/listing/empty/");
        assertEquals(200, listing.getStatus());
        assertTrue(listing.getContentAsString().contains("file.txt"));
        ContentResponse nestedRedirect = get("/listing/sub");
        assertEquals(302, nestedRedirect.getStatus());
        assertTrue(nestedRedirect.getHeaders().get(HttpHeader.LOCATION).endsWith("/listing/sub/"));
    }

    @Test
    void defaultFileIsTheSpaFallback() throws Exception {
        assertTrue(get("/spa/some/client/route").getContentAsString().contains("spa shell"));
        assertEquals(200, get("/spa/some/client/route").getStatus());
        assertEquals("console.log(1)", get("/spa/app.js").getContentAsString());
        assertEquals(404, get("/nested/some/client/route").getStatus(), "no default_file: 404");
    }

    @Test
    void nothingOutsideTheDirectoryIsEverServed() throws Exception {
        for (String path : List.of("/../secret.txt", "/%2e%2e/secret.txt", "/sub/%2e%2e/%2e%2e/secret.txt",
                "/..%2fsecret.txt", "/sub%2f..%2f..%2fsecret.txt", "/escape.txt", "/escapedir/secret.txt",
                "/nested/..%2f..%2fsecret.txt", "/listing/escapedir/", "/%252e%252e/secret.txt")) {
            Curl.Response r = Curl.run(dir.ca(), url(path));
            assertFalse(r.body().contains("TOP SECRET"), path + " served the secret");
            assertTrue(r.status() >= 400, path + " gave " + r.status());
        }
        String listing = get("/listing/").getContentAsString();
        assertFalse(listing.contains("escapedir"), "symlinks out of the root are not even listed? " + listing);
    }

    @Test
    void jsonRedirectAndNodeinfo() throws Exception {
        ContentResponse json = get("/conf");
        assertEquals("application/json", json.getMediaType());
        assertEquals("{\"a\":[1,2],\"b\":\"x\"}", json.getContentAsString());
        assertEquals("42", get("/nested/deeper/j").getContentAsString());

        assertEquals("/info", get("/go").getHeaders().get(HttpHeader.LOCATION));
        assertEquals(302, get("/go/any/thing").getStatus());
        assertEquals("https://example.com/landing", get("/away?q=1").getHeaders().get(HttpHeader.LOCATION));
        assertEquals("info", get("/rel").getHeaders().get(HttpHeader.LOCATION));

        String info = get("/info").getContentAsString();
        assertTrue(info.contains("realm1"), info);
        assertTrue(info.contains("web_tls: web on 127.0.0.1:" + tlsPort + " (TLS)"), info);
        assertTrue(info.contains("wamp-tls"), info);
        assertTrue(info.contains("<td id=\"sessions\">0</td>"), info);
    }

    @Test
    void plainHttpRedirectsToHttpsKeepingPathAndQueryAndSendsNoHsts() throws Exception {
        Curl.Response r = Curl.run(null, "http://127.0.0.1:" + plainPort + "/a/b?c=d&e");
        assertEquals(302, r.status());
        assertEquals("https://localhost:" + tlsPort + "/a/b?c=d&e", r.header("location"));
        assertNull(r.header("strict-transport-security"), "HSTS only over TLS");
        assertTrue(r.header("server").startsWith("Jetty("), "show_server_version: " + r.header("server"));
        assertEquals("max-age=600", get("/small.txt").getHeaders().get("Strict-Transport-Security"));
        assertEquals("max-age=600", get("/no-such").getHeaders().get("Strict-Transport-Security"));
    }

    @Test
    void http2ThroughAlpn() throws Exception {
        Curl.Response h2 = Curl.run(dir.ca(), "--http2", url("/small.txt"));
        assertEquals("2", h2.httpVersion());
        assertEquals(200, h2.status());
        assertEquals("max-age=600", h2.header("strict-transport-security"));
        Curl.Response h1 = Curl.run(dir.ca(), "--http1.1", url("/small.txt"));
        assertEquals("1.1", h1.httpVersion());
    }

    @Test
    void notFoundNamesNoServerAndNoServerHeader() throws Exception {
        Curl.Response r = Curl.run(dir.ca(), url("/nested/deeper/nothing"));
        assertEquals(404, r.status());
        assertNull(r.header("server"));
        assertFalse(r.body().toLowerCase().contains("jetty"), r.body());
    }

    @Test
    void malformedRequestGets400WithoutStackTrace() throws Exception {
        try (Socket socket = HttpsClients.socket(dir.ca(), tlsPort)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /x HTTP/1.1\r\nHost: a\r\nBad Header Line\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(response.startsWith("HTTP/1.1 400"), response);
            assertFalse(response.contains("at org."), response);
            assertFalse(response.toLowerCase().contains("jetty"), response);
        }
    }

    @Test
    void clientTimeoutClosesIdleConnections() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", plainPort)) {
            socket.setSoTimeout(10_000);
            long start = System.nanoTime();
            assertEquals(-1, socket.getInputStream().read(), "closed by the server");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 900 && millis < 8000, "client_timeout 1 s, closed after " + millis + " ms");
        }
    }

    @Test
    void accessLogInCombinedFormatForTheTransportThatAsks() throws Exception {
        https.newRequest(url("/small.txt?al=1")).headers(h -> h.put(HttpHeader.REFERER, "https://ref.example/")
                .put(HttpHeader.USER_AGENT, "access-log-test")).send();
        Curl.run(null, "http://127.0.0.1:" + plainPort + "/not-logged");
        Thread.sleep(200);
        String line = accessLines.stream().filter(l -> l.contains("/small.txt?al=1")).findFirst().orElseThrow();
        assertTrue(line.matches("^127\\.0\\.0\\.1 - - \\[[^]]+] \"GET /small.txt\\?al=1 HTTP/1.1\" 200 1000 "
                + "\"https://ref.example/\" \"access-log-test\"$"), line);
        assertTrue(accessLines.stream().noneMatch(l -> l.contains("/not-logged")));
    }
}
