package io.wamptls.router.auth;

/**
 * The answer to "may this role do that on this URI".
 *
 * @param disclose for PUBLISH: disclose the publisher; for CALL: disclose the caller (the permission's
 *                 {@code disclose} setting)
 */
public record Authorization(boolean allowed, boolean disclose) {
    public static final Authorization DENIED = new Authorization(false, false);
}
