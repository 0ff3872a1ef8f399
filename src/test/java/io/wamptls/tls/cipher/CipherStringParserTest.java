package io.wamptls.tls.cipher;

import io.wamptls.tls.cipher.CipherRule.Operation;
import io.wamptls.tls.cipher.CipherRule.Select;
import io.wamptls.tls.cipher.CipherSuite.Encryption;
import io.wamptls.tls.cipher.CipherSuite.KeyExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CipherStringParserTest {

    private static final CipherPattern KRSA = CipherPattern.ANY.keyExchange(KeyExchange.RSA);
    private static final CipherPattern KECDHE = CipherPattern.ANY.keyExchange(KeyExchange.ECDHE);
    private static final CipherPattern AES = CipherPattern.ANY.encryption(Encryption.AES128, Encryption.AES256);
    private static final CipherPattern AES128 = CipherPattern.ANY.encryption(Encryption.AES128);
    private static final Map<String, CipherPattern> NAMES =
            Map.of("kRSA", KRSA, "kECDHE", KECDHE, "AES", AES, "AES128", AES128);

    private static CipherStringParser.Result parse(String text) {
        return CipherStringParser.parse(text, name -> Optional.ofNullable(NAMES.get(name)));
    }

    private static List<CipherRule> rules(String text) {
        CipherStringParser.Result result = parse(text);
        assertEquals(List.of(), result.errors(), text);
        return result.rules();
    }

    private static Select add(CipherPattern pattern) {
        return new Select(Operation.ADD, pattern);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kRSA:AES", "kRSA,AES", "kRSA;AES", "kRSA AES", " kRSA : AES ", ":::kRSA::AES:::",
            "kRSA, AES"})
    void separators(String text) {
        assertEquals(List.of(add(KRSA), add(AES)), rules(text));
    }

    @Test
    void operators() {
        assertEquals(List.of(add(AES), new Select(Operation.KILL, KRSA), new Select(Operation.DELETE, KECDHE),
                new Select(Operation.MOVE_TO_END, AES128)), rules("AES:!kRSA:-kECDHE:+AES128"));
    }

    @Test
    void operatorDirectlyAfterAKnownNameStartsTheNextItem() {
        assertEquals(List.of(add(AES), new Select(Operation.KILL, KRSA)), rules("AES!kRSA"));
    }

    @Test
    void plusJoinsNamesIntoAnIntersection() {
        CipherPattern joined = KRSA.and(AES128).orElseThrow();
        assertEquals(List.of(add(joined)), rules("kRSA+AES128"));
        assertEquals(List.of(add(AES128)), rules("AES+AES128"));
        assertEquals(List.of(new Select(Operation.KILL, joined)), rules("!kRSA+AES128"));
    }

    @Test
    void anEmptyIntersectionDropsTheItem() {
        assertEquals(List.of(add(AES)), rules("kRSA+kECDHE:AES"));
    }

    @Test
    void unknownNamesAreSkippedUpToTheNextSeparator() {
        assertEquals(List.of(add(AES)), rules("FOO:AES"));
        assertEquals(List.of(add(AES)), rules("FOO+kRSA:AES"));
        assertEquals(List.of(add(AES)), rules("kRSA+FOO:AES"));
        assertEquals(List.of(add(AES)), rules("TLS_AES_128_GCM_SHA256:AES"));
        assertEquals(List.of(add(AES)), rules("FOO_x!kECDHE:AES"), "rest of an unknown item is skipped");
        assertEquals(List.of(add(AES)), rules("--kRSA:AES"), "'-' is part of the name -kRSA");
    }

    @Test
    void namesAreCaseSensitive() {
        assertEquals(List.of(), rules("aes"));
    }

    @Test
    void commands() {
        assertEquals(List.of(add(AES), new CipherRule.SortByStrength(), new CipherRule.SecurityLevel(3)),
                rules("AES:@STRENGTH:@SECLEVEL=3"));
        assertEquals(List.of(new CipherRule.SortByStrength(), add(AES)), rules("@STRENGTH+kRSA:AES"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AES+", "kRSA+AES:AES+", "AES_x", "_x:AES", "!:AES", "!!AES", "AES:*", "@", "@FOO",
            "@SECLEVEL=6", "@SECLEVEL=10", "@SECLEVEL=x", "@strength"})
    void malformedStringsAreErrors(String text) {
        assertFalse(parse(text).errors().isEmpty(), text);
    }

    @Test
    void parsingGoesOnAfterAnError() {
        CipherStringParser.Result result = parse("_x:AES");
        assertTrue(result.rules().contains(add(AES)));
    }
}
