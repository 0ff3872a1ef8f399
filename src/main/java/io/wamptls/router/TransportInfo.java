package io.wamptls.router;

import java.util.LinkedHashMap;
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

    /**
     * The transport as Crossbar's {@code TransportDetails} marshals it (crossbar-reference §3.6), for the session
     * meta API; {@link #extra} entries come first and may add e.g. {@code http_path}. Not known here, so left out:
     * {@code channel_id} (tls-unique), handshake headers and process details.
     */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>(extra);
        details.put("channel_type", secure ? "tls" : "tcp");
        details.put("channel_framing", "websocket");
        details.put("channel_serializer", null);
        details.put("peer", peer);
        details.put("is_server", true);
        details.put("is_secure", secure);
        details.put("peer_cert", peerCert);
        details.put("websocket_protocol", subprotocol);
        return details;
    }

    /** The serializer as Crossbar names it ({@code json}, {@code cbor.batched}), from the subprotocol; or null. */
    public String serializer() {
        if (subprotocol == null || !subprotocol.startsWith("wamp.2.")) {
            return null;
        }
        return subprotocol.substring("wamp.2.".length());
    }
}
