package io.wamptls.tls;

import io.wamptls.config.ConfigError;
import io.wamptls.config.ConfigException;
import io.wamptls.config.TlsConfig;

import javax.crypto.spec.DHParameterSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The loaded and checked content of one {@code tls} dict: the server's private key, its chain (leaf first,
 * then intermediates, no duplicates), the CAs trusted for client certificates, and the DH parameters.
 *
 * @param privateKey          the server's key; it matches {@code chain.get(0)}
 * @param chain               the leaf from {@code certificate}, then the further certificates of that file and
 *                            of every {@code chain_certificates} file, in order, duplicates dropped
 * @param trustedCertificates every certificate of every {@code ca_certificates} file; empty means no client
 *                            certificate is requested
 * @param dhParameters        from {@code dhparam}, or null
 * @param warnings            problems that do not stop the endpoint (e.g. a certificate expiring soon)
 */
public record TlsMaterial(PrivateKey privateKey, List<X509Certificate> chain,
                          List<X509Certificate> trustedCertificates, DHParameterSpec dhParameters,
                          List<String> warnings) {

    /** A certificate expiring within this period gives a warning. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    public TlsMaterial {
        chain = List.copyOf(chain);
        trustedCertificates = List.copyOf(trustedCertificates);
        warnings = List.copyOf(warnings);
    }

    /** Reads every file of the dict and checks it; all errors of the dict are reported together. */
    public static TlsMaterial load(TlsConfig tls) throws ConfigException {
        return load(tls, Instant.now());
    }

    static TlsMaterial load(TlsConfig tls, Instant now) throws ConfigException {
        String at = tls.jsonPath();
        List<ConfigError> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        PrivateKey key = collect(errors, () -> PemFiles.readPrivateKey(tls.key(), at + ".key"));
        List<X509Certificate> certificateFile =
                collect(errors, () -> PemFiles.readCertificates(tls.certificate(), at + ".certificate"));

        List<X509Certificate> chain = new ArrayList<>();
        if (certificateFile != null) {
            addAbsent(chain, certificateFile);
            checkValidity(certificateFile.get(0), "server certificate", tls.certificate(), at + ".certificate",
                    now, errors, warnings);
            if (key != null && !matches(key, certificateFile.get(0))) {
                errors.add(new ConfigError(at + ".key", "the private key in " + tls.key()
                        + " does not match the certificate in " + tls.certificate()
                        + " (" + certificateFile.get(0).getSubjectX500Principal() + ")"));
            }
        }
        for (int i = 0; i < tls.chainCertificates().size(); i++) {
            Path file = tls.chainCertificates().get(i);
            String path = at + ".chain_certificates[" + i + "]";
            List<X509Certificate> certificates = collect(errors, () -> PemFiles.readCertificates(file, path));
            if (certificates != null) {
                for (X509Certificate certificate : certificates) {
                    checkValidity(certificate, "chain certificate", file, path, now, errors, warnings);
                }
                addAbsent(chain, certificates);
            }
        }
        if (certificateFile != null) {
            warnAboutOrder(chain, warnings);
        }

        List<X509Certificate> trusted = new ArrayList<>();
        for (int i = 0; i < tls.caCertificates().size(); i++) {
            Path file = tls.caCertificates().get(i);
            String path = at + ".ca_certificates[" + i + "]";
            List<X509Certificate> certificates = collect(errors, () -> PemFiles.readCertificates(file, path));
            if (certificates != null) {
                for (X509Certificate certificate : certificates) {
                    if (certificate.getNotAfter().toInstant().isBefore(now)) {
                        warnings.add(path + ": the CA certificate " + certificate.getSubjectX500Principal()
                                + " in " + file + " expired on " + DATE.format(certificate.getNotAfter().toInstant())
                                + "; client certificates issued by it will be refused");
                    }
                }
                addAbsent(trusted, certificates);
            }
        }

        DHParameterSpec dh = null;
        if (tls.dhparam() != null) {
            dh = collect(errors, () -> DhParameters.read(tls.dhparam(), at + ".dhparam"));
        }

        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new TlsMaterial(key, chain, trusted, dh, warnings);
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    public boolean requiresClientCertificate() {
        return !trustedCertificates.isEmpty();
    }

    /** An in-memory PKCS#12 key store holding the key and the chain under alias {@code server}. */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", privateKey, password, chain.toArray(new X509Certificate[0]));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build an in-memory PKCS12 key store", e);
        }
    }

    /** An in-memory PKCS#12 trust store of the client CAs, or null when none is configured. */
    public KeyStore trustStore() {
        if (trustedCertificates.isEmpty()) {
            return null;
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < trustedCertificates.size(); i++) {
                store.setCertificateEntry("ca-" + i, trustedCertificates.get(i));
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build an in-memory PKCS12 trust store", e);
        }
    }

    /** Whether the key belongs to the certificate: a signature made with the key verifies with the certificate. */
    static boolean matches(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        try {
            byte[] data = new byte[32];
            new SecureRandom().nextBytes(data);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(data);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static void checkValidity(X509Certificate certificate, String what, Path file, String path, Instant now,
                                      List<ConfigError> errors, List<String> warnings) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        String subject = certificate.getSubjectX500Principal().toString();
        if (now.isBefore(notBefore)) {
            errors.add(new ConfigError(path, "the " + what + " " + subject + " in " + file
                    + " is not yet valid: valid from " + DATE.format(notBefore) + " to " + DATE.format(notAfter)));
        } else if (now.isAfter(notAfter)) {
            errors.add(new ConfigError(path, "the " + what + " " + subject + " in " + file
                    + " has expired: valid from " + DATE.format(notBefore) + " to " + DATE.format(notAfter)));
        } else if (now.plus(EXPIRY_WARNING).isAfter(notAfter)) {
            long days = Duration.between(now, notAfter).toDays();
            warnings.add(path + ": the " + what + " " + subject + " in " + file + " expires in " + days
                    + " days, on " + DATE.format(notAfter));
        }
    }

    private static void warnAboutOrder(List<X509Certificate> chain, List<String> warnings) {
        for (int i = 0; i + 1 < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            X509Certificate next = chain.get(i + 1);
            if (!certificate.getIssuerX500Principal().equals(next.getSubjectX500Principal())) {
                warnings.add("certificate chain: " + certificate.getSubjectX500Principal() + " is issued by "
                        + certificate.getIssuerX500Principal() + ", but the next certificate is "
                        + next.getSubjectX500Principal() + "; clients expect leaf, then its issuer, and so on");
            }
        }
    }

    private static void addAbsent(List<X509Certificate> target, List<X509Certificate> certificates) {
        for (X509Certificate certificate : certificates) {
            if (target.stream().noneMatch(present -> sameEncoding(present, certificate))) {
                target.add(certificate);
            }
        }
    }

    private static boolean sameEncoding(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    private interface Loader<T> {
        T load() throws ConfigException;
    }

    private static <T> T collect(List<ConfigError> errors, Loader<T> loader) {
        try {
            return loader.load();
        } catch (ConfigException e) {
            errors.addAll(e.errors());
            return null;
        }
    }
}
