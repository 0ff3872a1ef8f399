package io.wamptls.router;

import io.wamptls.router.auth.Identity;
import io.wamptls.wamp.Message;

import java.util.LinkedHashMap;
import java.util.Map;

/** A session connected to this router through a {@link Peer}. */
final class LocalSession implements SessionRef {
    private final long id;
    private final String realm;
    private final Identity identity;
    private final Map<String, Object> clientRoles;
    private final TransportInfo transport;
    private final Peer peer;
    private final Killable owner;

    /** The connection's handler, told when the router ends the session. */
    interface Killable {
        void killedByRouter(String reason, String message);
    }

    LocalSession(long id, String realm, Identity identity, Map<String, Object> clientRoles,
                 TransportInfo transport, Peer peer, Killable owner) {
        this.id = id;
        this.realm = realm;
        this.identity = identity;
        this.clientRoles = clientRoles;
        this.transport = transport;
        this.peer = peer;
        this.owner = owner;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String authid() {
        return identity.authid();
    }

    @Override
    public String authrole() {
        return identity.authrole();
    }

    @Override
    public boolean supports(String role, String feature) {
        return clientRoles.get(role) instanceof Map<?, ?> roleDetails
                && roleDetails.get("features") instanceof Map<?, ?> features
                && Boolean.TRUE.equals(features.get(feature));
    }

    @Override
    public void send(Message message) {
        peer.send(message);
    }

    @Override
    public void kill(String reason, String message) {
        owner.killedByRouter(reason, message);
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("session", id);
        details.put("realm", realm);
        details.put("authid", identity.authid());
        details.put("authrole", identity.authrole());
        details.put("authmethod", identity.authmethod());
        details.put("authprovider", identity.authprovider());
        details.put("authextra", identity.authextra());
        details.put("serializer", transport.serializer());
        details.put("transport", transport.details());
        return details;
    }
}
