package io.wamptls.router.auth;

import io.wamptls.router.TransportInfo;

import java.util.Map;

/**
 * What an authenticator sees of a HELLO.
 *
 * @param sessionId the id the WELCOME will carry (WAMP-CRA puts it into its challenge)
 * @param authid    HELLO.Details.authid, or null
 * @param authrole  HELLO.Details.authrole, or null
 * @param authextra HELLO.Details.authextra, or null
 */
public record AuthRequest(String realm, long sessionId, String authid, String authrole,
                          Map<String, Object> authextra, TransportInfo transport) {
}
