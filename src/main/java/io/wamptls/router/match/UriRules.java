package io.wamptls.router.match;

import java.util.regex.Pattern;

/**
 * URI validity (wamp-notes §3): loose (no empty component, no '.', '#' or whitespace inside one) or strict
 * (components of [0-9a-z_] only). Empty components are allowed only in patterns: anywhere for wildcard, as the
 * last component for prefix.
 */
public final class UriRules {
    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;

    private static final Pattern LOOSE = Pattern.compile("^([^\\s.#]+\\.)*([^\\s.#]+)$", FLAGS);
    private static final Pattern LOOSE_WILDCARD = Pattern.compile("^(([^\\s.#]+\\.)|\\.)*([^\\s.#]+)?$", FLAGS);
    private static final Pattern LOOSE_PREFIX = Pattern.compile("^([^\\s.#]+\\.)*([^\\s.#]*)$", FLAGS);

    private static final Pattern STRICT = Pattern.compile("^([0-9a-z_]+\\.)*([0-9a-z_]+)$");
    private static final Pattern STRICT_WILDCARD = Pattern.compile("^(([0-9a-z_]+\\.)|\\.)*([0-9a-z_]+)?$");
    private static final Pattern STRICT_PREFIX = Pattern.compile("^([0-9a-z_]+\\.)*([0-9a-z_]*)$");

    private UriRules() {
    }

    /** A concrete URI as used in PUBLISH, CALL and error URIs. */
    public static boolean isValid(String uri, boolean strict) {
        return strict ? STRICT.matcher(uri).matches() : isLooseUri(uri);
    }

    /** {@link #LOOSE} without the regex: this runs on every PUBLISH and CALL. */
    private static boolean isLooseUri(String uri) {
        boolean componentEmpty = true;
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '.') {
                if (componentEmpty) {
                    return false;
                }
                componentEmpty = true;
            } else if (c == '#' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return false;
            } else {
                componentEmpty = false;
            }
        }
        return !componentEmpty;
    }

    /** A URI used with a match policy in SUBSCRIBE or REGISTER. */
    public static boolean isValidPattern(String uri, MatchPolicy match, boolean strict) {
        Pattern rule = switch (match) {
            case EXACT -> strict ? STRICT : LOOSE;
            case PREFIX -> strict ? STRICT_PREFIX : LOOSE_PREFIX;
            case WILDCARD -> strict ? STRICT_WILDCARD : LOOSE_WILDCARD;
        };
        return rule.matcher(uri).matches();
    }
}
