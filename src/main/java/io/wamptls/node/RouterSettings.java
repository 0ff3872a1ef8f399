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
import io.wamptls.router.auth.AnonymousAuthenticator;
import io.wamptls.router.auth.AuthPolicy;
import io.wamptls.router.auth.Authenticator;
import io.wamptls.router.auth.TicketAuthenticator;
import io.wamptls.router.auth.TlsAuthenticator;
import io.wamptls.router.auth.WampCraAuthenticator;
import io.wamptls.router.match.MatchPolicy;
import io.wamptls.wamp.codec.Serializer;
import io.wamptls.wamp.codec.Serializers;
import io.wamptls.websocket.WampEndpointSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Translates the node configuration into the router's own settings, which know nothing of the config file. Public for
 * the WAR, which builds its router from the same configuration.
 */
public final class RouterSettings {

    private RouterSettings() {
    }

    public static List<RealmSettings> realms(List<RealmConfig> realms) {
        return realms.stream().map(RouterSettings::realm).toList();
    }

    public static WampEndpointSettings endpoint(Router router, WampEndpointConfig config) {
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

    /** The endpoint's {@code auth} dict as authenticators; without one, anonymous only with role anonymous. */
    static AuthPolicy auth(AuthConfig auth) {
        if (auth.methods().isEmpty()) {
            return AuthPolicy.anonymous("anonymous");
        }
        return AuthPolicy.of(auth.methods().values().stream().map(RouterSettings::authenticator).toList());
    }

    private static Authenticator authenticator(AuthConfig.AuthMethodConfig method) {
        if (method instanceof AuthConfig.Anonymous a) {
            return new AnonymousAuthenticator(a.role() == null ? "anonymous" : a.role(), a.authid());
        } else if (method instanceof AuthConfig.Ticket t) {
            return new TicketAuthenticator(mapValues(t.principals(),
                    p -> new TicketAuthenticator.Principal(p.ticket(), p.role())));
        } else if (method instanceof AuthConfig.WampCra c) {
            return new WampCraAuthenticator(mapValues(c.users(),
                    u -> new WampCraAuthenticator.User(u.secret(), u.role(), u.salt(), u.iterations(), u.keylen())));
        } else if (method instanceof AuthConfig.Tls t) {
            return new TlsAuthenticator(mapValues(t.principals(),
                    p -> new TlsAuthenticator.Principal(p.certificateSha1(), p.role())));
        }
        throw new IllegalArgumentException("unknown auth method config " + method);
    }

    private static <A, B> Map<String, B> mapValues(Map<String, A> map, Function<A, B> convert) {
        Map<String, B> result = new LinkedHashMap<>();
        map.forEach((key, value) -> result.put(key, convert.apply(value)));
        return result;
    }

    private static List<Serializer> serializers(List<String> names) {
        List<String> wanted = names.isEmpty() ? List.of("cbor", "msgpack", "json") : names;
        return wanted.stream().map(name -> Serializers.named(name).orElseThrow()).toList();
    }
}
