package io.wamptls.router.match;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

/**
 * "Most specific wins" orderings over patterns that all match the same URI; the most specific sorts first.
 * Two orders exist because the spec and Crossbar differ:
 * <ul>
 *   <li>{@link #ROUTING} (spec, which registration gets a CALL): exact, then the longest prefix, then the best
 *       wildcard;</li>
 *   <li>{@link #PERMISSIONS} (Crossbar's static role permissions): exact, then a matching wildcard, then the
 *       longest prefix.</li>
 * </ul>
 * Among wildcards, compare components left to right: at the first position where one has a concrete component
 * and the other an empty one, the concrete one wins.
 */
public final class Specificity {

    public static final Comparator<UriPattern> ROUTING =
            byPolicyRank(MatchPolicy.EXACT, MatchPolicy.PREFIX, MatchPolicy.WILDCARD);

    public static final Comparator<UriPattern> PERMISSIONS =
            byPolicyRank(MatchPolicy.EXACT, MatchPolicy.WILDCARD, MatchPolicy.PREFIX);

    private Specificity() {
    }

    /** The most specific of {@code candidates} whose pattern matches {@code uri}. */
    public static <T> Optional<T> best(Collection<T> candidates, Function<T, UriPattern> patternOf, String uri,
                                       Comparator<UriPattern> order) {
        return candidates.stream()
                .filter(c -> patternOf.apply(c).matches(uri))
                .min(Comparator.comparing(patternOf, order));
    }

    private static Comparator<UriPattern> byPolicyRank(MatchPolicy first, MatchPolicy second, MatchPolicy third) {
        Comparator<UriPattern> byPolicy = Comparator.comparingInt(p ->
                p.match() == first ? 0 : p.match() == second ? 1 : p.match() == third ? 2 : 3);
        return byPolicy.thenComparing(Specificity::withinPolicy);
    }

    private static int withinPolicy(UriPattern a, UriPattern b) {
        return switch (a.match()) {
            case EXACT -> 0;
            case PREFIX -> Integer.compare(b.uri().length(), a.uri().length());
            case WILDCARD -> compareWildcards(a.uri(), b.uri());
        };
    }

    private static int compareWildcards(String a, String b) {
        String[] left = UriPattern.components(a);
        String[] right = UriPattern.components(b);
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            boolean leftConcrete = !left[i].isEmpty();
            boolean rightConcrete = !right[i].isEmpty();
            if (leftConcrete != rightConcrete) {
                return leftConcrete ? -1 : 1;
            }
        }
        return 0;
    }
}
