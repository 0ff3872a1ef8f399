package io.wamptls.router;

import io.wamptls.wamp.ProtocolViolation;

import java.util.List;

/**
 * Subscriber black- and whitelisting of one PUBLISH: a receiver must be in every present {@code eligible*}
 * list and in no present {@code exclude*} list. A present but empty eligible list admits nobody (spec).
 */
record ReceiverFilter(List<Long> exclude, List<String> excludeAuthid, List<String> excludeAuthrole,
                      List<Long> eligible, List<String> eligibleAuthid, List<String> eligibleAuthrole) {

    static ReceiverFilter from(Options options) throws ProtocolViolation {
        return new ReceiverFilter(options.ids("exclude"), options.strings("exclude_authid"),
                options.strings("exclude_authrole"), options.ids("eligible"), options.strings("eligible_authid"),
                options.strings("eligible_authrole"));
    }

    boolean accepts(SessionRef session) {
        return !contains(exclude, session.id())
                && !contains(excludeAuthid, session.authid())
                && !contains(excludeAuthrole, session.authrole())
                && (eligible == null || eligible.contains(session.id()))
                && (eligibleAuthid == null || eligibleAuthid.contains(session.authid()))
                && (eligibleAuthrole == null || eligibleAuthrole.contains(session.authrole()));
    }

    private static <T> boolean contains(List<T> list, T value) {
        return list != null && list.contains(value);
    }
}
