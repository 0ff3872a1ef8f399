package io.wamptls.tls.cipher;

import io.wamptls.tls.cipher.CipherPattern.StrengthBit;
import io.wamptls.tls.cipher.CipherSuite.Authentication;
import io.wamptls.tls.cipher.CipherSuite.Encryption;
import io.wamptls.tls.cipher.CipherSuite.KeyExchange;
import io.wamptls.tls.cipher.CipherSuite.Mac;
import io.wamptls.tls.cipher.CipherSuite.Protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.wamptls.tls.cipher.CipherPattern.ANY;
import static io.wamptls.tls.cipher.CipherSuite.Encryption.AES128;
import static io.wamptls.tls.cipher.CipherSuite.Encryption.AES128_CCM;
import static io.wamptls.tls.cipher.CipherSuite.Encryption.AES128_CCM8;
import static io.wamptls.tls.cipher.CipherSuite.Encryption.AES128_GCM;
import static io.wamptls.tls.cipher.CipherSuite.Encryption.AES256;
import static io.wamptls.tls.cipher.CipherSuite.Encryption.AES256_CCM;
import static io.wamptls.tls.cipher.CipherSuite.Encryption.AES256_CCM8;
import static io.wamptls.tls.cipher.CipherSuite.Encryption.AES256_GCM;
import static io.wamptls.tls.cipher.CipherSuite.Encryption.ARIA128_GCM;
import static io.wamptls.tls.cipher.CipherSuite.Encryption.ARIA256_GCM;
import static io.wamptls.tls.cipher.CipherSuite.Encryption.CAMELLIA128;
import static io.wamptls.tls.cipher.CipherSuite.Encryption.CAMELLIA256;

/**
 * The aliases of OpenSSL 3.0's cipher-string language (the {@code cipher_aliases} table of ssl/ssl_ciph.c).
 *
 * <p>OpenSSL only knows an alias whose algorithms are available, and whether a name is known is observable
 * ({@code RC4_x} is skipped, {@code 3DES_x} is an error). Left out therefore: {@code RC4}, {@code RC2},
 * {@code IDEA} and {@code SEED}, which live in OpenSSL 3's legacy provider that {@code openssl} does not load
 * by default, and the GOST aliases, which need a GOST engine. {@code 3DES} stays: the algorithm is available,
 * only no 3DES suite is compiled in, so it selects nothing.
 *
 * <p>{@code DEFAULT} and the {@code SUITEB*} names are not aliases: OpenSSL only recognises them as a prefix of
 * the whole string (see {@link CipherString}).
 */
final class CipherAliases {
    private static final Map<String, CipherPattern> ALIASES = build();

    private CipherAliases() {
    }

    static Optional<CipherPattern> find(String name) {
        return Optional.ofNullable(ALIASES.get(name));
    }

    static Set<String> names() {
        return ALIASES.keySet();
    }

