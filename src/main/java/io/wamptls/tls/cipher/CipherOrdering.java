package io.wamptls.tls.cipher;

import io.wamptls.tls.cipher.CipherRule.Operation;
import io.wamptls.tls.cipher.CipherSuite.Authentication;
import io.wamptls.tls.cipher.CipherSuite.Encryption;
import io.wamptls.tls.cipher.CipherSuite.KeyExchange;
import io.wamptls.tls.cipher.CipherSuite.Mac;
import io.wamptls.tls.cipher.CipherSuite.Protocol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The working list OpenSSL evaluates a cipher string on: every known suite, each either in the result
 * ("active") or not, in one order that also remembers where inactive suites would be re-added. Every
 * operation is a stable partition: the affected suites keep their relative order.
 */
final class CipherOrdering {

    private static final class Entry {
        final CipherSuite suite;
        boolean active;

        Entry(CipherSuite suite) {
            this.suite = suite;
        }
    }

    private List<Entry> entries = new ArrayList<>();

    private CipherOrdering(List<CipherSuite> suites) {
        suites.forEach(suite -> entries.add(new Entry(suite)));
    }

    /**
     * All suites inactive, in OpenSSL's preference order (ssl_create_cipher_list), which is what
     * {@code ALL} and the other aliases add in.
     */
    static CipherOrdering inPreferenceOrder(List<CipherSuite> suitesByDescendingId) {
        CipherOrdering list = new CipherOrdering(suitesByDescendingId);
        CipherPattern any = CipherPattern.ANY;
        // ECDHE first, ECDSA before RSA
        list.apply(Operation.ADD, any.keyExchange(KeyExchange.ECDHE).authentication(Authentication.ECDSA));
        list.apply(Operation.ADD, any.keyExchange(KeyExchange.ECDHE));
        list.apply(Operation.DELETE, any.keyExchange(KeyExchange.ECDHE));
        // then AES-GCM, ChaCha20, other AES, then everything else
        list.apply(Operation.ADD, any.encryption(Encryption.AES128_GCM, Encryption.AES256_GCM));
        list.apply(Operation.ADD, any.encryption(Encryption.CHACHA20_POLY1305));
        list.apply(Operation.ADD, any.encryption(Encryption.AES128, Encryption.AES256, Encryption.AES128_CCM,
                Encryption.AES256_CCM, Encryption.AES128_CCM8, Encryption.AES256_CCM8));
        list.apply(Operation.ADD, any);
        // demote MD5, anonymous, static RSA, plain PSK and RC4, in that order
        list.apply(Operation.MOVE_TO_END, any.mac(Mac.MD5));
        list.apply(Operation.MOVE_TO_END, any.authentication(Authentication.NULL));
        list.apply(Operation.MOVE_TO_END, any.keyExchange(KeyExchange.RSA));
        list.apply(Operation.MOVE_TO_END, any.keyExchange(KeyExchange.PSK));
        list.apply(Operation.MOVE_TO_END, any.encryption(Encryption.RC4));
        list.sortByStrength();
        // then, overriding strength, bump to the front (so in reverse order of preference):
        // TLS 1.2 suites, AEAD, forward secrecy, forward secrecy with AEAD
        list.bumpToFront(any.protocol(Protocol.TLSV1_2));
        list.bumpToFront(any.mac(Mac.AEAD));
        list.bumpToFront(any.keyExchange(KeyExchange.DHE, KeyExchange.ECDHE));
        list.bumpToFront(any.keyExchange(KeyExchange.DHE, KeyExchange.ECDHE).mac(Mac.AEAD));
        // start empty, keeping that order
        list.apply(Operation.DELETE, any);
        return list;
    }

    void apply(CipherRule rule) {
        if (rule instanceof CipherRule.Select select) {
            apply(select.operation(), select.pattern());
        } else if (rule instanceof CipherRule.SortByStrength) {
            sortByStrength();
        }
        // SecurityLevel does not change the list
    }

    void apply(Operation operation, CipherPattern pattern) {
        switch (operation) {
            case ADD -> {
                // newly added suites go to the end; suites already active stay where they are
                List<Entry> added = moveToEnd(e -> !e.active && pattern.matches(e.suite));
                added.forEach(e -> e.active = true);
            }
            case MOVE_TO_END -> moveToEnd(e -> e.active && pattern.matches(e.suite));
            case DELETE -> {
                // deleted suites go to the front, so that a later ADD re-adds them in their old order
                List<Entry> deleted = moveToFront(e -> e.active && pattern.matches(e.suite));
                deleted.forEach(e -> e.active = false);
            }
            case KILL -> entries.removeIf(e -> pattern.matches(e.suite));
        }
    }

    /** OpenSSL's only-internal "bump": move active matching suites to the front. */
    private void bumpToFront(CipherPattern pattern) {
        moveToFront(e -> e.active && pattern.matches(e.suite));
    }

    /** {@code @STRENGTH}: move active suites to the end by descending strength bits, i.e. a stable sort. */
    void sortByStrength() {
        List<Integer> strengths = entries.stream().filter(e -> e.active).map(e -> e.suite.strengthBits())
                .distinct().sorted(Comparator.reverseOrder()).toList();
        for (int bits : strengths) {
            moveToEnd(e -> e.active && e.suite.strengthBits() == bits);
        }
    }

    List<CipherSuite> activeSuites() {
        return entries.stream().filter(e -> e.active).map(e -> e.suite).toList();
    }

    private List<Entry> moveToEnd(Predicate<Entry> selected) {
        List<Entry> moved = entries.stream().filter(selected).toList();
        List<Entry> reordered = new ArrayList<>(entries.stream().filter(selected.negate()).toList());
        reordered.addAll(moved);
        entries = reordered;
        return moved;
    }

    private List<Entry> moveToFront(Predicate<Entry> selected) {
        List<Entry> moved = entries.stream().filter(selected).toList();
        List<Entry> reordered = new ArrayList<>(moved);
        reordered.addAll(entries.stream().filter(selected.negate()).toList());
        entries = reordered;
        return moved;
    }
}
