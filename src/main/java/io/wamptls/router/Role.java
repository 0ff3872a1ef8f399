package io.wamptls.router;

import java.util.List;

public record Role(String name, List<Permission> permissions) {
    public Role {
        permissions = List.copyOf(permissions);
    }
}
