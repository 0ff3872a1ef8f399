package io.wamptls.router.auth;

import java.util.Map;

/** The identity an authenticator granted; it goes into WELCOME.Details. */
public record Identity(String authid, String authrole, String authmethod, String authprovider,
                       Map<String, Object> authextra) {
}