    private static Map<String, CipherPattern> build() {
        Map<String, CipherPattern> a = new LinkedHashMap<>();
        // ALL leaves out eNULL; COMPLEMENTOFALL is exactly eNULL.
        a.put("ALL", ANY.encryptionExcept(Encryption.NULL));
        a.put("COMPLEMENTOFALL", ANY.encryption(Encryption.NULL));
        // a flag of the suite (see the table), not "ALL minus DEFAULT"
        a.put("COMPLEMENTOFDEFAULT", ANY.onlyNotDefault());

        // key exchange
        a.put("kRSA", ANY.keyExchange(KeyExchange.RSA));
        for (String name : new String[] {"kEDH", "kDHE", "DH"}) {
            a.put(name, ANY.keyExchange(KeyExchange.DHE));
        }
        for (String name : new String[] {"kEECDH", "kECDHE", "ECDH"}) {
            a.put(name, ANY.keyExchange(KeyExchange.ECDHE));
        }
        a.put("kPSK", ANY.keyExchange(KeyExchange.PSK));
        a.put("kRSAPSK", ANY.keyExchange(KeyExchange.RSA_PSK));
        a.put("kECDHEPSK", ANY.keyExchange(KeyExchange.ECDHE_PSK));
        a.put("kDHEPSK", ANY.keyExchange(KeyExchange.DHE_PSK));
        a.put("kSRP", ANY.keyExchange(KeyExchange.SRP));

        // authentication
        a.put("aRSA", ANY.authentication(Authentication.RSA));
        a.put("aDSS", ANY.authentication(Authentication.DSS));
        a.put("DSS", ANY.authentication(Authentication.DSS));
        a.put("aNULL", ANY.authentication(Authentication.NULL));
        a.put("aECDSA", ANY.authentication(Authentication.ECDSA));
        a.put("ECDSA", ANY.authentication(Authentication.ECDSA));
        a.put("aPSK", ANY.authentication(Authentication.PSK));
        a.put("aSRP", ANY.authentication(Authentication.SRP));

        // key exchange and authentication combined; EDH/DHE/EECDH/ECDHE exclude the anonymous suites
        a.put("EDH", ANY.keyExchange(KeyExchange.DHE).authenticationExcept(Authentication.NULL));
        a.put("DHE", ANY.keyExchange(KeyExchange.DHE).authenticationExcept(Authentication.NULL));
        a.put("EECDH", ANY.keyExchange(KeyExchange.ECDHE).authenticationExcept(Authentication.NULL));
        a.put("ECDHE", ANY.keyExchange(KeyExchange.ECDHE).authenticationExcept(Authentication.NULL));
        a.put("NULL", ANY.encryption(Encryption.NULL));
        a.put("RSA", ANY.keyExchange(KeyExchange.RSA).authentication(Authentication.RSA));
        a.put("ADH", ANY.keyExchange(KeyExchange.DHE).authentication(Authentication.NULL));
        a.put("AECDH", ANY.keyExchange(KeyExchange.ECDHE).authentication(Authentication.NULL));
        a.put("PSK", ANY.keyExchange(KeyExchange.PSK, KeyExchange.RSA_PSK, KeyExchange.ECDHE_PSK,
                KeyExchange.DHE_PSK));
        a.put("SRP", ANY.keyExchange(KeyExchange.SRP));

        // symmetric encryption
        a.put("3DES", ANY.encryption(Encryption.TRIPLE_DES));
        a.put("eNULL", ANY.encryption(Encryption.NULL));
        a.put("AES128", ANY.encryption(AES128, AES128_GCM, AES128_CCM, AES128_CCM8));
        a.put("AES256", ANY.encryption(AES256, AES256_GCM, AES256_CCM, AES256_CCM8));
        a.put("AES", ANY.encryption(AES128, AES256, AES128_GCM, AES256_GCM, AES128_CCM, AES256_CCM,
                AES128_CCM8, AES256_CCM8));
        a.put("AESGCM", ANY.encryption(AES128_GCM, AES256_GCM));
        a.put("AESCCM", ANY.encryption(AES128_CCM, AES256_CCM, AES128_CCM8, AES256_CCM8));
        a.put("AESCCM8", ANY.encryption(AES128_CCM8, AES256_CCM8));
        a.put("CAMELLIA128", ANY.encryption(CAMELLIA128));
        a.put("CAMELLIA256", ANY.encryption(CAMELLIA256));
        a.put("CAMELLIA", ANY.encryption(CAMELLIA128, CAMELLIA256));
        a.put("CHACHA20", ANY.encryption(Encryption.CHACHA20_POLY1305));
        a.put("ARIA", ANY.encryption(ARIA128_GCM, ARIA256_GCM));
        a.put("ARIAGCM", ANY.encryption(ARIA128_GCM, ARIA256_GCM));
        a.put("ARIA128", ANY.encryption(ARIA128_GCM));
        a.put("ARIA256", ANY.encryption(ARIA256_GCM));
        a.put("CBC", ANY.encryption(Encryption.DES, Encryption.TRIPLE_DES, Encryption.RC2, Encryption.IDEA,
                AES128, AES256, CAMELLIA128, CAMELLIA256, Encryption.SEED));

        // MAC; note that AEAD suites have no separate MAC, so SHA256 does not select ...-GCM-SHA256
        a.put("MD5", ANY.mac(Mac.MD5));
        a.put("SHA1", ANY.mac(Mac.SHA1));
        a.put("SHA", ANY.mac(Mac.SHA1));
        a.put("SHA256", ANY.mac(Mac.SHA256));
        a.put("SHA384", ANY.mac(Mac.SHA384));

        // protocol: the suite's minimum version, exactly (TLSv1.2 does not select SSLv3 suites)
        a.put("SSLv3", ANY.protocol(Protocol.SSLV3));
        a.put("TLSv1", ANY.protocol(Protocol.TLSV1));
        a.put("TLSv1.0", ANY.protocol(Protocol.TLSV1));
        a.put("TLSv1.2", ANY.protocol(Protocol.TLSV1_2));

        // strength classes
        a.put("LOW", ANY.strength(StrengthBit.LOW));
        a.put("MEDIUM", ANY.strength(StrengthBit.MEDIUM));
        a.put("HIGH", ANY.strength(StrengthBit.HIGH));
        a.put("FIPS", ANY.encryptionExcept(Encryption.NULL).strength(StrengthBit.FIPS));

        // old "EDH-" names of the DHE 3DES suites (which this OpenSSL does not have, but it knows the names)
        a.put("EDH-DSS-DES-CBC3-SHA", ANY.keyExchange(KeyExchange.DHE).authentication(Authentication.DSS)
                .encryption(Encryption.TRIPLE_DES).mac(Mac.SHA1).strength(StrengthBit.HIGH, StrengthBit.FIPS));
        a.put("EDH-RSA-DES-CBC3-SHA", ANY.keyExchange(KeyExchange.DHE).authentication(Authentication.RSA)
                .encryption(Encryption.TRIPLE_DES).mac(Mac.SHA1).strength(StrengthBit.HIGH, StrengthBit.FIPS));
        return Map.copyOf(a);
    }
}
