package io.wamptls.cli;

import io.wamptls.tls.TlsProvider;
import io.wamptls.tls.TlsProviders;
import io.wamptls.tls.cipher.CipherString;
import io.wamptls.tls.cipher.CipherSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ciphers [-v] [--provider jdk|conscrypt] STRING}: what an OpenSSL cipher string selects, printed as
 * {@code openssl ciphers} prints it: the string's TLS 1.2-and-below suites in order, colon-separated (or one line
 * each with {@code -v}). The TLS 1.3 suites OpenSSL prints first are left out: the string does not govern them, and
 * they are always on.
 */
@Command(name = "ciphers", description = "Expand an OpenSSL cipher string into its TLS 1.2-and-below suites as "
        + "'openssl ciphers' prints them; with -v, one line per suite and whether the TLS provider supports it.")
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
        if (!verbose) {
            System.out.println(CipherString.format(tls12, false));
            return Main.OK;
        }
        TlsProvider chosen = provider == null ? TlsProviders.autoDefault() : provider;
        for (CipherSuite suite : tls12) {
            boolean supported = TlsProviders.supports(chosen, suite);
            System.out.println(suite.description() + " " + chosen.displayName() + "=" + (supported ? "yes" : "no"));
        }
        return Main.OK;
    }
}
