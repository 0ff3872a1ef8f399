package io.wamptls.router;

import java.util.List;

/**
 * A realm as the router needs it.
 *
 * @param strictUris true for Crossbar's {@code uri_check: strict}, false for loose (Crossbar's default)
 * @param metaApi    serve the WAMP meta API (procedures and events) on this realm
 */
public record RealmSettings(String name, List<Role> roles, boolean strictUris, boolean metaApi) {
    public RealmSettings {
        roles = List.copyOf(roles);
    }
}
