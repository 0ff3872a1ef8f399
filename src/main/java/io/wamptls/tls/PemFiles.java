package io.wamptls.tls;

import io.wamptls.config.ConfigException;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

import javax.crypto.spec.DHParameterSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the PEM files a {@code tls} dict names: certificates, unencrypted private keys (PKCS#8, PKCS#1,
 * SEC1) and PKCS#3 DH parameters. Every failure is a {@link ConfigException} carrying the JSON path of the
 * config entry that names the file, and a message that says which file and what format was expected.
 * <p>
 * BouncyCastle parses the PEM; its provider is never registered, so the keys are the JDK's own classes.
 */
public final class PemFiles {

    private static final Set<String> KEY_TYPES = Set.of("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY");
    private static final String ENCRYPTED_PKCS8 = "ENCRYPTED PRIVATE KEY";

    private PemFiles() {
    }

    /** Every certificate in a PEM file, in file order (e.g. a leaf followed by its intermediates). */
    public static List<X509Certificate> readCertificates(Path file, String jsonPath) throws ConfigException {
        List<PemObject> blocks = readBlocks(file, jsonPath);
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory factory = x509Factory();
        for (PemObject block : blocks) {
            if (!block.getType().equals("CERTIFICATE")) {
                continue;
            }
            try {
                certificates.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(block.getContent())));
            } catch (CertificateException e) {
                throw new ConfigException(jsonPath, "cannot parse certificate #" + (certificates.size() + 1)
                        + " in " + file + ": " + e.getMessage());
            }
        }
        if (certificates.isEmpty()) {
            throw new ConfigException(jsonPath, "no PEM certificate found in " + file
                    + " (expected a -----BEGIN CERTIFICATE----- block" + found(blocks) + ")");
        }
        return certificates;
    }

    /** The first private key in a PEM file: PKCS#8, PKCS#1 or SEC1, unencrypted. */
    public static PrivateKey readPrivateKey(Path file, String jsonPath) throws ConfigException {
        List<PemObject> blocks = readBlocks(file, jsonPath);
        for (PemObject block : blocks) {
            if (block.getType().equals(ENCRYPTED_PKCS8)) {
                throw encrypted(file, jsonPath);
            }
            if (KEY_TYPES.contains(block.getType())) {
                return convertKey(block, file, jsonPath);
            }
        }
        throw new ConfigException(jsonPath, "expected a private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)"
                + " in " + file + found(blocks));
    }

    /** PKCS#3 Diffie-Hellman parameters, as {@code openssl dhparam} writes them. */
    public static DHParameterSpec readDhParameters(Path file, String jsonPath) throws ConfigException {
        List<PemObject> blocks = readBlocks(file, jsonPath);
        for (PemObject block : blocks) {
            if (block.getType().equals("DH PARAMETERS")) {
                try {
                    AlgorithmParameters parameters = AlgorithmParameters.getInstance("DH");
                    parameters.init(block.getContent());
                    return parameters.getParameterSpec(DHParameterSpec.class);
                } catch (GeneralSecurityException | IOException e) {
                    throw new ConfigException(jsonPath, "cannot parse the DH PARAMETERS in " + file + ": "
                            + e.getMessage());
                }
            }
        }
        throw new ConfigException(jsonPath, "expected PKCS#3 Diffie-Hellman parameters (-----BEGIN DH PARAMETERS-----,"
                + " as written by `openssl dhparam 2048`) in " + file + found(blocks));
    }

    private static PrivateKey convertKey(PemObject block, Path file, String jsonPath) throws ConfigException {
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(toPem(block)))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(jsonPath, "cannot parse the " + block.getType() + " in " + file + ": "
                    + e.getMessage());
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (parsed instanceof PEMEncryptedKeyPair || parsed instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw encrypted(file, jsonPath);
            }
            if (parsed instanceof PEMKeyPair pair) {
                // SEC1 keys may leave out the optional public key (e.g. `openssl pkey -traditional` of a JDK key)
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (parsed instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(jsonPath, "cannot use the " + block.getType() + " in " + file + ": "
                    + e.getMessage() + " (supported: RSA and EC keys)");
        }
        throw new ConfigException(jsonPath, "unexpected content in the " + block.getType() + " block of " + file);
    }

    private static ConfigException encrypted(Path file, String jsonPath) {
        return new ConfigException(jsonPath, "the private key in " + file + " is protected by a passphrase;"
                + " the seed requires an unencrypted key: decrypt it with `openssl pkey -in " + file
                + " -out " + file + ".unencrypted`");
    }

    /** All PEM blocks of a file; missing, unreadable, empty and non-PEM files are errors. */
    private static List<PemObject> readBlocks(Path file, String jsonPath) throws ConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(jsonPath, "file not found: " + file);
        } catch (AccessDeniedException e) {
            throw new ConfigException(jsonPath, "cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw new ConfigException(jsonPath, "cannot read " + file + ": " + e);
        }
        if (bytes.length == 0 || new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new ConfigException(jsonPath, "file is empty: " + file + " (expected PEM)");
        }
        List<PemObject> blocks = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)))) {
            for (PemObject block = reader.readPemObject(); block != null; block = reader.readPemObject()) {
                blocks.add(block);
            }
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(jsonPath, "malformed PEM in " + file + ": " + e.getMessage());
        }
        if (blocks.isEmpty() && bytes[0] == 0x30) {
            throw new ConfigException(jsonPath, "no PEM block in " + file + ": it looks like binary DER;"
                    + " expected PEM (convert with `openssl x509 -inform der` or `openssl pkey -inform der`)");
        }
        return blocks;
    }

    private static String found(List<PemObject> blocks) {
        if (blocks.isEmpty()) {
            return ", but the file holds no PEM block";
        }
        return ", found only " + blocks.stream().map(PemObject::getType).distinct().toList();
    }

    private static String toPem(PemObject block) throws IOException {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(block);
        }
        return out.toString();
    }

    private static CertificateFactory x509Factory() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
        }
    }
}
