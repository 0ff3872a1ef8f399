package io.wamptls.router.match;

import java.util.Locale;

/** How a subscription, registration or permission URI matches concrete URIs (WAMP {@code Options.match}). */
public enum MatchPolicy {
    /** The identical string. */
    EXACT,
    /** Any URI starting with the pattern string (plain string prefix, not component-wise). */
    PREFIX,
    /** Same number of components; every non-empty pattern component equal. */
    WILDCARD;

    /** The name on the wire: {@code exact}, {@code prefix}, {@code wildcard}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy for a wire name, or null when the name is none of them. */
    public static MatchPolicy fromWireName(String name) {
        for (MatchPolicy policy : values()) {
            if (policy.wireName().equals(name)) {
                return policy;
            }
        }
        return null;
    }
}
