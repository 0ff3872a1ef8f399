package io.wamptls.router.auth;

import io.wamptls.wamp.WampUris;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tls} (static): the client certificate the TLS layer verified is looked up by its SHA-1 fingerprint
 * (uppercase hex with colons, as {@code peer_cert.sha1}); the granted authid is the principal's config key.
 * No CHALLENGE.
 */
public final class TlsAuthenticator implements Authenticator {

    public record Principal(String certificateSha1, String role) {
    }

    private record Grant(String authid, String role) {
    }

    private final Map<String, Grant> byFingerprint = new HashMap<>();

    /** @param principals authid to fingerprint and role */
    public TlsAuthenticator(Map<String, Principal> principals) {
        principals.forEach((authid, p) ->
                byFingerprint.put(p.certificateSha1().toUpperCase(Locale.ROOT), new Grant(authid, p.role())));
    }

    @Override
    public String method() {
        return "tls";
    }

    @Override
    public AuthOutcome hello(AuthRequest request) {
        Map<String, Object> peerCert = request.transport().peerCert();
        if (peerCert == null || !(peerCert.get("sha1") instanceof String sha1)) {
            return new AuthOutcome.Deny(WampUris.NOT_AUTHORIZED, "client did not send a TLS client certificate");
        }
        Grant grant = byFingerprint.get(sha1);
        if (grant == null) {
            return Denials.noPrincipal(sha1);
        }
        return new AuthOutcome.Accept(new Identity(grant.authid(), grant.role(), "tls", "static", Map.of()));
    }
}
