package io.wamptls.tls.cipher;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * One cipher suite as OpenSSL 3.0 knows it (see {@code openssl-ciphers.tsv}). The GOST suites, which
 * OpenSSL only offers with a GOST engine or provider loaded, are not modelled.
 *
 * @param openSslName    e.g. {@code ECDHE-RSA-AES128-GCM-SHA256}
 * @param ianaName       the IANA / JSSE name, e.g. {@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}
 * @param id             the two-byte IANA code point, e.g. {@code 0xC02F}
 * @param protocol       the minimum protocol version OpenSSL assigns to the suite
 * @param keyExchange    {@code Kx=} in {@code openssl ciphers -v}
 * @param authentication {@code Au=}
 * @param encryption     {@code Enc=}
 * @param mac            {@code Mac=}
 * @param strengthBits   the effective symmetric strength OpenSSL sorts by in {@code @STRENGTH}
 * @param strength       the OpenSSL strength class ({@code HIGH}, {@code MEDIUM}, {@code LOW}; NONE for eNULL)
 * @param fips           selected by the {@code FIPS} alias
 * @param notDefault     selected by {@code COMPLEMENTOFDEFAULT}, so not in {@code DEFAULT}
 */
public record CipherSuite(String openSslName, String ianaName, int id, Protocol protocol,
                          KeyExchange keyExchange, Authentication authentication, Encryption encryption,
                          Mac mac, int strengthBits, Strength strength, boolean fips, boolean notDefault) {

    public boolean isTls13() {
        return protocol == Protocol.TLSV1_3;
    }

    /** The line {@code openssl ciphers -v} prints for this suite, without the line end. */
    public String description() {
        return String.format(Locale.ROOT, "%-30s %-7s Kx=%-8s Au=%-5s Enc=%-22s Mac=%-4s",
                openSslName, protocol.label(), keyExchange.label(), authentication.label(),
                encryption.label(), mac.label());
    }

    @Override
    public String toString() {
        return openSslName;
    }

    public enum Protocol {
        SSLV3("SSLv3"), TLSV1("TLSv1"), TLSV1_2("TLSv1.2"), TLSV1_3("TLSv1.3");

        private final String label;

        Protocol(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Protocol ofLabel(String label) {
            return Labels.find(values(), label, Protocol::label);
        }
    }

    public enum KeyExchange {
        RSA("RSA"), DHE("DH"), ECDHE("ECDH"), PSK("PSK"), RSA_PSK("RSAPSK"), DHE_PSK("DHEPSK"),
        ECDHE_PSK("ECDHEPSK"), SRP("SRP"),
        /** TLS 1.3: negotiated independently of the suite. */
        ANY("any");

        private final String label;

        KeyExchange(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static KeyExchange ofLabel(String label) {
            return Labels.find(values(), label, KeyExchange::label);
        }
    }

    public enum Authentication {
        RSA("RSA"), DSS("DSS"), ECDSA("ECDSA"), PSK("PSK"), SRP("SRP"),
        /** Anonymous (aNULL). */
        NULL("None"),
        /** TLS 1.3: negotiated independently of the suite. */
        ANY("any");

        private final String label;

        Authentication(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Authentication ofLabel(String label) {
            return Labels.find(values(), label, Authentication::label);
        }
    }

    public enum Encryption {
        DES("DES(56)"), TRIPLE_DES("3DES(168)"), RC4("RC4(128)"), RC2("RC2(128)"), IDEA("IDEA(128)"),
        SEED("SEED(128)"), NULL("None"),
        AES128("AES(128)"), AES256("AES(256)"), AES128_GCM("AESGCM(128)"), AES256_GCM("AESGCM(256)"),
        AES128_CCM("AESCCM(128)"), AES256_CCM("AESCCM(256)"), AES128_CCM8("AESCCM8(128)"),
        AES256_CCM8("AESCCM8(256)"), CAMELLIA128("Camellia(128)"), CAMELLIA256("Camellia(256)"),
        ARIA128_GCM("ARIAGCM(128)"), ARIA256_GCM("ARIAGCM(256)"), CHACHA20_POLY1305("CHACHA20/POLY1305(256)");

        private final String label;

        Encryption(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Encryption ofLabel(String label) {
            return Labels.find(values(), label, Encryption::label);
        }
    }

    public enum Mac {
        MD5("MD5"), SHA1("SHA1"), SHA256("SHA256"), SHA384("SHA384"), AEAD("AEAD");

        private final String label;

        Mac(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Mac ofLabel(String label) {
            return Labels.find(values(), label, Mac::label);
        }
    }

    /** OpenSSL's strength classes; NONE is what eNULL suites carry. */
    public enum Strength {
        NONE, LOW, MEDIUM, HIGH
    }

    private static final class Labels {
        static <E> E find(E[] values, String label, Function<E, String> labelOf) {
            return Arrays.stream(values).filter(v -> labelOf.apply(v).equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown label " + label));
        }
    }
}
