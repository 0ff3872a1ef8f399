package io.wamptls.router;

import io.wamptls.router.match.MatchPolicy;
import io.wamptls.router.match.UriPattern;

/** One permission of a role, as in Crossbar's static role config: a URI pattern and what it allows. */
public record Permission(String uri, MatchPolicy match, boolean call, boolean register, boolean publish,
                         boolean subscribe, boolean discloseCaller, boolean disclosePublisher) {

    public UriPattern pattern() {
        return new UriPattern(uri, match);
    }

    /** Allows every action on every URI below {@code prefix} ("" for all), without disclosure. */
    public static Permission allowAll(String prefix) {
        return new Permission(prefix, MatchPolicy.PREFIX, true, true, true, true, false, false);
    }
}
