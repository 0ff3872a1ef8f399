package io.wamptls.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wamptls.router.auth.AnonymousAuthenticator;
import io.wamptls.router.auth.AuthOutcome;
import io.wamptls.router.auth.AuthPolicy;
import io.wamptls.router.auth.AuthRequest;
import io.wamptls.router.auth.Authenticator;
import io.wamptls.router.auth.TicketAuthenticator;
import io.wamptls.router.auth.TlsAuthenticator;
import io.wamptls.router.auth.WampCra;
import io.wamptls.router.auth.WampCraAuthenticator;
import io.wamptls.wamp.Message;
import io.wamptls.wamp.WampUris;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The static authenticators (ticket, wampcra, tls, anonymous) and method selection, through in-process peers. */
class AuthenticationTest {
    private static final String SHA1_ALICE = "B6:E5:E6:F2:2A:86:DB:3C:DC:9F:51:42:58:39:9B:14:92:5D:A1:EB";
    private static final String SHA1_OTHER = "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33";

    private final Router router = Realms.router(new RealmSettings("realm1", List.of(
            new Role("anonymous", List.of(Permission.allowAll(""))),
            new Role("user", List.of(Permission.allowAll(""))),
            new Role("backend", List.of(Permission.allowAll("")))), false, true));

    private final AuthPolicy auth = AuthPolicy.of(List.of(
            new AnonymousAuthenticator("anonymous"),
            new TicketAuthenticator(Map.of(
                    "joe", new TicketAuthenticator.Principal("secret!!!", "user"),
                    "ghost", new TicketAuthenticator.Principal("boo", "nosuchrole"))),
            new WampCraAuthenticator(Map.of(
                    "peter", WampCraAuthenticator.User.plain("secret1", "user"),
                    "joe", new WampCraAuthenticator.User("secret2", "backend", "salt123", 100, 16))),
            new TlsAuthenticator(Map.of("client_0", new TlsAuthenticator.Principal(SHA1_ALICE.toLowerCase(), "backend")))));

    /** A connection with the given client certificate fingerprint (null: none) that sent HELLO. */
    private final class Connection {
        final RecordingPeer peer = new RecordingPeer();
        final RouterSession session;

        Connection(String certificateSha1, AuthPolicy policy, Map<String, Object> hello) {
            Map<String, Object> peerCert = certificateSha1 == null ? null
                    : Map.of("sha1", certificateSha1, "subject", Map.of("cn", "client"));
            session = router.attach(peer, new TransportInfo("tcp4:127.0.0.1:50001", true, "wamp.2.json", peerCert,
                    Map.of("http_path", "/ws")), policy);
            Map<String, Object> details = new LinkedHashMap<>(hello);
            details.put("roles", TestClient.ALL_ROLES);
            session.receive(new Message.Hello("realm1", details));
        }

        <T extends Message> T expect(Class<T> type) {
            Message message = peer.next();
            assertTrue(type.isInstance(message), () -> "expected " + type.getSimpleName() + ", got " + message);
            return type.cast(message);
        }

        Message.Abort expectAbort(String reason) {
            Message.Abort abort = expect(Message.Abort.class);
            assertEquals(reason, abort.reason(), abort::toString);
            assertTrue(peer.closed(), "transport closed after ABORT");
            return abort;
        }

        void authenticate(String signature) {
            session.receive(new Message.Authenticate(signature, Map.of()));
        }
    }

    private Connection hello(String... authmethodsThenAuthid) {
        List<String> methods = List.of(authmethodsThenAuthid[0].split(","));
        Map<String, Object> details = new LinkedHashMap<>(Map.of("authmethods", methods));
        if (authmethodsThenAuthid.length > 1) {
            details.put("authid", authmethodsThenAuthid[1]);
        }
        return new Connection(null, auth, details);
    }

    private static void assertIdentity(Message.Welcome welcome, String authid, String authrole, String authmethod) {
        assertEquals(authid, welcome.details().get("authid"));
        assertEquals(authrole, welcome.details().get("authrole"));
        assertEquals(authmethod, welcome.details().get("authmethod"));
        assertEquals("static", welcome.details().get("authprovider"));
        assertEquals(Map.of(), welcome.details().get("authextra"));
    }

