package io.wamptls.router;

import io.wamptls.router.match.UriPattern;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One (topic, match) and the sessions on it, by session id. One id shared by all its subscribers. */
final class Subscription {
    final long id;
    final UriPattern pattern;
    final Instant created = Instant.now();
    final Map<Long, SessionRef> subscribers = new LinkedHashMap<>();

    Subscription(long id, UriPattern pattern) {
        this.id = id;
        this.pattern = pattern;
    }
}
