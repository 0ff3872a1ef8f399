package io.wamptls.tls.cipher;

import io.wamptls.tls.cipher.CipherSuite.Authentication;
import io.wamptls.tls.cipher.CipherSuite.Encryption;
import io.wamptls.tls.cipher.CipherSuite.KeyExchange;
import io.wamptls.tls.cipher.CipherSuite.Mac;
import io.wamptls.tls.cipher.CipherSuite.Protocol;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What one cipher-string item selects: a cipher name, an alias, or several joined with {@code +}.
 * A null set means "any value"; a non-null set means "one of these".
 *
 * @param cipherId        only the suite with this id, or null for any suite
 * @param keyExchanges    allowed key exchanges
 * @param authentications allowed authentications
 * @param encryptions     allowed ciphers
 * @param macs            allowed MACs
 * @param protocol        only suites whose minimum protocol is exactly this one, or null
 * @param strengths       the suite's strength class or FIPS flag must be one of these
 * @param notDefault      only suites in COMPLEMENTOFDEFAULT
 */
record CipherPattern(Integer cipherId, Set<KeyExchange> keyExchanges, Set<Authentication> authentications,
                     Set<Encryption> encryptions, Set<Mac> macs, Protocol protocol,
                     Set<StrengthBit> strengths, boolean notDefault) {

    /** OpenSSL keeps the strength class and the FIPS flag in one bit mask; an alias matches on any shared bit. */
    enum StrengthBit {
        NONE, LOW, MEDIUM, HIGH, FIPS;

        static Set<StrengthBit> of(CipherSuite suite) {
            Set<StrengthBit> bits = EnumSet.of(valueOf(suite.strength().name()));
            if (suite.fips()) {
                bits.add(FIPS);
            }
            return bits;
        }
    }

    static final CipherPattern ANY = new CipherPattern(null, null, null, null, null, null, null, false);

    /**
     * A cipher name used as a pattern: its id plus all its algorithms, so that joining it with an alias
     * ({@code AES128-SHA+kRSA}) narrows like OpenSSL does. Its protocol is deliberately not part of it.
     */
    static CipherPattern of(CipherSuite suite) {
        return new CipherPattern(suite.id(), Set.of(suite.keyExchange()), Set.of(suite.authentication()),
                Set.of(suite.encryption()), Set.of(suite.mac()), null, StrengthBit.of(suite), suite.notDefault());
    }

    CipherPattern keyExchange(KeyExchange first, KeyExchange... rest) {
        return new CipherPattern(cipherId, EnumSet.of(first, rest), authentications, encryptions, macs,
                protocol, strengths, notDefault);
    }

    CipherPattern authentication(Authentication first, Authentication... rest) {
        return new CipherPattern(cipherId, keyExchanges, EnumSet.of(first, rest), encryptions, macs,
                protocol, strengths, notDefault);
    }

    CipherPattern authenticationExcept(Authentication excluded) {
        return new CipherPattern(cipherId, keyExchanges, EnumSet.complementOf(EnumSet.of(excluded)),
                encryptions, macs, protocol, strengths, notDefault);
    }

    CipherPattern encryption(Encryption first, Encryption... rest) {
        return new CipherPattern(cipherId, keyExchanges, authentications, EnumSet.of(first, rest), macs,
                protocol, strengths, notDefault);
    }

    CipherPattern encryptionExcept(Encryption excluded) {
        return new CipherPattern(cipherId, keyExchanges, authentications,
                EnumSet.complementOf(EnumSet.of(excluded)), macs, protocol, strengths, notDefault);
    }

    CipherPattern mac(Mac first, Mac... rest) {
        return new CipherPattern(cipherId, keyExchanges, authentications, encryptions, EnumSet.of(first, rest),
                protocol, strengths, notDefault);
    }

    CipherPattern protocol(Protocol exactly) {
        return new CipherPattern(cipherId, keyExchanges, authentications, encryptions, macs, exactly,
                strengths, notDefault);
    }

    CipherPattern strength(StrengthBit first, StrengthBit... rest) {
        return new CipherPattern(cipherId, keyExchanges, authentications, encryptions, macs, protocol,
                EnumSet.of(first, rest), notDefault);
    }

    CipherPattern onlyNotDefault() {
        return new CipherPattern(cipherId, keyExchanges, authentications, encryptions, macs, protocol,
                strengths, true);
    }

    /**
     * {@code this+next}: every category narrows to the intersection. As in OpenSSL, an intersection that
     * becomes empty (e.g. {@code kRSA+kECDHE}) voids the whole item rather than matching nothing; and
     * only the last part's cipher id counts (OpenSSL resets it for every part).
     */
    Optional<CipherPattern> and(CipherPattern next) {
        Set<KeyExchange> kx = intersect(keyExchanges, next.keyExchanges);
        Set<Authentication> au = intersect(authentications, next.authentications);
        Set<Encryption> enc = intersect(encryptions, next.encryptions);
        Set<Mac> mac = intersect(macs, next.macs);
        Set<StrengthBit> strength = intersect(strengths, next.strengths);
        if (isEmpty(kx) || isEmpty(au) || isEmpty(enc) || isEmpty(mac) || isEmpty(strength)) {
            return Optional.empty();
        }
        if (protocol != null && next.protocol != null && protocol != next.protocol) {
            return Optional.empty();
        }
        // OpenSSL quirk: the first part that brings a strength class (HIGH, FIPS, any cipher name) overwrites
        // the whole strength mask, dropping a COMPLEMENTOFDEFAULT that came before it; so
        // COMPLEMENTOFDEFAULT+HIGH means HIGH, while HIGH+COMPLEMENTOFDEFAULT means both.
        boolean overwritesNotDefault = strengths == null && next.strengths != null;
        boolean onlyNotDefault = (notDefault && !overwritesNotDefault) || next.notDefault;
        return Optional.of(new CipherPattern(next.cipherId, kx, au, enc, mac,
                next.protocol != null ? next.protocol : protocol, strength, onlyNotDefault));
    }

    boolean matches(CipherSuite suite) {
        return (cipherId == null || cipherId == suite.id())
                && (keyExchanges == null || keyExchanges.contains(suite.keyExchange()))
                && (authentications == null || authentications.contains(suite.authentication()))
                && (encryptions == null || encryptions.contains(suite.encryption()))
                && (macs == null || macs.contains(suite.mac()))
                && (protocol == null || protocol == suite.protocol())
                && (strengths == null || !Collections.disjoint(strengths, StrengthBit.of(suite)))
                && (!notDefault || suite.notDefault());
    }

    private static <E> Set<E> intersect(Set<E> a, Set<E> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Set<E> both = new HashSet<>(a);
        both.retainAll(b);
        return Set.copyOf(both);
    }

    private static boolean isEmpty(Set<?> set) {
        return set != null && set.isEmpty();
    }
}
