package io.wamptls.node;

import io.wamptls.config.AuthConfig;
import io.wamptls.config.PermissionConfig;
import io.wamptls.config.RealmConfig;
import io.wamptls.config.RoleConfig;
import io.wamptls.config.WampEndpointConfig;
import io.wamptls.router.Permission;
import io.wamptls.router.RealmSettings;
import io.wamptls.router.Role;
import io.wamptls.router.Router;
import io.wamptls.router.auth.AuthPolicy;
import io.wamptls.router.match.MatchPolicy;
import io.wamptls.wamp.codec.Serializer;
import io.wamptls.wamp.codec.Serializers;
import io.wamptls.websocket.WampEndpointSettings;

import java.util.List;

/** Translates the node configuration into the router's own settings, which know nothing of the config file. */
final class RouterSettings {

    private RouterSettings() {
    }

    static List<RealmSettings> realms(List<RealmConfig> realms) {
        return realms.stream().map(RouterSettings::realm).toList();
    }

    static WampEndpointSettings endpoint(Router router, WampEndpointConfig config) {
        return new WampEndpointSettings(router, auth(config.auth()), serializers(config.serializers()),
                config.options(), WampEndpointSettings.configuredMaxQueuedMessages());
    }

    private static RealmSettings realm(RealmConfig realm) {
        return new RealmSettings(realm.name(), realm.roles().stream().map(RouterSettings::role).toList(),
                "strict".equals(realm.uriCheck()), realm.enableMetaApi());
    }

    private static Role role(RoleConfig role) {
        return new Role(role.name(), role.permissions().stream().map(RouterSettings::permission).toList());
    }

    private static Permission permission(PermissionConfig p) {
        return new Permission(p.uri(), MatchPolicy.valueOf(p.match().toUpperCase()), p.allowCall(),
                p.allowRegister(), p.allowPublish(), p.allowSubscribe(), p.discloseCaller(), p.disclosePublisher());
    }

    private static AuthPolicy auth(AuthConfig auth) {
        if (auth.methods().get("anonymous") instanceof AuthConfig.Anonymous anonymous) {
            return AuthPolicy.anonymous(anonymous.role() == null ? "anonymous" : anonymous.role());
        }
        return AuthPolicy.anonymous("anonymous");
    }

    private static List<Serializer> serializers(List<String> names) {
        List<String> wanted = names.isEmpty() ? List.of("cbor", "msgpack", "json") : names;
        return wanted.stream().map(name -> Serializers.named(name).orElseThrow()).toList();
    }
}
