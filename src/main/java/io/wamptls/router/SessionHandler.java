package io.wamptls.router;

import io.wamptls.router.auth.AuthOutcome;
import io.wamptls.router.auth.AuthPolicy;
import io.wamptls.router.auth.AuthRequest;
import io.wamptls.router.auth.Authenticator;
import io.wamptls.router.auth.Identity;
import io.wamptls.wamp.Message;
import io.wamptls.wamp.MessageLists;
import io.wamptls.wamp.ProtocolViolation;
import io.wamptls.wamp.WampUris;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One connection's session lifecycle (wamp-notes §4): HELLO → [CHALLENGE/AUTHENTICATE] → WELCOME → routing →
 * GOODBYE, or ABORT on refusal or protocol violation. Methods are synchronized: the transport calls serially,
 * but {@link Router#shutdown} and transport loss may come from other threads. Lock order: session, then realm.
 */
final class SessionHandler implements RouterSession, LocalSession.Killable {
    /** Reason for ABORTs caused by a bug in the router rather than by the client. */
    static final String INTERNAL_ERROR = "wamp.error.internal_error";
    /** Reason for ABORTs when an authenticator fails technically rather than refusing (spec). */
    static final String AUTHENTICATION_FAILED = "wamp.error.authentication_failed";

    /** How long a session the router said GOODBYE to gets to echo it before its transport is closed. */
    static final long GOODBYE_ECHO_TIMEOUT_MS = 5_000;

    private static final Set<String> CLIENT_ROLES = Set.of("publisher", "subscriber", "caller", "callee");

    private enum State { AWAITING_HELLO, CHALLENGING, ESTABLISHED, CLOSED }

    private final Router router;
    private final Peer peer;
    private final TransportInfo transport;
    private final AuthPolicy auth;

    private State state = State.AWAITING_HELLO;
    private Realm realm;
    private long sessionId;
    private Map<String, Object> clientRoles;
    private AuthOutcome.ChallengeResponse pendingChallenge;
    private LocalSession session;
    /** The router ended the session (meta API kill): no longer routed, waiting for the GOODBYE echo. */
    private volatile boolean goodbyeSent;

    SessionHandler(Router router, Peer peer, TransportInfo transport, AuthPolicy auth) {
        this.router = router;
        this.peer = peer;
        this.transport = transport;
        this.auth = auth;
    }

    @Override
    public synchronized void receive(Message message) {
        try {
            if (message == null) {
                throw new ProtocolViolation("null message");
            }
            dispatch(message);
        } catch (ProtocolViolation violation) {
            abort(WampUris.PROTOCOL_VIOLATION, violation.getMessage());
        } catch (RuntimeException bug) {
            abort(INTERNAL_ERROR, "internal router error while handling "
                    + (message == null ? "a message" : message.type()) + ": " + bug);
        }
    }

    @Override
    public synchronized void protocolViolation(String message) {
        abort(WampUris.PROTOCOL_VIOLATION, message);
    }

    @Override
    public synchronized void transportClosed() {
        if (state != State.CLOSED) {
            end(false);
        }
    }

    /**
     * The realm removed this session and wants it gone. Called under the realm lock, so it takes no session lock
     * (lock order); {@link #dispatch} sees the flag and only waits for the echo.
     */
    @Override
    public void killedByRouter(String reason, String message) {
        goodbyeSent = true;
        peer.send(new Message.Goodbye(message != null ? Map.of("message", message) : Map.of(), reason));
        router.schedule(GOODBYE_ECHO_TIMEOUT_MS, this::closeWithoutEcho);
    }

    private synchronized void closeWithoutEcho() {
        if (state != State.CLOSED) {
            end(true);
        }
    }

    /** Router shutdown: GOODBYE to an established session, ABORT to one still joining; then close. */
    synchronized void shutdown() {
        if (state == State.ESTABLISHED && goodbyeSent) {
            end(true);
        } else if (state == State.ESTABLISHED) {
            peer.send(new Message.Goodbye(Map.of("message", "router is shutting down"), WampUris.CLOSE_SYSTEM_SHUTDOWN));
            end(true);
        } else if (state != State.CLOSED) {
            abort(WampUris.CLOSE_SYSTEM_SHUTDOWN, "router is shutting down");
        }
    }

    private void dispatch(Message message) throws ProtocolViolation {
        if (state == State.CLOSED) {
            return; // the session is over; whatever still arrives is dropped
        }
        // Messages built in-process skip the decoder: validate them the same way (IDs, element types).
        MessageLists.fromList(message.toList());
        switch (state) {
            case AWAITING_HELLO -> {
                if (message instanceof Message.Hello hello) {
                    hello(hello);
                } else if (message instanceof Message.Abort) {
                    end(true);
                } else {
                    throw new ProtocolViolation(message.type() + " received before the session was established (expected HELLO)");
                }
            }
            case CHALLENGING -> {
                if (message instanceof Message.Authenticate authenticate) {
                    AuthOutcome.ChallengeResponse challenge = pendingChallenge;
                    continueAuthentication(guarded(() -> challenge.authenticate(authenticate.signature(), authenticate.extra())));
                } else if (message instanceof Message.Abort) {
                    end(true);
                } else {
                    throw new ProtocolViolation(message.type() + " received while authenticating (expected AUTHENTICATE)");
                }
            }
            case ESTABLISHED -> {
                if (goodbyeSent) {
                    if (message instanceof Message.Goodbye || message instanceof Message.Abort) {
                        end(true);
                    } // anything else is ignored until the echo (spec)
                } else if (message instanceof Message.Goodbye) {
                    peer.send(new Message.Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
                    end(true);
                } else if (message instanceof Message.Abort) {
                    end(true);
                } else if (message instanceof Message.Hello || message instanceof Message.Authenticate) {
                    throw new ProtocolViolation(message.type() + " received on an established session");
                } else {
                    realm.receive(session, message);
                }
            }
            case CLOSED -> {
            }
        }
    }

    private void hello(Message.Hello hello) throws ProtocolViolation {
        Options details = new Options(hello.type(), hello.details());
        clientRoles = clientRoles(hello.details());
        List<String> authmethods = details.strings("authmethods");
        String authid = details.string("authid", null);
        String authrole = details.string("authrole", null);
        Object authextra = hello.details().get("authextra");
        if (authextra != null && !(authextra instanceof Map)) {
            throw new ProtocolViolation("HELLO: details.authextra must be a dict, got " + MessageLists.typeName(authextra));
        }
        if (router.isShutDown()) {
            abort(WampUris.CLOSE_SYSTEM_SHUTDOWN, "router is shutting down");
            return;
        }
        realm = router.realm(hello.realm());
        if (realm == null) {
            abort(WampUris.NO_SUCH_REALM, "no realm \"" + hello.realm() + "\" exists on this router");
            return;
        }
        Optional<Authenticator> authenticator = auth.select(authmethods);
        if (authenticator.isEmpty()) {
            abort(WampUris.NO_AUTH_METHOD, "cannot authenticate using any of the offered authmethods "
                    + (authmethods != null ? authmethods : List.of("anonymous")));
            return;
        }
        sessionId = router.reserveSessionId();
        @SuppressWarnings("unchecked")
        AuthRequest request = new AuthRequest(hello.realm(), sessionId, authid, authrole,
                (Map<String, Object>) authextra, transport);
        continueAuthentication(guarded(() -> authenticator.get().hello(request)));
    }

    private static AuthOutcome guarded(Supplier<AuthOutcome> step) {
        try {
            AuthOutcome outcome = step.get();
            if (outcome == null) {
                throw new IllegalStateException("authenticator returned no outcome");
            }
            return outcome;
        } catch (RuntimeException failure) {
            return new AuthOutcome.Deny(AUTHENTICATION_FAILED, "authentication failed: " + failure.getMessage());
        }
    }

    private static Map<String, Object> clientRoles(Map<String, Object> details) throws ProtocolViolation {
        if (!(details.get("roles") instanceof Map<?, ?> roles) || roles.isEmpty()
                || !roles.keySet().stream().allMatch(CLIENT_ROLES::contains)) {
            throw new ProtocolViolation("HELLO: details.roles must be a dict naming at least one of "
                    + "publisher, subscriber, caller, callee, got " + details.get("roles"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) roles;
        return typed;
    }

    private void continueAuthentication(AuthOutcome outcome) {
        if (outcome instanceof AuthOutcome.Accept accept) {
            welcome(accept.identity());
        } else if (outcome instanceof AuthOutcome.Deny deny) {
            abort(deny.reason(), deny.message());
        } else if (outcome instanceof AuthOutcome.Challenge challenge) {
            pendingChallenge = challenge.next();
            state = State.CHALLENGING;
            peer.send(new Message.Challenge(challenge.method(), challenge.extra()));
        }
    }

    private void welcome(Identity identity) {
        if (!realm.hasRole(identity.authrole())) {
            abort(WampUris.NO_SUCH_ROLE, "realm \"" + realm.name() + "\" has no role \"" + identity.authrole() + "\"");
            return;
        }
        session = new LocalSession(sessionId, realm.name(), identity, clientRoles, transport, peer, this);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("realm", realm.name());
        details.put("authid", identity.authid());
        details.put("authrole", identity.authrole());
        details.put("authmethod", identity.authmethod());
        details.put("authprovider", identity.authprovider());
        details.put("authextra", identity.authextra() != null ? identity.authextra() : Map.of());
        details.put("roles", realm.routerRoles());
        details.put("agent", Router.AGENT);
        state = State.ESTABLISHED;
        pendingChallenge = null;
        peer.send(new Message.Welcome(sessionId, details));
        realm.join(session);
    }

    private void abort(String reason, String message) {
        if (state == State.CLOSED) {
            return;
        }
        try {
            peer.send(new Message.Abort(Map.of("message", message != null ? message : ""), reason));
        } catch (RuntimeException brokenPeer) {
            // the transport is failing anyway; still leave the realm and close it
        }
        end(true);
    }

    /** Leaves the realm (settling subscriptions, registrations and calls) and optionally closes the transport. */
    private void end(boolean closeTransport) {
        state = State.CLOSED;
        if (session != null) {
            realm.leave(session);
        }
        router.detached(this, sessionId);
        if (closeTransport) {
            peer.close();
        }
    }
}
