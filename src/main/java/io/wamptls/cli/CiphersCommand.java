package io.wamptls.cli;

import io.wamptls.tls.TlsProvider;
import io.wamptls.tls.TlsProviders;
import io.wamptls.tls.cipher.CipherString;
import io.wamptls.tls.cipher.CipherSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ciphers [-v] [--provider jdk|conscrypt] STRING}: what an OpenSSL cipher string selects, printed as
 * {@code openssl ciphers} prints it: the TLS 1.3 suites first (always on, not governed by the string), then the
 * string's TLS 1.2-and-below suites in order.
 */
@Command(name = "ciphers", description = "Expand an OpenSSL cipher string as 'openssl ciphers' does; with -v, "
        + "one line per suite and whether the TLS provider supports it.")
final class CiphersCommand implements Callable<Integer> {

    @Option(names = "-v", description = "one line per suite: protocol, key exchange, authentication, encryption, "
            + "MAC, provider support")
    boolean verbose;

    @Option(names = "--provider", paramLabel = "jdk|conscrypt",
            description = "provider whose support -v shows (default: what --tls-provider auto would use)")
    TlsProvider provider;

    @Parameters(paramLabel = "STRING", description = "an OpenSSL cipher string, e.g. 'ECDH+AESGCM:!DSS'")
    String cipherString;

    @Override
    public Integer call() {
        List<CipherSuite> tls12;
        try {
            tls12 = CipherString.expand(cipherString);
        } catch (IllegalArgumentException e) {
            System.err.println("Error in cipher list: " + e.getMessage());
            return Main.INVALID;
        }
        if (tls12.isEmpty()) {
            System.err.println("Error in cipher list: no cipher match for '" + cipherString + "'");
            return Main.INVALID;
        }
        List<CipherSuite> suites = new ArrayList<>(CipherString.TLS13_DEFAULT);
        suites.addAll(tls12);
        if (!verbose) {
            System.out.println(CipherString.format(suites, false));
            return Main.OK;
        }
        TlsProvider chosen = provider == null ? TlsProviders.autoDefault() : provider;
        for (CipherSuite suite : suites) {
            boolean supported = TlsProviders.supports(chosen, suite);
            System.out.println(suite.description() + " " + chosen.displayName() + "=" + (supported ? "yes" : "no"));
        }
        return Main.OK;
    }
}
