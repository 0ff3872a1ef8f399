/**
 * The WAMP router, shaped like nexus: {@link io.wamptls.router.Router} (realms, attach, shutdown) →
 * {@code SessionHandler} (one connection's lifecycle: HELLO, authentication, WELCOME, GOODBYE/ABORT, protocol
 * violations) → {@code Realm} (joined sessions, one lock for all its state) → {@code Broker} (pub/sub) and
 * {@code Dealer} (RPC), one method per WAMP message, plus {@code MetaApi}.
 *
 * <p>Seams: a transport implements {@link io.wamptls.router.Peer} and feeds the
 * {@link io.wamptls.router.RouterSession} that {@code attach} returns; broker and dealer reach other sessions
 * only through {@link io.wamptls.router.SessionRef} and {@link io.wamptls.router.SessionDirectory}, which a
 * cluster backplane could implement for remote sessions.
 *
 * <p>Threading: transports call in from many threads (serially per connection). Lock order is session handler,
 * then realm; the realm lock is held while sending to peers, which is fine because {@code Peer.send} never blocks.
 * The only thread inside the core fires call timeouts.
 *
 * <p>This package and its subpackages must not import Jetty or Jakarta (a test checks).
 */
package io.wamptls.router;
