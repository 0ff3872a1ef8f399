package io.wamptls.router;

import java.util.Map;

/**
 * What the transport knows about the connection, for authenticators and the session meta API.
 *
 * @param peer        the remote address, e.g. {@code tcp4:127.0.0.1:51000}
 * @param secure      true for TLS
 * @param subprotocol the negotiated WebSocket subprotocol, e.g. {@code wamp.2.json}
 * @param peerCert    the verified client certificate as Crossbar describes it ({@code sha1}, {@code subject}, ...),
 *                    or null when the client sent none
 * @param extra       anything else the transport wants to expose (may be empty)
 */
public record TransportInfo(String peer, boolean secure, String subprotocol, Map<String, Object> peerCert,
                            Map<String, Object> extra) {

    public TransportInfo {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }
}
