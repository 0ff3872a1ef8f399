/**
 * Authentication and authorization. An {@link io.wamptls.router.auth.AuthPolicy} (per transport) picks an
 * {@link io.wamptls.router.auth.Authenticator} from the client's authmethods; an authenticator accepts, denies,
 * or challenges with a continuation (so ticket, WAMP-CRA and TLS plug in without touching the session code).
 * Static anonymous, ticket, wampcra and tls are implemented. {@link io.wamptls.router.auth.RoleAuthorizer} evaluates static role
 * permissions per action.
 */
package io.wamptls.router.auth;
