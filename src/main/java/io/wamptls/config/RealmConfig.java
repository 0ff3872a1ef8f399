package io.wamptls.config;

import java.util.List;

/**
 * A realm.
 *
 * @param uriCheck       {@code loose} (default) or {@code strict}
 * @param enableMetaApi  realm option {@code enable_meta_api} (default true)
 */
public record RealmConfig(String jsonPath, String name, List<RoleConfig> roles, String uriCheck, boolean enableMetaApi) {
    public RealmConfig {
        roles = List.copyOf(roles);
    }
}
