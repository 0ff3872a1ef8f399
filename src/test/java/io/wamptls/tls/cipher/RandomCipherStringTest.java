package io.wamptls.tls.cipher;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Random cipher strings (fixed seed, so reproducible) from aliases, cipher names and operators, compared with
 * {@code openssl ciphers -ciphersuites ""}: catches interactions the hand-written corpus does not think of.
 */
class RandomCipherStringTest {

    private static final int STRINGS = Integer.getInteger("cipher.random.strings", 60);
    private static final long SEED = Long.getLong("cipher.random.seed", 20261125L);

    private static final String[] WORDS = {
            "ALL", "COMPLEMENTOFALL", "COMPLEMENTOFDEFAULT", "HIGH", "MEDIUM", "LOW", "FIPS", "aNULL", "eNULL",
            "NULL", "kRSA", "RSA", "kDHE", "DHE", "EDH", "DH", "kECDHE", "ECDHE", "EECDH", "ECDH", "ADH", "AECDH",
            "aRSA", "aECDSA", "ECDSA", "aDSS", "DSS", "AES", "AES128", "AES256", "AESGCM", "AESCCM", "AESCCM8",
            "CHACHA20", "CAMELLIA", "CAMELLIA128", "CAMELLIA256", "ARIA", "ARIA128", "ARIA256", "ARIAGCM", "CBC",
            "3DES", "RC4", "SEED", "MD5", "SHA1", "SHA", "SHA256", "SHA384", "PSK", "kPSK", "kECDHEPSK",
            "kDHEPSK", "kRSAPSK", "aPSK", "SRP", "kSRP", "aSRP", "TLSv1.2", "TLSv1", "TLSv1.0", "SSLv3", "FOO",
            "AES128-SHA", "AES256-GCM-SHA384", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305",
            "DHE-RSA-AES256-SHA256", "PSK-AES128-CCM8", "ADH-AES256-GCM-SHA384", "NULL-MD5", "ECDHE-PSK-NULL-SHA",
            "DHE-DSS-CAMELLIA128-SHA256", "SRP-RSA-AES-128-CBC-SHA"};
    private static final String[] OPERATORS = {"", "", "", "!", "-", "+"};
    /** "" puts an operator right after a name; "_" and "+:" are malformed or skipped depending on context. */
    private static final String[] SEPARATORS = {":", ":", ":", ":", ",", " ", ";", "", "_", "+:", "::"};

    @BeforeAll
    static void requireOpenSsl() {
        assumeTrue(OpenSsl.isAvailable(), "openssl not on PATH");
    }

    @Test
    void randomStringsExpandLikeOpenSsl() throws IOException {
        Random random = new Random(SEED);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < STRINGS; i++) {
            String cipherString = randomCipherString(random);
            String expected = describe(OpenSsl.ciphers(cipherString, "-ciphersuites", ""));
            String actual = ours(cipherString);
            if (!expected.equals(actual)) {
                mismatches.add("[" + cipherString + "]\n    openssl: " + expected + "\n    ours:    " + actual);
            }
        }
        if (!mismatches.isEmpty()) {
            System.out.println(mismatches.size() + " of " + STRINGS + " random cipher strings differ:\n"
                    + String.join("\n", mismatches));
        }
        assertEquals(List.of(), mismatches);
    }

    private static String describe(OpenSsl.Outcome outcome) {
        return outcome instanceof OpenSsl.Outcome.Suites suites ? String.join(":", suites.names()) : "rejected";
    }

    private static String ours(String cipherString) {
        try {
            return CipherString.format(CipherString.expand(cipherString), false);
        } catch (IllegalArgumentException e) {
            return "rejected";
        }
    }

    private static String randomCipherString(Random random) {
        StringBuilder text = new StringBuilder(random.nextInt(6) == 0 ? "DEFAULT:" : "");
        int items = 1 + random.nextInt(7);
        for (int i = 0; i < items; i++) {
            if (i > 0) {
                text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
            if (random.nextInt(12) == 0) {
                text.append(random.nextInt(4) == 0 ? "@SECLEVEL=" + random.nextInt(7) : "@STRENGTH");
                continue;
            }
            text.append(OPERATORS[random.nextInt(OPERATORS.length)]);
            int parts = 1 + (random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0);
            for (int p = 0; p < parts; p++) {
                text.append(p > 0 ? "+" : "").append(WORDS[random.nextInt(WORDS.length)]);
            }
        }
        return text.toString();
    }
}
