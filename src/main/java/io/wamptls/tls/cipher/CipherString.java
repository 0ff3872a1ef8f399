package io.wamptls.tls.cipher;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Compiles an OpenSSL cipher string (the {@code ciphers} option of Crossbar.io, {@code openssl ciphers STRING})
 * into exactly the ordered suite list OpenSSL 3.0 builds from it.
 *
 * <p>The cipher string only governs TLS 1.0-1.2 suites: OpenSSL configures TLS 1.3 suites separately
 * ({@code -ciphersuites}) and {@code openssl ciphers STRING} merely prints them in front of the list. So
 * {@link #expand} returns the TLS 1.0-1.2 suites only, equal to {@code openssl ciphers -ciphersuites "" STRING},
 * and {@link #TLS13_DEFAULT} holds OpenSSL's default TLS 1.3 suites.
 *
 * <p>Like {@code openssl ciphers} without {@code -s}, the result is not filtered by the security level:
 * {@code @SECLEVEL=n} is validated but leaves the list unchanged.
 *
 * <p>The suites and their attributes come from {@code openssl-ciphers.tsv}, generated from the build machine's
 * OpenSSL 3.0 (no 3DES/RC4/SEED suites; the legacy provider is not loaded); {@code OpenSslComparisonTest}
 * fails if the local openssl disagrees with it.
 */
public final class CipherString {

    /** OpenSSL 3.0's default TLS 1.3 suites, in its order. */
    public static final List<CipherSuite> TLS13_DEFAULT = List.of(
            suite("TLS_AES_256_GCM_SHA384"), suite("TLS_CHACHA20_POLY1305_SHA256"), suite("TLS_AES_128_GCM_SHA256"));

    /** What {@code DEFAULT} stands for in OpenSSL 3.0 (OSSL_default_cipher_list). */
    static final String DEFAULT_RULES = "ALL:!COMPLEMENTOFDEFAULT:!eNULL";

    private CipherString() {
    }

    /**
     * The TLS 1.0-1.2 suites {@code cipherString} selects, in OpenSSL's order. Names OpenSSL does not know
     * are skipped; the result may be empty (OpenSSL then reports "no cipher match").
     *
     * @throws IllegalArgumentException if OpenSSL would reject the string as malformed (a character that
     *                                  cannot start a name, as in {@code AES+}, or an unknown {@code @} command)
     */
    public static List<CipherSuite> expand(String cipherString) {
        Objects.requireNonNull(cipherString, "cipherString");
        String rules = replaceSuiteB(cipherString);
        CipherOrdering ordering = CipherOrdering.inPreferenceOrder(CipherTable.instance().tls12SuitesByDescendingId());
        // DEFAULT is special only at the very start of the string ("DEFAULT:!RSA"); elsewhere it is unknown.
        if (rules.startsWith("DEFAULT")) {
            applyRules(DEFAULT_RULES, ordering, cipherString);
            rules = rules.substring("DEFAULT".length());
            if (rules.startsWith(":")) {
                rules = rules.substring(1);
            }
        }
        applyRules(rules, ordering, cipherString);
        return ordering.activeSuites();
    }

    /**
     * The security level the string sets with its last {@code @SECLEVEL=n}, if any. {@link #expand} does not
     * filter by it (neither does {@code openssl ciphers} without {@code -s}); a TLS stack applies it when it
     * negotiates.
     *
     * @throws IllegalArgumentException if OpenSSL would reject the string as malformed
     */
    public static OptionalInt securityLevel(String cipherString) {
        Objects.requireNonNull(cipherString, "cipherString");
        String rules = replaceSuiteB(cipherString);
        if (rules.startsWith("DEFAULT")) {
            rules = rules.substring("DEFAULT".length());
        }
        OptionalInt level = OptionalInt.empty();
        for (CipherRule rule : parse(rules, cipherString)) {
            if (rule instanceof CipherRule.SecurityLevel securityLevel) {
                level = OptionalInt.of(securityLevel.level());
            }
        }
        return level;
    }

    /**
     * Prints suites like {@code openssl ciphers} (colon-separated names, no line end) or, if verbose, like
     * {@code openssl ciphers -v} (one line each: name, protocol, Kx=, Au=, Enc=, Mac=; each ending in a newline).
     */
    public static String format(List<CipherSuite> suites, boolean verbose) {
        if (verbose) {
            return suites.stream().map(suite -> suite.description() + "\n").collect(Collectors.joining());
        }
        return suites.stream().map(CipherSuite::openSslName).collect(Collectors.joining(":"));
    }

    private static void applyRules(String rules, CipherOrdering ordering, String cipherString) {
        parse(rules, cipherString).forEach(ordering::apply);
    }

    private static List<CipherRule> parse(String rules, String cipherString) {
        CipherStringParser.Result parsed = CipherStringParser.parse(rules, CipherString::resolveName);
        if (!parsed.errors().isEmpty()) {
            throw new IllegalArgumentException("invalid cipher string \"" + cipherString + "\": "
                    + String.join("; ", parsed.errors()));
        }
        return parsed.rules();
    }

    /** Cipher names win over aliases; TLS 1.3 names are not part of the language. */
    private static Optional<CipherPattern> resolveName(String name) {
        Optional<CipherSuite> suite = CipherTable.instance().byOpenSslName(name).filter(s -> !s.isTls13());
        if (suite.isPresent()) {
            return suite.map(CipherPattern::of);
        }
        return CipherAliases.find(name);
    }

    /**
     * A string starting with a Suite B keyword is replaced as a whole by the Suite B suites (RFC 6460);
     * anything after the keyword is ignored.
     */
    private static String replaceSuiteB(String cipherString) {
        if (cipherString.startsWith("SUITEB128ONLY")) {
            return "ECDHE-ECDSA-AES128-GCM-SHA256";
        } else if (cipherString.startsWith("SUITEB128C2")) {
            return "ECDHE-ECDSA-AES256-GCM-SHA384";
        } else if (cipherString.startsWith("SUITEB128")) {
            return "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384";
        } else if (cipherString.startsWith("SUITEB192")) {
            return "ECDHE-ECDSA-AES256-GCM-SHA384";
        }
        return cipherString;
    }

    private static CipherSuite suite(String openSslName) {
        return CipherTable.instance().byOpenSslName(openSslName)
                .orElseThrow(() -> new IllegalStateException("cipher table lacks " + openSslName));
    }
}
