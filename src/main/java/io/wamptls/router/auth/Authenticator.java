package io.wamptls.router.auth;

/**
 * One authentication method (anonymous, ticket, wampcra, tls, ...). Stateless: per-session state of a
 * challenge lives in the {@link AuthOutcome.Challenge#next()} continuation it returns.
 */
public interface Authenticator {

    /** The method name clients offer in HELLO.Details.authmethods. */
    String method();

    /** First step, on HELLO. */
    AuthOutcome hello(AuthRequest request);
}
