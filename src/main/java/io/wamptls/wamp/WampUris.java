package io.wamptls.wamp;

/** Predefined error and close reason URIs (wamp-notes §4.4, §5). */
public final class WampUris {
    public static final String INVALID_URI = "wamp.error.invalid_uri";
    public static final String NO_SUCH_PROCEDURE = "wamp.error.no_such_procedure";
    public static final String PROCEDURE_ALREADY_EXISTS = "wamp.error.procedure_already_exists";
    public static final String PROCEDURE_EXISTS_WITH_DIFFERENT_INVOCATION_POLICY =
            "wamp.error.procedure_exists_with_different_invocation_policy";
    public static final String NO_SUCH_REGISTRATION = "wamp.error.no_such_registration";
    public static final String NO_SUCH_SUBSCRIPTION = "wamp.error.no_such_subscription";
    public static final String NO_SUCH_SESSION = "wamp.error.no_such_session";
    public static final String INVALID_ARGUMENT = "wamp.error.invalid_argument";
    public static final String CANCELED = "wamp.error.canceled";
    public static final String TIMEOUT = "wamp.error.timeout";
    public static final String NOT_AUTHORIZED = "wamp.error.not_authorized";
    public static final String AUTHORIZATION_FAILED = "wamp.error.authorization_failed";
    public static final String NO_SUCH_REALM = "wamp.error.no_such_realm";
    public static final String NO_SUCH_ROLE = "wamp.error.no_such_role";
    /** Crossbar's URI for "none of the offered authmethods is acceptable" (the spec's is no_matching_auth_method). */
    public static final String NO_AUTH_METHOD = "wamp.error.no_auth_method";
    public static final String PROTOCOL_VIOLATION = "wamp.error.protocol_violation";

    public static final String CLOSE_SYSTEM_SHUTDOWN = "wamp.close.system_shutdown";
    public static final String CLOSE_REALM = "wamp.close.close_realm";
    public static final String CLOSE_GOODBYE_AND_OUT = "wamp.close.goodbye_and_out";
    public static final String CLOSE_NORMAL = "wamp.close.normal";
    public static final String CLOSE_KILLED = "wamp.close.killed";

    private WampUris() {
    }
}
