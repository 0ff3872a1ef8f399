package io.wamptls.router.match;

import java.util.Objects;

/** A URI with its match policy: what a subscription, registration or permission is about. */
public record UriPattern(String uri, MatchPolicy match) {

    public UriPattern {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(match, "match");
    }

    public static UriPattern exact(String uri) {
        return new UriPattern(uri, MatchPolicy.EXACT);
    }

    public boolean matches(String candidate) {
        return switch (match) {
            case EXACT -> uri.equals(candidate);
            case PREFIX -> candidate.startsWith(uri);
            case WILDCARD -> wildcardMatches(candidate);
        };
    }

    private boolean wildcardMatches(String candidate) {
        String[] pattern = components(uri);
        String[] actual = components(candidate);
        if (pattern.length != actual.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].isEmpty() && !pattern[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    static String[] components(String uri) {
        return uri.split("\\.", -1);
    }
}
