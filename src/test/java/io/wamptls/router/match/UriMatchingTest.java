package io.wamptls.router.match;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UriMatchingTest {

    private static UriPattern prefix(String uri) {
        return new UriPattern(uri, MatchPolicy.PREFIX);
    }

    private static UriPattern wildcard(String uri) {
        return new UriPattern(uri, MatchPolicy.WILDCARD);
    }

    @Test
    void exactPrefixAndWildcardMatching() {
        assertTrue(UriPattern.exact("a.b").matches("a.b"));
        assertFalse(UriPattern.exact("a.b").matches("a.b.c"));
        assertTrue(prefix("com.app.obj1").matches("com.app.obj1-x"), "plain string prefix, as the spec's example");
        assertTrue(prefix("").matches("anything.at.all"));
        assertTrue(wildcard("com.app..evt").matches("com.app.x.evt"));
        assertFalse(wildcard("com.app..evt").matches("com.app.x.evt.y"));
        assertTrue(wildcard(".a").matches("x.a"));
        assertTrue(wildcard("a...d").matches("a.b.c.d"));
        assertFalse(wildcard("a.").matches("a.b.c"));
    }

    @Test
    void routingPrefersExactThenLongestPrefixThenWildcard() {
        List<UriPattern> patterns = List.of(wildcard("a1.b2..d4.e5"), wildcard("a1.b2.c33..e5"), prefix("a1."),
                prefix("a1.b2."), UriPattern.exact("a1.b2.c33.d4.e5"));
        Function<UriPattern, UriPattern> self = p -> p;
        assertEquals(UriPattern.exact("a1.b2.c33.d4.e5"),
                Specificity.best(patterns, self, "a1.b2.c33.d4.e5", Specificity.ROUTING).orElseThrow());
        assertEquals(prefix("a1.b2."),
                Specificity.best(patterns.subList(0, 4), self, "a1.b2.c33.d4.e5", Specificity.ROUTING).orElseThrow());
        assertEquals(wildcard("a1.b2.c33..e5"), // the spec's own example
                Specificity.best(patterns.subList(0, 2), self, "a1.b2.c33.d4.e5", Specificity.ROUTING).orElseThrow());
    }

    @Test
    void permissionsPreferExactThenWildcardThenLongestPrefix() {
        List<UriPattern> patterns = List.of(prefix("com."), prefix("com.example."), wildcard("com..run"));
        assertEquals(wildcard("com..run"),
                Specificity.best(patterns, p -> p, "com.example.run", Specificity.PERMISSIONS).orElseThrow());
        assertEquals(prefix("com.example."),
                Specificity.best(patterns, p -> p, "com.example.walk", Specificity.PERMISSIONS).orElseThrow());
        assertTrue(Specificity.best(patterns, p -> p, "org.example", Specificity.PERMISSIONS).isEmpty());
    }

    @Test
    void uriRules() {
        assertTrue(UriRules.isValid("com.example.Topic-1", false));
        assertFalse(UriRules.isValid("com.example.Topic-1", true));
        assertTrue(UriRules.isValid("com.example.topic_1", true));
        assertFalse(UriRules.isValid("com..topic", false));
        assertFalse(UriRules.isValid("com.exa mple", false));
        assertFalse(UriRules.isValid("com.exa\u00a0mple", false), "Unicode whitespace too");
        assertFalse(UriRules.isValid("com.#", false));
        assertTrue(UriRules.isValidPattern("com..topic", MatchPolicy.WILDCARD, true));
        assertTrue(UriRules.isValidPattern("com.example.", MatchPolicy.PREFIX, true));
        assertTrue(UriRules.isValidPattern("", MatchPolicy.PREFIX, false));
        assertFalse(UriRules.isValidPattern("com..example.", MatchPolicy.PREFIX, false));
        assertFalse(UriRules.isValidPattern("com.example.", MatchPolicy.EXACT, false));
    }
}
