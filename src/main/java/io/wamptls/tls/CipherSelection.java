package io.wamptls.tls;

import io.wamptls.config.ConfigException;
import io.wamptls.config.TlsConfig;
import io.wamptls.tls.cipher.CipherString;
import io.wamptls.tls.cipher.CipherSuite;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the {@code ciphers} setting into the JSSE cipher suites an endpoint enables, in server-preference order,
 * with Crossbar's semantics: the string (OpenSSL syntax) governs TLS 1.2 only; the TLS 1.3 suites are always on;
 * suites the provider lacks are skipped; DHE suites need a {@code dhparam}.
 *
 * @param suites       JSSE names, TLS 1.3 suites first, then the TLS 1.2 suites in the string's order
 * @param unsupported  OpenSSL names from the string that the provider does not offer
 * @param dheWithoutDh OpenSSL names of DHE suites dropped because no {@code dhparam} is configured
 */
record CipherSelection(List<String> suites, List<String> unsupported, List<String> dheWithoutDh) {

    /** The seed's default: six forward-secret TLS 1.2 suites, all for RSA keys. */
    static final String DEFAULT_CIPHERS = "ECDHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES128-GCM-SHA256:"
            + "ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:ECDHE-RSA-AES128-SHA:DHE-RSA-AES128-SHA";

    /**
     * Our extension for EC keys, which the seed's RSA-only default would leave with TLS 1.3 only: the ECDSA
     * counterparts of its ECDHE suites, in the same order (there is no DHE suite with ECDSA authentication).
     */
    static final String DEFAULT_CIPHERS_ECDSA =
            "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA";

    /** The cipher string in effect: the configured one, else the default for the server key's type. */
    static String effectiveCiphers(TlsConfig tls, TlsMaterial material) {
        if (tls.ciphers() != null) {
            return tls.ciphers();
        }
        return material.privateKey().getAlgorithm().equals("EC") ? DEFAULT_CIPHERS_ECDSA : DEFAULT_CIPHERS;
    }

    /** Whether the endpoint's cipher string selects any DHE suite (malformed strings count as none). */
    static boolean namesDhe(TlsConfig tls, TlsMaterial material) {
        try {
            return CipherString.expand(effectiveCiphers(tls, material)).stream()
                    .anyMatch(suite -> isDhe(suite.ianaName()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** OpenSSL's default TLS 1.3 order, which Crossbar serves whatever {@code ciphers} says. */
    static final List<String> TLS13_SUITES =
            List.of("TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256");

    /**
     * @param ciphers   the cipher string, e.g. from {@link #effectiveCiphers}; null means {@link #DEFAULT_CIPHERS}
     * @param dhe       whether DH parameters are configured
     * @param supported the provider's supported suites
     * @param jsonPath  the {@code ciphers} entry, for errors
     */
    static CipherSelection select(String ciphers, boolean dhe, TlsProvider provider, Collection<String> supported,
                                  String jsonPath) throws ConfigException {
        String string = ciphers == null ? DEFAULT_CIPHERS : ciphers;
        List<CipherSuite> expanded;
        try {
            expanded = CipherString.expand(string);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(jsonPath, "invalid cipher string '" + string + "': " + e.getMessage());
        }
        Set<String> available = new HashSet<>(supported);
        Set<String> tls12 = new LinkedHashSet<>();
        List<String> unsupported = new ArrayList<>();
        List<String> dheWithoutDh = new ArrayList<>();
        for (CipherSuite suite : expanded) {
            String jsse = jsseName(suite.ianaName(), available);
            if (TLS13_SUITES.contains(suite.ianaName())) {
                continue;
            }
            if (jsse == null) {
                unsupported.add(suite.openSslName());
            } else if (isDhe(jsse) && !dhe) {
                dheWithoutDh.add(suite.openSslName());
            } else {
                tls12.add(jsse);
            }
        }
        if (tls12.isEmpty()) {
            String why = dheWithoutDh.isEmpty() ? ""
                    : " (its DHE suites " + dheWithoutDh + " need a dhparam file)";
            throw new ConfigException(jsonPath, "cipher string '" + string + "' leaves no cipher suite that the "
                    + provider.displayName() + " provider supports" + why);
        }
        List<String> suites = new ArrayList<>();
        TLS13_SUITES.stream().filter(available::contains).forEach(suites::add);
        suites.addAll(tls12);
        return new CipherSelection(List.copyOf(suites), List.copyOf(unsupported), List.copyOf(dheWithoutDh));
    }

    /**
     * What Jetty must exclude on top of the exact includes: never NULL or anonymous suites, and no DHE suite
     * without DH parameters. This replaces Jetty's default excludes, which would drop the seed's {@code _SHA} suites.
     */
    static List<String> excludes(boolean dhe) {
        List<String> excludes = new ArrayList<>(List.of("^.*_NULL_.*$", "^.*_anon_.*$"));
        if (!dhe) {
            excludes.add("^(TLS|SSL)_DHE_.*$");
        }
        return excludes;
    }

    static boolean isDhe(String jsseName) {
        return jsseName.startsWith("TLS_DHE_") || jsseName.startsWith("SSL_DHE_");
    }

    /** The IANA name, or its legacy {@code SSL_} spelling that the JDK uses for a few old suites. */
    private static String jsseName(String iana, Set<String> available) {
        if (available.contains(iana)) {
            return iana;
        }
        if (iana.startsWith("TLS_")) {
            String legacy = "SSL_" + iana.substring(4);
            if (available.contains(legacy)) {
                return legacy;
            }
        }
        return null;
    }
}