    @Test
    void ticketRightWrongAndUnknown() {
        Connection right = hello("ticket", "joe");
        Message.Challenge challenge = right.expect(Message.Challenge.class);
        assertEquals("ticket", challenge.authMethod());
        assertEquals(Map.of(), challenge.extra());
        right.authenticate("secret!!!");
        assertIdentity(right.expect(Message.Welcome.class), "joe", "user", "ticket");

        Connection wrong = hello("ticket", "joe");
        wrong.expect(Message.Challenge.class);
        wrong.authenticate("secret!!");
        assertEquals("ticket in static WAMP-Ticket authentication is invalid",
                wrong.expectAbort(WampUris.NOT_AUTHORIZED).details().get("message"));

        assertEquals("no principal with authid \"mallory\" exists",
                hello("ticket", "mallory").expectAbort(WampUris.NOT_AUTHORIZED).details().get("message"));
        hello("ticket").expectAbort(WampUris.NOT_AUTHORIZED);
    }

    @Test
    void wampCraPlainChallengeIsCrossbarsAndSignatureChecked() throws Exception {
        Connection right = hello("wampcra", "peter");
        Message.Challenge challenge = right.expect(Message.Challenge.class);
        assertEquals("wampcra", challenge.authMethod());
        assertEquals(List.of("challenge"), List.copyOf(challenge.extra().keySet()), "no salt for a plain secret");
        String text = (String) challenge.extra().get("challenge");
        assertTrue(text.startsWith("{\"authid\": \"peter\", \"authrole\": \"user\", \"authmethod\": \"wampcra\", "
                + "\"authprovider\": \"static\", \"session\": "), text);
        JsonNode fields = new ObjectMapper().readTree(text);
        assertTrue(fields.get("nonce").asText().matches("[A-Za-z0-9+/]{64}"), text);
        assertTrue(fields.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), text);

        right.authenticate(WampCra.sign("secret1", text));
        Message.Welcome welcome = right.expect(Message.Welcome.class);
        assertIdentity(welcome, "peter", "user", "wampcra");
        assertEquals(fields.get("session").asLong(), welcome.session(), "the challenge names the session id to come");

        Connection wrong = hello("wampcra", "peter");
        String other = (String) wrong.expect(Message.Challenge.class).extra().get("challenge");
        wrong.authenticate(WampCra.sign("secret2", other));
        assertEquals("WAMP-CRA client signature is invalid",
                wrong.expectAbort(WampUris.NOT_AUTHORIZED).details().get("message"));

