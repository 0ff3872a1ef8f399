package io.wamptls.tls;

import io.wamptls.config.ConfigException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Creates keys and certificates with BouncyCastle, for the seed's three options: a self-signed server
 * certificate; an own CA; server and client certificates signed by that CA. Keys are written as PKCS#8 PEM
 * (mode 0600), certificates as PEM, each file atomically.
 */
public final class CertificateTool {

    /** The key algorithm of a new certificate. */
    public enum KeyType { RSA_2048, EC_P256 }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Backdating absorbs small clock differences between machines. */
    private static final Duration BACKDATE = Duration.ofMinutes(5);

    private CertificateTool() {
    }

    /** A private key and its certificate. */
    public record Issued(PrivateKey privateKey, X509Certificate certificate) {

        /** The SHA-1 fingerprint as Crossbar's {@code certificate-sha1} wants it: {@code AB:CD:...}. */
        public String sha1Fingerprint() {
            return fingerprint(certificate, "SHA-1");
        }

        /** Writes the key (PKCS#8, 0600) and the certificate (PEM), each atomically. */
        public void write(Path keyFile, Path certificateFile) throws IOException {
            write(keyFile, certificateFile, List.of());
        }

        /** Like {@link #write(Path, Path)}, with {@code intermediates} after the certificate in its file. */
        public void write(Path keyFile, Path certificateFile, List<X509Certificate> intermediates)
                throws IOException {
            StringBuilder certificates = new StringBuilder(certificatePem(certificate));
            intermediates.forEach(intermediate -> certificates.append(certificatePem(intermediate)));
            AtomicFiles.write(keyFile, privateKeyPem(privateKey), true);
            AtomicFiles.write(certificateFile, certificates.toString(), false);
        }

        /** Reads a key and certificate pair, e.g. an existing CA to sign with. */
        public static Issued read(Path keyFile, Path certificateFile) throws ConfigException {
            PrivateKey key = PemFiles.readPrivateKey(keyFile, "key");
            X509Certificate certificate = PemFiles.readCertificates(certificateFile, "certificate").get(0);
            if (!TlsMaterial.matches(key, certificate)) {
                throw new ConfigException("key", "the private key in " + keyFile
                        + " does not match the certificate in " + certificateFile);
            }
            return new Issued(key, certificate);
        }
    }

    /** Option 1: a self-signed server certificate for these host names and IP addresses. */
    public static Issued selfSignedServer(String commonName, List<String> hostNames, KeyType keyType,
                                          Duration validity) {
        Instant now = Instant.now();
        return issue(null, newKeyPair(keyType), commonName, Profile.SERVER, hostNames, now.minus(BACKDATE),
                now.plus(validity));
    }

    /** Option 2: a certificate authority (self-signed root). */
    public static Issued certificateAuthority(String commonName, KeyType keyType, Duration validity) {
        Instant now = Instant.now();
        return issue(null, newKeyPair(keyType), commonName, Profile.CA, List.of(), now.minus(BACKDATE),
                now.plus(validity));
    }

    /** An intermediate CA signed by {@code issuer}. */
    public static Issued intermediateAuthority(Issued issuer, String commonName, KeyType keyType,
                                               Duration validity) {
        Instant now = Instant.now();
        return issue(issuer, newKeyPair(keyType), commonName, Profile.CA, List.of(), now.minus(BACKDATE),
                now.plus(validity));
    }

    /** Option 3a: a server certificate (serverAuth, SANs from {@code hostNames}) signed by {@code ca}. */
    public static Issued server(Issued ca, String commonName, List<String> hostNames, KeyType keyType,
                                Duration validity) {
        Instant now = Instant.now();
        return issue(ca, newKeyPair(keyType), commonName, Profile.SERVER, hostNames, now.minus(BACKDATE),
                now.plus(validity));
    }

    /** Option 3b: a client certificate (clientAuth) signed by {@code ca}. */
    public static Issued client(Issued ca, String commonName, KeyType keyType, Duration validity) {
        Instant now = Instant.now();
        return issue(ca, newKeyPair(keyType), commonName, Profile.CLIENT, List.of(), now.minus(BACKDATE),
                now.plus(validity));
    }

    /** What a certificate is for. */
    enum Profile { CA, SERVER, CLIENT }

    /**
     * The general form: {@code issuer} null means self-signed; explicit validity (tests use past and future dates).
     */
    static Issued issue(Issued issuer, KeyPair keyPair, String commonName, Profile profile, List<String> hostNames,
                        Instant notBefore, Instant notAfter) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
        X500Name issuerName = issuer == null ? subject
                : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        PrivateKey signingKey = issuer == null ? keyPair.getPrivate() : issuer.privateKey();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(159, RANDOM).add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter),
                    subject, keyPair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
            if (issuer != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(issuer.certificate()));
            }
            addProfile(builder, profile, hostNames);
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(signatureAlgorithm(signingKey)).build(signingKey)));
            return new Issued(keyPair.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot create the certificate for CN=" + commonName, e);
        }
    }

    private static void addProfile(X509v3CertificateBuilder builder, Profile profile, List<String> hostNames)
            throws CertIOException {
        switch (profile) {
            case CA -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            }
            case SERVER -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                if (!hostNames.isEmpty()) {
                    builder.addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames(hostNames));
                }
            }
            case CLIENT -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            }
        }
    }

    private static GeneralNames subjectAlternativeNames(List<String> hostNames) {
        List<GeneralName> names = new ArrayList<>();
        for (String name : hostNames) {
            boolean ip = IPV4.matcher(name).matches() || name.contains(":");
            names.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        return new GeneralNames(names.toArray(new GeneralName[0]));
    }

    static KeyPair newKeyPair(KeyType keyType) {
        try {
            if (keyType == KeyType.EC_P256) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + keyType + " key", e);
        }
    }

    private static String signatureAlgorithm(PrivateKey key) {
        return key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    }

    /** Uppercase hex with colons, e.g. {@code B6:E5:...}, of the DER certificate. */
    public static String fingerprint(X509Certificate certificate, String digest) {
        try {
            byte[] hash = MessageDigest.getInstance(digest).digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute the " + digest + " fingerprint", e);
        }
    }

    /** PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
    public static String privateKeyPem(PrivateKey key) {
        return pem(writer -> writer.writeObject(new JcaPKCS8Generator(key, null)));
    }

    public static String certificatePem(X509Certificate certificate) {
        return pem(writer -> writer.writeObject(certificate));
    }

    private interface PemBody {
        void write(JcaPEMWriter writer) throws IOException;
    }

    private static String pem(PemBody body) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            body.write(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
