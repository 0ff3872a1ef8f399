package io.wamptls.tls;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A client certificate described the way Crossbar/autobahn's {@code peer_cert} does (transport details):
 * fingerprints, validity, serial, signature algorithm, subject and issuer with OpenSSL's lower-cased short names,
 * and the common extensions as OpenSSL prints them.
 * <p>
 * {@code serial} is a {@link java.math.BigInteger} (autobahn gives a Python int; a JSON serializer writes a
 * number); {@code hash} is OpenSSL's subject-name hash ({@code openssl x509 -subject_hash}) as a long.
 */
public final class PeerCertificates {

    private static final DateTimeFormatter ASN1_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

    private static final Map<String, String> SIGNATURE_ALGORITHMS = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.4", "md5WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.5", "sha1WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.10", "rsassaPss"),
            Map.entry("1.2.840.113549.1.1.11", "sha256WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.12", "sha384WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.13", "sha512WithRSAEncryption"),
            Map.entry("1.2.840.10045.4.1", "ecdsa-with-SHA1"),
            Map.entry("1.2.840.10045.4.3.2", "ecdsa-with-SHA256"),
            Map.entry("1.2.840.10045.4.3.3", "ecdsa-with-SHA384"),
            Map.entry("1.2.840.10045.4.3.4", "ecdsa-with-SHA512"),
            Map.entry("1.3.101.112", "ED25519"),
            Map.entry("1.3.101.113", "ED448"));

    private static final Map<ASN1ObjectIdentifier, String> NAME_ATTRIBUTES = Map.of(
            BCStyle.CN, "cn", BCStyle.O, "o", BCStyle.OU, "ou", BCStyle.C, "c", BCStyle.ST, "st", BCStyle.L, "l",
            BCStyle.EmailAddress, "emailaddress", BCStyle.DC, "dc", BCStyle.SERIALNUMBER, "serialnumber",
            BCStyle.UID, "uid");

    private static final Map<KeyPurposeId, String> KEY_PURPOSES = Map.of(
            KeyPurposeId.id_kp_serverAuth, "TLS Web Server Authentication",
            KeyPurposeId.id_kp_clientAuth, "TLS Web Client Authentication",
            KeyPurposeId.id_kp_codeSigning, "Code Signing",
            KeyPurposeId.id_kp_emailProtection, "E-mail Protection",
            KeyPurposeId.id_kp_timeStamping, "Time Stamping",
            KeyPurposeId.id_kp_OCSPSigning, "OCSP Signing");

    private static final String[] KEY_USAGES = {"Digital Signature", "Non Repudiation", "Key Encipherment",
            "Data Encipherment", "Key Agreement", "Certificate Sign", "CRL Sign", "Encipher Only", "Decipher Only"};
    private static final int[] KEY_USAGE_BITS = {KeyUsage.digitalSignature, KeyUsage.nonRepudiation,
            KeyUsage.keyEncipherment, KeyUsage.dataEncipherment, KeyUsage.keyAgreement, KeyUsage.keyCertSign,
            KeyUsage.cRLSign, KeyUsage.encipherOnly, KeyUsage.decipherOnly};

    private PeerCertificates() {
    }

    /** The {@code peer_cert} dict (insertion-ordered) of a certificate. */
    public static Map<String, Object> describe(X509Certificate certificate) {
        return describe(certificate, Instant.now());
    }

    static Map<String, Object> describe(X509Certificate certificate, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("md5", CertificateTool.fingerprint(certificate, "MD5"));
        out.put("sha1", CertificateTool.fingerprint(certificate, "SHA-1"));
        out.put("sha256", CertificateTool.fingerprint(certificate, "SHA-256"));
        out.put("expired", now.isAfter(certificate.getNotAfter().toInstant()));
        out.put("hash", subjectNameHash(certificate));
        out.put("serial", certificate.getSerialNumber());
        out.put("signature_algorithm",
                SIGNATURE_ALGORITHMS.getOrDefault(certificate.getSigAlgOID(), certificate.getSigAlgName()));
        out.put("version", certificate.getVersion() - 1);
        out.put("not_before", ASN1_TIME.format(certificate.getNotBefore().toInstant()));
        out.put("not_after", ASN1_TIME.format(certificate.getNotAfter().toInstant()));
        out.put("extensions", extensions(certificate));
        out.put("subject", name(certificate.getSubjectX500Principal().getEncoded()));
        out.put("issuer", name(certificate.getIssuerX500Principal().getEncoded()));
        return out;
    }

    /**
     * OpenSSL's {@code X509_subject_name_hash}: SHA-1 over the canonical name (each RDN as a SET of
     * {type, UTF8String value lower-cased with whitespace collapsed}, without the outer SEQUENCE), first four bytes
     * read little-endian.
     */
    static long subjectNameHash(X509Certificate certificate) {
        try {
            ByteArrayOutputStream canonical = new ByteArrayOutputStream();
            for (RDN rdn : X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs()) {
                ASN1EncodableVector attributes = new ASN1EncodableVector();
                for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                    ASN1Encodable value = attribute.getValue();
                    if (value instanceof ASN1String text && !(value instanceof DERBitString)) {
                        value = new DERUTF8String(canonicalText(text.getString()));
                    }
                    attributes.add(new DERSequence(
                            new ASN1Encodable[]{attribute.getType(), value}));
                }
                canonical.write(new DERSet(attributes).getEncoded());
            }
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(canonical.toByteArray());
            return (digest[0] & 0xffL) | (digest[1] & 0xffL) << 8 | (digest[2] & 0xffL) << 16
                    | (digest[3] & 0xffL) << 24;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash the subject name", e);
        }
    }

    private static String canonicalText(String text) {
        StringBuilder out = new StringBuilder();
        boolean space = false;
        for (char c : text.strip().toCharArray()) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b) {
                space = true;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c < 128 ? Character.toLowerCase(c) : c);
        }
        return out.toString();
    }

    private static Map<String, String> name(byte[] encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        for (RDN rdn : X500Name.getInstance(encoded).getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                String key = NAME_ATTRIBUTES.get(attribute.getType());
                if (key == null) {
                    String display = BCStyle.INSTANCE.oidToDisplayName(attribute.getType());
                    key = display != null ? display.toLowerCase(Locale.ROOT) : attribute.getType().getId();
                }
                ASN1Encodable value = attribute.getValue();
                out.put(key, value instanceof ASN1String text ? text.getString() : value.toString());
            }
        }
        return out;
    }

    private static List<Map<String, Object>> extensions(X509Certificate certificate) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> critical = certificate.getCriticalExtensionOIDs() == null ? List.of()
                : List.copyOf(certificate.getCriticalExtensionOIDs());
        List<String> all = new ArrayList<>(critical);
        if (certificate.getNonCriticalExtensionOIDs() != null) {
            all.addAll(certificate.getNonCriticalExtensionOIDs());
        }
        all.sort(null);
        for (String oid : all) {
            byte[] wrapped = certificate.getExtensionValue(oid);
            ASN1Primitive value = parse(ASN1OctetString.getInstance(wrapped).getOctets());
            Map<String, Object> extension = new LinkedHashMap<>();
            ASN1ObjectIdentifier id = new ASN1ObjectIdentifier(oid);
            extension.put("name", extensionName(id));
            extension.put("value", extensionValue(id, value));
            extension.put("critical", critical.contains(oid));
            out.add(extension);
        }
        return out;
    }

    private static ASN1Primitive parse(byte[] der) {
        try {
            return der.length == 0 ? null : ASN1Primitive.fromByteArray(der);
        } catch (IOException e) {
            return null;
        }
    }

    private static String extensionName(ASN1ObjectIdentifier id) {
        if (id.equals(Extension.basicConstraints)) return "basicConstraints";
        if (id.equals(Extension.keyUsage)) return "keyUsage";
        if (id.equals(Extension.extendedKeyUsage)) return "extendedKeyUsage";
        if (id.equals(Extension.subjectAlternativeName)) return "subjectAltName";
        if (id.equals(Extension.subjectKeyIdentifier)) return "subjectKeyIdentifier";
        if (id.equals(Extension.authorityKeyIdentifier)) return "authorityKeyIdentifier";
        if (id.equals(Extension.cRLDistributionPoints)) return "crlDistributionPoints";
        if (id.equals(Extension.authorityInfoAccess)) return "authorityInfoAccess";
        if (id.equals(Extension.certificatePolicies)) return "certificatePolicies";
        return id.getId();
    }

    private static String extensionValue(ASN1ObjectIdentifier id, ASN1Primitive value) {
        if (value == null) {
            return "";
        }
        if (id.equals(Extension.basicConstraints)) {
            BasicConstraints constraints = BasicConstraints.getInstance(value);
            String text = constraints.isCA() ? "CA:TRUE" : "CA:FALSE";
            return constraints.getPathLenConstraint() == null ? text
                    : text + ", pathlen:" + constraints.getPathLenConstraint();
        }
        if (id.equals(Extension.keyUsage)) {
            KeyUsage usage = KeyUsage.getInstance(value);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < KEY_USAGES.length; i++) {
                if (usage.hasUsages(KEY_USAGE_BITS[i])) {
                    names.add(KEY_USAGES[i]);
                }
            }
            return String.join(", ", names);
        }
        if (id.equals(Extension.extendedKeyUsage)) {
            List<String> names = new ArrayList<>();
            for (KeyPurposeId purpose : ExtendedKeyUsage.getInstance(value).getUsages()) {
                names.add(KEY_PURPOSES.getOrDefault(purpose, purpose.getId()));
            }
            return String.join(", ", names);
        }
        if (id.equals(Extension.subjectAlternativeName)) {
            List<String> names = new ArrayList<>();
            for (GeneralName name : GeneralNames.getInstance(value).getNames()) {
                names.add(generalName(name));
            }
            return String.join(", ", names);
        }
        if (id.equals(Extension.subjectKeyIdentifier)) {
            return COLON_HEX.formatHex(SubjectKeyIdentifier.getInstance(value).getKeyIdentifier());
        }
        if (id.equals(Extension.authorityKeyIdentifier)) {
            byte[] keyId = AuthorityKeyIdentifier.getInstance(value).getKeyIdentifierOctets();
            return keyId == null ? "" : COLON_HEX.formatHex(keyId);
        }
        try {
            return COLON_HEX.formatHex(value.getEncoded());
        } catch (IOException e) {
            return "";
        }
    }

    private static String generalName(GeneralName name) {
        return switch (name.getTagNo()) {
            case GeneralName.dNSName -> "DNS:" + name.getName();
            case GeneralName.rfc822Name -> "email:" + name.getName();
            case GeneralName.uniformResourceIdentifier -> "URI:" + name.getName();
            case GeneralName.iPAddress -> "IP Address:" + ipAddress(ASN1OctetString.getInstance(name.getName()).getOctets());
            case GeneralName.directoryName -> "DirName:" + X500Name.getInstance(name.getName());
            default -> "othername:<unsupported>";
        };
    }

    private static String ipAddress(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress().toUpperCase(Locale.ROOT);
        } catch (UnknownHostException e) {
            return COLON_HEX.formatHex(address);
        }
    }
}
