package io.wamptls.node;

import io.wamptls.config.AuthConfig;
import io.wamptls.router.auth.AuthOutcome;
import io.wamptls.router.auth.AuthPolicy;
import io.wamptls.router.auth.AuthRequest;
import io.wamptls.router.auth.Identity;
import io.wamptls.router.TransportInfo;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An endpoint's {@code auth} dict becomes one authenticator per method. */
class RouterSettingsAuthTest {
    private static final String SHA1 = "B6:E5:E6:F2:2A:86:DB:3C:DC:9F:51:42:58:39:9B:14:92:5D:A1:EB";

    @Test
    void noAuthDictMeansAnonymousOnlyWithRoleAnonymous() {
        AuthPolicy policy = RouterSettings.auth(AuthConfig.NONE);
        assertEquals(List.of("anonymous"), List.copyOf(policy.methods()));
        Identity identity = accept(policy, "anonymous", null);
        assertEquals("anonymous", identity.authrole());
        assertTrue(policy.select(List.of("ticket")).isEmpty());
    }

    @Test
    void everyStaticMethodIsMapped() {
        Map<String, AuthConfig.AuthMethodConfig> methods = new LinkedHashMap<>();
        methods.put("anonymous", new AuthConfig.Anonymous("auth.anonymous", "public", "guest"));
        methods.put("ticket", new AuthConfig.Ticket("auth.ticket",
                Map.of("joe", new AuthConfig.TicketPrincipal("t", "user"))));
        methods.put("wampcra", new AuthConfig.WampCra("auth.wampcra",
                Map.of("sally", new AuthConfig.CraUser("s", "backend", "salt", 10, 16))));
        methods.put("tls", new AuthConfig.Tls("auth.tls",
                Map.of("client_0", new AuthConfig.TlsPrincipal(SHA1, "backend"))));
        AuthPolicy policy = RouterSettings.auth(new AuthConfig(methods));

        assertEquals(List.of("anonymous", "ticket", "wampcra", "tls"), List.copyOf(policy.methods()));
        Identity anonymous = accept(policy, "anonymous", null);
        assertEquals("guest", anonymous.authid());
        assertEquals("public", anonymous.authrole());
        assertEquals("ticket", challenge(policy, "ticket", "joe").method());
        AuthOutcome.Challenge cra = challenge(policy, "wampcra", "sally");
        assertEquals("salt", cra.extra().get("salt"));
        assertEquals(10, cra.extra().get("iterations"));
        assertEquals(16, cra.extra().get("keylen"));
        Identity tls = accept(policy, "tls", SHA1);
        assertEquals("client_0", tls.authid());
        assertEquals("backend", tls.authrole());
    }

    private static AuthOutcome hello(AuthPolicy policy, String method, String authidOrSha1) {
        Map<String, Object> peerCert = "tls".equals(method) ? Map.of("sha1", authidOrSha1) : null;
        AuthRequest request = new AuthRequest("realm1", 1, authidOrSha1, null, null,
                new TransportInfo("tcp4:127.0.0.1:1", true, "wamp.2.json", peerCert, Map.of()));
        return policy.select(List.of(method)).orElseThrow().hello(request);
    }

    private static Identity accept(AuthPolicy policy, String method, String authidOrSha1) {
        return assertInstanceOf(AuthOutcome.Accept.class, hello(policy, method, authidOrSha1)).identity();
    }

    private static AuthOutcome.Challenge challenge(AuthPolicy policy, String method, String authid) {
        return assertInstanceOf(AuthOutcome.Challenge.class, hello(policy, method, authid));
    }
}
