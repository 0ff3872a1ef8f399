package io.wamptls.router.auth;

import io.wamptls.router.Permission;

import java.util.Locale;

/** What a session asks to do on a URI. */
public enum Action {
    CALL, REGISTER, PUBLISH, SUBSCRIBE;

    boolean grantedBy(Permission permission) {
        return switch (this) {
            case CALL -> permission.call();
            case REGISTER -> permission.register();
            case PUBLISH -> permission.publish();
            case SUBSCRIBE -> permission.subscribe();
        };
    }

    /** The lower-case verb, for messages. */
    public String verb() {
        return name().toLowerCase(Locale.ROOT);
    }
}
