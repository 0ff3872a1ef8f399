package io.wamptls.tls;

import io.wamptls.config.ConfigException;
import io.wamptls.config.TlsConfig;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.security.Security;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The one place that turns a {@code tls} dict into a Jetty {@link SslContextFactory.Server}:
 * <ul>
 *   <li>key and chain in an in-memory PKCS#12 key store;</li>
 *   <li>{@code ca_certificates} → trust store and a <em>required</em> client certificate (Crossbar has no
 *       optional mode);</li>
 *   <li>TLS 1.3 and TLS 1.2 only;</li>
 *   <li>TLS 1.2 suites from {@code ciphers} (default: the seed's six), in that order, server preference; TLS 1.3
 *       suites always on; suites the provider lacks skipped; DHE only with {@code dhparam};</li>
 *   <li>the JSSE provider given (see {@link TlsProviders#choose}).</li>
 * </ul>
 * Call {@link JvmTlsSettings#applyJvmWideSettings} before the first factory starts, so the DH group applies.
 */
public final class TlsContextFactory {

    public static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private static final Logger LOG = LoggerFactory.getLogger(TlsContextFactory.class);
    private static final String[] EXCLUDED_PROTOCOLS = {"SSL", "SSLv2", "SSLv2Hello", "SSLv3", "TLSv1", "TLSv1.1"};

    private TlsContextFactory() {
    }

    /** Loads and checks the files of the dict, then configures a factory (unstarted). */
    public static SslContextFactory.Server create(TlsConfig tls, TlsProvider provider) throws ConfigException {
        return create(tls, TlsMaterial.load(tls), provider);
    }

    /** Configures a factory (unstarted) from material already loaded from {@code tls}. */
    public static SslContextFactory.Server create(TlsConfig tls, TlsMaterial material, TlsProvider provider)
            throws ConfigException {
        return create(tls, material, new TlsProviders.Choice(provider, "given"));
    }

    /** Configures a factory (unstarted); the start log names the provider and why it was chosen. */
    public static SslContextFactory.Server create(TlsConfig tls, TlsMaterial material, TlsProviders.Choice choice)
            throws ConfigException {
        TlsProvider provider = choice.provider();
        CipherSelection ciphers = cipherSelection(tls, material, provider);
        log(tls, material, choice, ciphers);

        String providerName = TlsProviders.jsseProviderName(provider);
        SslContextFactory.Server ssl = provider == TlsProvider.CONSCRYPT
                ? new ConscryptSslContextFactory(providerName) : new NodeSslContextFactory();
        useMaterial(ssl, material, ciphers);
        if (material.requiresClientCertificate()) {
            ssl.setNeedClientAuth(true);
        } else {
            ssl.setNeedClientAuth(false);
            ssl.setWantClientAuth(false);
        }
        ssl.setIncludeProtocols(PROTOCOLS);
        ssl.setExcludeProtocols(EXCLUDED_PROTOCOLS);
        ssl.setUseCipherSuitesOrder(true);
        // JSSE never compresses and Jetty caches sessions (resumption) by default; renegotiation is refused here.
        ssl.setRenegotiationAllowed(false);
        return ssl;
    }

    /** Whether the factory's engines hold native state that {@link NativeEngineRelease} must free on close. */
    public static boolean usesNativeEngines(SslContextFactory.Server ssl) {
        return ssl instanceof ConscryptSslContextFactory;
    }

    /** The suites an endpoint enables for this material: its {@code ciphers}, else the default for its key type. */
    static CipherSelection cipherSelection(TlsConfig tls, TlsMaterial material, TlsProvider provider)
            throws ConfigException {
        return CipherSelection.select(CipherSelection.effectiveCiphers(tls, material),
                material.dhParameters() != null, provider, TlsProviders.supportedCipherSuites(provider),
                tls.jsonPath() + ".ciphers");
    }

    /**
     * Puts the key, chain, client CAs and cipher suites into the factory: when it is created, and again on every
     * {@link CertificateReloader reload}, where a key of another type brings the default suites of its type.
     */
    static void useMaterial(SslContextFactory.Server ssl, TlsMaterial material, CipherSelection ciphers) {
        String password = newPassword();
        ssl.setKeyStore(material.keyStore(password.toCharArray()));
        ssl.setKeyStorePassword(password);
        if (material.requiresClientCertificate()) {
            ssl.setTrustStore(material.trustStore());
        }
        ssl.setIncludeCipherSuites(ciphers.suites().stream().map(Pattern::quote).toArray(String[]::new));
        ssl.setExcludeCipherSuites(CipherSelection.excludes(material.dhParameters() != null).toArray(String[]::new));
    }

    /**
     * Explicit {@code ciphers} with no suite for the key's type (e.g. RSA-only suites and an EC key) leave TLS 1.2
     * clients without a suite: say so.
     */
    static void warnIfOnlyTls13CanConnect(TlsConfig tls, TlsMaterial material, CipherSelection ciphers) {
        String keyType = material.privateKey().getAlgorithm().equals("EC") ? "ECDSA" : "RSA";
        if (ciphers.suites().stream().noneMatch(suite -> suite.contains("_" + keyType + "_"))) {
            LOG.warn("{}: the server key is {}, but the TLS 1.2 cipher list has no {} suite:"
                    + " only TLS 1.3 clients can connect", tls.jsonPath(), keyType, keyType);
        }
    }

    private static void log(TlsConfig tls, TlsMaterial material, TlsProviders.Choice choice,
                            CipherSelection ciphers) {
        TlsProvider provider = choice.provider();
        LOG.info("{}: server certificate {} ({} in chain), TLS provider {}, {}", tls.jsonPath(),
                material.leaf().getSubjectX500Principal(), material.chain().size(), choice,
                tls.ciphers() != null ? "explicit TLS ciphers from config"
                        : material.privateKey().getAlgorithm().equals("EC") ? "default TLS ciphers for an ECDSA key"
                        : "secure default TLS ciphers");
        if (material.requiresClientCertificate()) {
            LOG.info("{}: client certificates required, issued by one of {} CA certificate(s)", tls.jsonPath(),
                    material.trustedCertificates().size());
        }
        if (!ciphers.dheWithoutDh().isEmpty()) {
            LOG.info("{}: no dhparam file set, DHE suites are off: {}", tls.jsonPath(), ciphers.dheWithoutDh());
        }
        if (!ciphers.unsupported().isEmpty()) {
            LOG.info("{}: skipping cipher suites the {} provider does not offer: {}", tls.jsonPath(),
                    provider.displayName(), ciphers.unsupported());
        }
        warnIfOnlyTls13CanConnect(tls, material, ciphers);
        if (material.dhParameters() != null && provider == TlsProvider.JDK && !DhParameters.securityPropertyValue(
                material.dhParameters()).equals(Security.getProperty(JvmTlsSettings.DHE_PARAMETERS_PROPERTY))) {
            LOG.warn("{}: the DH parameters of {} are not in effect; call JvmTlsSettings.applyJvmWideSettings"
                    + " before any TLS context is created", tls.jsonPath(), tls.dhparam());
        }
        LOG.debug("{}: enabled cipher suites {}", tls.jsonPath(), ciphers.suites());
        material.warnings().forEach(warning -> LOG.warn("{}: {}", tls.jsonPath(), warning));
    }

    private static String newPassword() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