        hello("wampcra", "nobody").expectAbort(WampUris.NOT_AUTHORIZED);
    }

    @Test
    void wampCraSaltedSecretIsDerivedWithPbkdf2() {
        // Python: base64(hashlib.pbkdf2_hmac('sha256', b'secret2', b'salt123', 100, 16))
        assertEquals("LG5/FwnS5WvgmlEyLPk/pQ==", WampCra.deriveKey("secret2", "salt123", 100, 16));
        // Python: base64(hmac.new(<that key as ASCII>, b'{"x": 1}', sha256).digest())
        assertEquals("qwsOwiQ1A88aVZovkcF+ajKkvBjF//ko4CSb1LCfAWc=", WampCra.sign("LG5/FwnS5WvgmlEyLPk/pQ==", "{\"x\": 1}"));

        Connection client = hello("wampcra", "joe");
        Message.Challenge challenge = client.expect(Message.Challenge.class);
        assertEquals("salt123", challenge.extra().get("salt"));
        assertEquals(100, challenge.extra().get("iterations"));
        assertEquals(16, challenge.extra().get("keylen"));
        client.authenticate(WampCra.sign(WampCra.deriveKey("secret2", "salt123", 100, 16),
                (String) challenge.extra().get("challenge")));
        assertIdentity(client.expect(Message.Welcome.class), "joe", "backend", "wampcra");

        Connection unsalted = hello("wampcra", "joe");
        unsalted.authenticate(WampCra.sign("secret2", (String) unsalted.expect(Message.Challenge.class).extra().get("challenge")));
        unsalted.expectAbort(WampUris.NOT_AUTHORIZED);
    }

    @Test
    void tlsMatchesTheCertificateFingerprintWithoutChallenge() {
        Connection known = new Connection(SHA1_ALICE, auth, Map.of("authmethods", List.of("tls"), "authid", "ignored"));
        assertIdentity(known.expect(Message.Welcome.class), "client_0", "backend", "tls");

        Connection unknown = new Connection(SHA1_OTHER, auth, Map.of("authmethods", List.of("tls")));
        assertEquals("no principal with authid \"" + SHA1_OTHER + "\" exists",
                unknown.expectAbort(WampUris.NOT_AUTHORIZED).details().get("message"));

        Connection none = new Connection(null, auth, Map.of("authmethods", List.of("tls")));
        assertEquals("client did not send a TLS client certificate",
                none.expectAbort(WampUris.NOT_AUTHORIZED).details().get("message"));
    }

    @Test
    void methodSelectionFollowsTheClientsOrder() {
        hello("cryptosign,tls,ticket", "joe").expectAbort(WampUris.NOT_AUTHORIZED); // tls first: no certificate
        hello("cryptosign,ticket,tls", "joe").expect(Message.Challenge.class);
        assertEquals("anonymous", new Connection(null, auth, Map.of()).expect(Message.Welcome.class)
                .details().get("authmethod"), "no authmethods means anonymous");
        hello("cryptosign,scram", "joe").expectAbort(WampUris.NO_AUTH_METHOD);
        assertEquals("invalid authmethod \"password\"",
                hello("password,ticket", "joe").expectAbort(WampUris.NOT_AUTHORIZED).details().get("message"));

        AuthPolicy noAuthDict = AuthPolicy.anonymous("anonymous");
        new Connection(null, noAuthDict, Map.of("authmethods", List.of("password", "anonymous"))).expect(Message.Welcome.class);
        new Connection(null, noAuthDict, Map.of("authmethods", List.of("ticket"), "authid", "joe"))
                .expectAbort(WampUris.NO_AUTH_METHOD);
    }

    @Test
    void grantedRoleMustExistInTheRealm() {
        Connection ghost = hello("ticket", "ghost");
        ghost.expect(Message.Challenge.class);
        ghost.authenticate("boo");
        assertEquals("realm \"realm1\" has no role \"nosuchrole\"",
                ghost.expectAbort(WampUris.NO_SUCH_ROLE).details().get("message"));
        assertEquals(0, router.sessionCount());
    }

    @Test
    void failingAuthenticatorEndsWithAuthenticationFailed() {
        Authenticator broken = new Authenticator() {
            public String method() {
                return "ticket";
            }

            public AuthOutcome hello(AuthRequest request) {
                throw new IllegalStateException("user database unreachable");
            }
        };
        new Connection(null, AuthPolicy.of(List.of(broken)), Map.of("authmethods", List.of("ticket"), "authid", "joe"))
                .expectAbort("wamp.error.authentication_failed");
    }

    @Test
    void anonymousWithConfiguredAuthidEchoesAuthextra() {
        Connection client = new Connection(null, AuthPolicy.of(List.of(new AnonymousAuthenticator("user", "guest"))),
                Map.of("authextra", Map.of("k", "v")));
        Message.Welcome welcome = client.expect(Message.Welcome.class);
        assertEquals("guest", welcome.details().get("authid"));
        assertEquals("user", welcome.details().get("authrole"));
        assertEquals(Map.of("k", "v"), welcome.details().get("authextra"));
    }

    @Test
    void sessionGetDescribesIdentityAndTransport() {
        Connection tls = new Connection(SHA1_ALICE, auth, Map.of("authmethods", List.of("tls")));
        long id = tls.expect(Message.Welcome.class).session();
        TestClient observer = TestClient.joined(router, "realm1");
        observer.send(new Message.Call(observer.request(), Map.of(), "wamp.session.get", List.of(id), Map.of()));
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) observer.expect(Message.Result.class).args().get(0);
        assertEquals("client_0", details.get("authid"));
        assertEquals("tls", details.get("authmethod"));
        assertEquals("static", details.get("authprovider"));
        assertEquals("json", details.get("serializer"));
        @SuppressWarnings("unchecked")
        Map<String, Object> transport = (Map<String, Object>) details.get("transport");
        assertEquals("tls", transport.get("channel_type"));
        assertEquals("websocket", transport.get("channel_framing"));
        assertEquals("tcp4:127.0.0.1:50001", transport.get("peer"));
        assertEquals(true, transport.get("is_secure"));
        assertEquals(true, transport.get("is_server"));
        assertEquals("wamp.2.json", transport.get("websocket_protocol"));
        assertEquals("/ws", transport.get("http_path"));
        assertEquals(SHA1_ALICE, ((Map<?, ?>) transport.get("peer_cert")).get("sha1"));
        assertTrue(transport.containsKey("channel_serializer"));
        assertNull(transport.get("channel_serializer"));
    }
}
