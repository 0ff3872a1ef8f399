package io.wamptls.config;

import java.util.List;

public record RoleConfig(String jsonPath, String name, List<PermissionConfig> permissions) {
    public RoleConfig {
        permissions = List.copyOf(permissions);
    }
}
