package io.wamptls.router.auth;

import io.wamptls.wamp.WampUris;

/** Refusals several authenticators share, worded as Crossbar words them. */
final class Denials {
    private Denials() {
    }

    static AuthOutcome.Deny noPrincipal(String authid) {
        return new AuthOutcome.Deny(WampUris.NOT_AUTHORIZED, "no principal with authid \"" + authid + "\" exists");
    }
}
