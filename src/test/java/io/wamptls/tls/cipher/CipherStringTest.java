package io.wamptls.tls.cipher;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unit tests that need no openssl binary; {@link OpenSslComparisonTest} checks the orders themselves. */
class CipherStringTest {

    private static List<String> names(String cipherString) {
        return CipherString.expand(cipherString).stream().map(CipherSuite::openSslName).toList();
    }

    @Test
    void explicitNamesKeepTheirOrder() {
        String seedDefault = "ECDHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:"
                + "DHE-RSA-AES128-SHA256:ECDHE-RSA-AES128-SHA:DHE-RSA-AES128-SHA";
        assertEquals(List.of(seedDefault.split(":")), names(seedDefault));
    }

    @Test
    void suitesCarryIanaNamesAndAttributes() {
        CipherSuite suite = CipherString.expand("ECDHE-RSA-AES128-GCM-SHA256").get(0);
        assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", suite.ianaName());
        assertEquals(0xC02F, suite.id());
        assertEquals(CipherSuite.Protocol.TLSV1_2, suite.protocol());
        assertEquals(CipherSuite.KeyExchange.ECDHE, suite.keyExchange());
        assertEquals(CipherSuite.Authentication.RSA, suite.authentication());
        assertEquals(CipherSuite.Encryption.AES128_GCM, suite.encryption());
        assertEquals(CipherSuite.Mac.AEAD, suite.mac());
        assertEquals(128, suite.strengthBits());
        assertEquals(CipherSuite.Strength.HIGH, suite.strength());
    }

    @Test
    void defaultIsAllWithoutTheComplementOfDefaultAndENull() {
        assertEquals(names(CipherString.DEFAULT_RULES), names("DEFAULT"));
        assertEquals(names("ALL:!COMPLEMENTOFDEFAULT:!eNULL:!RSA"), names("DEFAULT:!RSA"));
    }

    @Test
    void defaultIsOnlyRecognisedAtTheStart() {
        assertEquals(names("AES128-SHA"), names("AES128-SHA:DEFAULT"));
    }

    @Test
    void unknownNamesGiveAnEmptyList() {
        assertEquals(List.of(), CipherString.expand("FOO:BAR"));
        assertEquals(List.of(), CipherString.expand(""));
        assertEquals(List.of(), CipherString.expand("TLS_AES_128_GCM_SHA256"));
    }

    @Test
    void killedSuitesCannotBeAddedBackButDeletedOnesCan() {
        assertEquals(List.of(), names("AES128-SHA:!AES128-SHA:AES128-SHA"));
        assertEquals(List.of("AES128-SHA"), names("AES128-SHA:-AES128-SHA:AES128-SHA"));
    }

    @Test
    void malformedStringsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CipherString.expand("AES+"));
        assertTrue(e.getMessage().contains("AES+"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CipherString.expand("ALL:@SECLEVEL=9"));
    }

    @Test
    void securityLevelDoesNotFilterTheList() {
        assertEquals(names("ALL:COMPLEMENTOFALL"), names("ALL:COMPLEMENTOFALL:@SECLEVEL=5"));
        assertEquals(OptionalInt.of(5), CipherString.securityLevel("ALL:@SECLEVEL=0:@SECLEVEL=5"));
        assertEquals(OptionalInt.of(2), CipherString.securityLevel("DEFAULT:@SECLEVEL=2"));
        assertEquals(OptionalInt.empty(), CipherString.securityLevel("HIGH"));
    }

    @Test
    void suiteBReplacesTheWholeString() {
        assertEquals(List.of("ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384"),
                names("SUITEB128:!ECDSA:RSA"));
        assertEquals(List.of("ECDHE-ECDSA-AES128-GCM-SHA256"), names("SUITEB128ONLY"));
    }

    @Test
    void tls13DefaultIsOpenSslsDefaultCiphersuites() {
        assertEquals(List.of("TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256"),
                CipherString.TLS13_DEFAULT.stream().map(CipherSuite::ianaName).toList());
        assertTrue(CipherString.TLS13_DEFAULT.stream().allMatch(CipherSuite::isTls13));
        assertTrue(CipherString.expand("ALL:COMPLEMENTOFALL").stream().noneMatch(CipherSuite::isTls13));
    }

    @Test
    void format() {
        List<CipherSuite> suites = CipherString.expand("ECDHE-RSA-AES128-GCM-SHA256:NULL-MD5");
        assertEquals("ECDHE-RSA-AES128-GCM-SHA256:NULL-MD5", CipherString.format(suites, false));
        assertEquals(""
                + "ECDHE-RSA-AES128-GCM-SHA256    TLSv1.2 Kx=ECDH     Au=RSA   Enc=AESGCM(128)            Mac=AEAD\n"
                + "NULL-MD5                       SSLv3   Kx=RSA      Au=RSA   Enc=None                   Mac=MD5 \n",
                CipherString.format(suites, true));
        assertEquals("", CipherString.format(List.of(), false));
        assertEquals("", CipherString.format(List.of(), true));
    }
}
