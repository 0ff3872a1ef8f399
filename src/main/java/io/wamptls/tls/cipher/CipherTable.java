package io.wamptls.tls.cipher;

import io.wamptls.tls.cipher.CipherSuite.Authentication;
import io.wamptls.tls.cipher.CipherSuite.Encryption;
import io.wamptls.tls.cipher.CipherSuite.KeyExchange;
import io.wamptls.tls.cipher.CipherSuite.Mac;
import io.wamptls.tls.cipher.CipherSuite.Protocol;
import io.wamptls.tls.cipher.CipherSuite.Strength;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every cipher suite OpenSSL 3.0 knows, loaded from {@code openssl-ciphers.tsv}. */
final class CipherTable {
    private static final String RESOURCE = "openssl-ciphers.tsv";

    private static final CipherTable INSTANCE = load();

    private final Map<String, CipherSuite> byOpenSslName;

    private CipherTable(List<CipherSuite> suites) {
        Map<String, CipherSuite> names = new LinkedHashMap<>();
        for (CipherSuite suite : suites) {
            names.put(suite.openSslName(), suite);
        }
        this.byOpenSslName = Map.copyOf(names);
    }

    static CipherTable instance() {
        return INSTANCE;
    }

    Optional<CipherSuite> byOpenSslName(String name) {
        return Optional.ofNullable(byOpenSslName.get(name));
    }

    /** All suites, TLS 1.3 ones included, in no particular order. */
    List<CipherSuite> all() {
        return List.copyOf(byOpenSslName.values());
    }

    /**
     * The TLS 1.0-1.2 suites in the order OpenSSL starts from: descending id (OpenSSL keeps its table
     * sorted by id and hands it out from the last entry to the first).
     */
    List<CipherSuite> tls12SuitesByDescendingId() {
        return byOpenSslName.values().stream()
                .filter(suite -> !suite.isTls13())
                .sorted(Comparator.comparingInt(CipherSuite::id).reversed())
                .toList();
    }

    private static CipherTable load() {
        try (InputStream in = CipherTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<CipherSuite> suites = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    suites.add(parseLine(line));
                }
            }
            return new CipherTable(suites);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code id, openssl name, iana name, protocol, kx, au, enc, mac, strength bits, flags}. */
    private static CipherSuite parseLine(String line) {
        String[] f = line.split("\t");
        if (f.length != 10) {
            throw new IllegalStateException(RESOURCE + ": bad line: " + line);
        }
        Set<String> flags = Set.of(f[9].split(","));
        Strength strength = flags.contains("HIGH") ? Strength.HIGH
                : flags.contains("MEDIUM") ? Strength.MEDIUM
                : flags.contains("LOW") ? Strength.LOW
                : Strength.NONE;
        return new CipherSuite(f[1], f[2], Integer.decode(f[0]), Protocol.ofLabel(f[3]),
                KeyExchange.ofLabel(f[4]), Authentication.ofLabel(f[5]), Encryption.ofLabel(f[6]),
                Mac.ofLabel(f[7]), Integer.parseInt(f[8]), strength, flags.contains("FIPS"),
                flags.contains("NOT_DEFAULT"));
    }
}
