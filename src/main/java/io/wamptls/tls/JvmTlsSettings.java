package io.wamptls.tls;

import io.wamptls.config.ConfigException;
import io.wamptls.config.TlsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.spec.DHParameterSpec;
import java.security.Security;
import java.util.List;

/**
 * The TLS settings that the JDK keeps JVM-wide, applied once, before any {@code SSLContext} exists
 * (the JDK reads them when its TLS classes initialise and ignores later changes).
 * <p>
 * Only the DH group is JVM-wide here: {@code dhparam} becomes the security property
 * {@code jdk.tls.server.defaultDHEParameters}, plus the system property {@code jdk.tls.ephemeralDHKeySize} for a
 * group that is not 2048 bits. So every endpoint that sets {@code dhparam} must name the same parameters.
 * The ECDH groups are left at the JDK default (X25519, P-256, P-384, P-521, X448, ffdhe*), like
 * OpenSSL's default list that Crossbar really uses; P-256 ({@code prime256v1}) is always available.
 */
public final class JvmTlsSettings {

    public static final String DHE_PARAMETERS_PROPERTY = "jdk.tls.server.defaultDHEParameters";
    public static final String DH_KEY_SIZE_PROPERTY = "jdk.tls.ephemeralDHKeySize";

    private static final Logger LOG = LoggerFactory.getLogger(JvmTlsSettings.class);

    private JvmTlsSettings() {
    }

    /**
     * Call first thing at startup with every listening {@code tls} dict of the node.
     *
     * @throws ConfigException an unreadable {@code dhparam}, or two endpoints with different DH parameters
     */
    public static void applyJvmWideSettings(List<TlsConfig> all) throws ConfigException {
        TlsConfig first = null;
        DHParameterSpec chosen = null;
        for (TlsConfig tls : all) {
            if (tls.dhparam() == null) {
                continue;
            }
            DHParameterSpec spec = DhParameters.read(tls.dhparam(), tls.jsonPath() + ".dhparam");
            if (chosen == null) {
                first = tls;
                chosen = spec;
            } else if (!DhParameters.same(chosen, spec)) {
                throw new ConfigException(tls.jsonPath() + ".dhparam", "the DH parameters in " + tls.dhparam()
                        + " differ from those in " + first.dhparam() + " (" + first.jsonPath() + ".dhparam);"
                        + " the JDK's DHE group is JVM-wide (" + DHE_PARAMETERS_PROPERTY + "),"
                        + " so every endpoint must use the same dhparam file");
            }
        }
        if (chosen != null) {
            apply(chosen, first);
        }
    }

    private static void apply(DHParameterSpec spec, TlsConfig from) {
        String value = DhParameters.securityPropertyValue(spec);
        String previous = Security.getProperty(DHE_PARAMETERS_PROPERTY);
        if (previous != null && !previous.isBlank() && !previous.equals(value)) {
            LOG.warn("Replacing the security property {} set elsewhere with the DH parameters of {}",
                    DHE_PARAMETERS_PROPERTY, from.dhparam());
        }
        Security.setProperty(DHE_PARAMETERS_PROPERTY, value);
        int bits = spec.getP().bitLength();
        if (bits != DhParameters.JDK_DEFAULT_SIZE) {
            String size = System.getProperty(DH_KEY_SIZE_PROPERTY);
            if (size != null && !size.equals(String.valueOf(bits))) {
                LOG.warn("{}={} was set, but the dhparam file {} has {} bits: the JDK will use its own group",
                        DH_KEY_SIZE_PROPERTY, size, from.dhparam(), bits);
            } else {
                System.setProperty(DH_KEY_SIZE_PROPERTY, String.valueOf(bits));
            }
        }
        LOG.info("DHE uses the {}-bit DH group from {} (JVM-wide, JDK provider only)", bits, from.dhparam());
    }
}
