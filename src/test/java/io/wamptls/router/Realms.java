package io.wamptls.router;

import io.wamptls.router.match.MatchPolicy;

import java.util.List;

/** Realm configurations used by the router tests. */
final class Realms {
    private Realms() {
    }

    /** realm1: role anonymous may do everything (Crossbar's example config), loose URIs, meta API on. */
    static RealmSettings open() {
        return new RealmSettings("realm1", List.of(new Role("anonymous", List.of(Permission.allowAll("")))), false, true);
    }

    /** realm1 where anonymous may only use com.example.public.*, strict URIs. */
    static RealmSettings restricted() {
        return new RealmSettings("realm1", List.of(new Role("anonymous", List.of(
                new Permission("com.example.public.", MatchPolicy.PREFIX, true, true, true, true, false, false)))),
                true, false);
    }

    static Router router(RealmSettings... realms) {
        return new Router(List.of(realms));
    }
}
