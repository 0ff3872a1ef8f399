package io.wamptls.tls.cipher;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Compares {@link CipherString#expand} with the real {@code openssl ciphers} for every string of
 * {@code cipher-strings.txt}, order included. Plain {@code openssl ciphers STRING} prints the default
 * TLS 1.3 suites first; the test checks that they are {@link CipherString#TLS13_DEFAULT} and compares the rest.
 */
class OpenSslComparisonTest {

    @BeforeAll
    static void requireOpenSsl() {
        assumeTrue(OpenSsl.isAvailable(), "openssl not on PATH");
    }

    @Test
    void corpusIsLargeEnough() throws IOException {
        assertTrue(corpus().size() >= 120, "corpus size " + corpus().size());
    }

    @Test
    void everyCorpusStringExpandsExactlyLikeOpenSsl() throws IOException {
        List<String> corpus = new ArrayList<>(corpus());
        corpus.add("");
        List<String> mismatches = new ArrayList<>();
        for (String cipherString : corpus) {
            String expected = describe(expectedByOpenSsl(cipherString));
            String actual = describe(ours(cipherString));
            if (!expected.equals(actual)) {
                mismatches.add("[" + cipherString + "]\n    openssl: " + expected + "\n    ours:    " + actual);
            }
        }
        if (!mismatches.isEmpty()) {
            System.out.println(mismatches.size() + " of " + corpus.size() + " cipher strings differ from openssl:\n"
                    + String.join("\n", mismatches));
        }
        assertEquals(List.of(), mismatches, mismatches.size() + " of " + corpus.size() + " differ");
    }

    @Test
    void verboseFormatMatchesOpenSslDashV() throws IOException {
        for (String cipherString : List.of("ALL:COMPLEMENTOFALL", "DEFAULT", "PSK:SRP", "eNULL")) {
            assertEquals(OpenSsl.verbose(cipherString, "-ciphersuites", ""),
                    CipherString.format(CipherString.expand(cipherString), true), cipherString);
        }
        // the TLS 1.3 lines plain `openssl ciphers -v` prints first
        String plain = OpenSsl.verbose("AES128-SHA");
        assertEquals(plain, CipherString.format(CipherString.TLS13_DEFAULT, true)
                + CipherString.format(CipherString.expand("AES128-SHA"), true));
    }

    @Test
    void colonFormatMatchesOpenSsl() throws IOException {
        for (String cipherString : List.of("DEFAULT", "HIGH:!aNULL:!MD5")) {
            OpenSsl.Outcome outcome = OpenSsl.ciphers(cipherString, "-ciphersuites", "");
            assertEquals(String.join(":", ((OpenSsl.Outcome.Suites) outcome).names()),
                    CipherString.format(CipherString.expand(cipherString), false));
        }
    }

    @Test
    void cipherTableListsExactlyTheSuitesThisOpenSslKnows() throws IOException {
        String tls13 = "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:"
                + "TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256";
        // "0xC0,0x2F - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 - ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 Kx=ECDH ..."
        List<String> expected = OpenSsl.verbose("ALL:COMPLEMENTOFALL:@SECLEVEL=0", "-V", "-stdname",
                "-ciphersuites", tls13).lines().map(String::strip).sorted().toList();
        List<String> ours = CipherTable.instance().all().stream()
                .map(suite -> String.format("0x%02X,0x%02X - %-45s - %s", suite.id() >> 8, suite.id() & 0xFF,
                        suite.ianaName(), suite.description()).strip())
                .sorted().toList();
        assertEquals(expected, ours, "regenerate openssl-ciphers.tsv with generate-openssl-ciphers.sh");
    }

    /**
     * Whether OpenSSL knows a name shows when a stray character follows it: after a known name
     * {@code NAME_:AES128-SHA} is malformed, after an unknown one it is skipped.
     */
    @Test
    void aliasesAreKnownExactlyWhenOpenSslKnowsThem() throws IOException {
        Set<String> candidates = new TreeSet<>(CipherAliases.names());
        candidates.addAll(List.of("RC4", "RC2", "IDEA", "SEED", "DES", "GOST", "kGOST", "aGOST", "aGOST01",
                "aGOST12", "GOST94", "GOST89MAC", "GOST12", "TLSv1.1", "TLSv1.3", "DTLSv1", "SSLv2", "EXP",
                "EXPORT", "DEFAULT", "SUITEB128", "KUZNYECHIK", "MAGMA"));
        List<String> mismatches = new ArrayList<>();
        for (String name : candidates) {
            String probe = name + "_:AES128-SHA";
            boolean openSslKnows = OpenSsl.ciphers(probe, "-ciphersuites", "") instanceof OpenSsl.Outcome.Rejected;
            boolean weKnow = ours(probe).equals("rejected");
            if (openSslKnows != weKnow) {
                mismatches.add(name + (openSslKnows ? " (known to openssl)" : " (unknown to openssl)"));
            }
        }
        assertEquals(List.of(), mismatches);
    }

    /** The TLS 1.0-1.2 part of plain {@code openssl ciphers}, or "rejected". */
    private static Object expectedByOpenSsl(String cipherString) throws IOException {
        OpenSsl.Outcome outcome = OpenSsl.ciphers(cipherString);
        if (outcome instanceof OpenSsl.Outcome.Rejected) {
            return "rejected";
        }
        List<String> names = ((OpenSsl.Outcome.Suites) outcome).names();
        if (names.isEmpty()) {
            return names;
        }
        List<String> tls13 = CipherString.TLS13_DEFAULT.stream().map(CipherSuite::openSslName).toList();
        if (names.size() < tls13.size() || !names.subList(0, tls13.size()).equals(tls13)) {
            return "unexpected TLS 1.3 prefix: " + names;
        }
        return names.subList(tls13.size(), names.size());
    }

    private static Object ours(String cipherString) {
        try {
            return CipherString.expand(cipherString).stream().map(CipherSuite::openSslName).toList();
        } catch (IllegalArgumentException e) {
            return "rejected";
        }
    }

    private static String describe(Object outcome) {
        return outcome instanceof List<?> names ? (names.isEmpty() ? "(empty)" : String.join(":",
                names.stream().map(Object::toString).toList())) : outcome.toString();
    }

    static List<String> corpus() throws IOException {
        try (InputStream in = OpenSslComparisonTest.class.getResourceAsStream("cipher-strings.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }
}
