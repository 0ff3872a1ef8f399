package io.wamptls.tls;

import io.wamptls.config.ConfigException;
import io.wamptls.config.TlsConfig;
import io.wamptls.tls.cipher.CipherSuite;
import org.conscrypt.Conscrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the provider of an endpoint. The node-wide setting ({@link #setMode}: the CLI's {@code --tls-provider},
 * else the system property {@value #OVERRIDE_PROPERTY}, which the Jetty module sets) is {@code auto},
 * {@code conscrypt} or {@code jdk}; {@code auto} means {@link #AUTO_PREFERS}. Whatever the setting, an endpoint
 * whose cipher list has DHE suites and that has a {@code dhparam} uses the JDK (Conscrypt has no DHE), and where
 * Conscrypt's native library does not load (e.g. linux-aarch64, which Conscrypt 2.5.2 does not ship) the JDK
 * serves instead, with one warning line.
 */
public final class TlsProviders {

    public static final String OVERRIDE_PROPERTY = "wamptls.tls.provider";
    /** The name under which Conscrypt registers with {@link Security}. */
    public static final String CONSCRYPT_NAME = "Conscrypt";
    /** What {@code auto} picks when nothing forces the JDK; see README, "TLS", for the benchmark behind it. */
    public static final TlsProvider AUTO_PREFERS = TlsProvider.CONSCRYPT;

    /** The node-wide provider setting. */
    public enum Mode {
        AUTO, CONSCRYPT, JDK;

        /** {@code auto}, {@code conscrypt} or {@code jdk}, any case. */
        public static Mode parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown TLS provider '" + value
                        + "' (expected auto, conscrypt or jdk)");
            }
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The provider an endpoint uses and why, e.g. {@code JDK (dhparam needs DHE, which Conscrypt lacks)}.
     */
    public record Choice(TlsProvider provider, String reason) {
        @Override
        public String toString() {
            return provider.displayName() + " (" + reason + ")";
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(TlsProviders.class);
    private static volatile Mode mode;
    private static volatile String conscryptProblem;
    private static volatile boolean conscryptChecked;
    private static volatile boolean fallbackWarned;

    private TlsProviders() {
    }

    /** Sets the node-wide setting; null goes back to the system property (default {@code auto}). */
    public static void setMode(Mode newMode) {
        mode = newMode;
    }

    /** The node-wide setting in effect. */
    public static Mode mode() {
        Mode set = mode;
        if (set != null) {
            return set;
        }
        String property = System.getProperty(OVERRIDE_PROPERTY);
        return property == null || property.isBlank() ? Mode.AUTO : Mode.parse(property);
    }

    /** The provider for this endpoint (loads its files to see which ciphers its key gets). */
    public static TlsProvider choose(TlsConfig tls) throws ConfigException {
        return choose(tls, TlsMaterial.load(tls)).provider();
    }

    /** The provider for an endpoint whose material is loaded, with the reason. */
    public static Choice choose(TlsConfig tls, TlsMaterial material) throws ConfigException {
        Mode setting = mode();
        if (setting == Mode.JDK) {
            return new Choice(TlsProvider.JDK, "--tls-provider jdk");
        }
        if (material.dhParameters() != null && CipherSelection.namesDhe(tls, material)) {
            return new Choice(TlsProvider.JDK, "dhparam needs DHE, which Conscrypt lacks");
        }
        if (setting == Mode.AUTO && AUTO_PREFERS == TlsProvider.JDK) {
            return new Choice(TlsProvider.JDK, "auto");
        }
        if (!conscryptAvailable()) {
            warnFallbackOnce();
            return new Choice(TlsProvider.JDK, "Conscrypt unavailable: " + conscryptProblem);
        }
        return new Choice(TlsProvider.CONSCRYPT, setting == Mode.AUTO ? "auto" : "--tls-provider conscrypt");
    }

    private static void warnFallbackOnce() {
        if (!fallbackWarned) {
            fallbackWarned = true;
            LOG.warn("Conscrypt is not available ({}): using the JDK's TLS provider instead", conscryptProblem);
        }
    }

    /** Tests: behave as if Conscrypt's native library did not load ({@code problem}), or reset with null. */
    static synchronized void simulateConscryptProblem(String problem) {
        conscryptChecked = problem != null;
        conscryptProblem = problem;
        fallbackWarned = false;
    }

    /** Whether Conscrypt's native library loads; registers its provider (once) when it does. */
    public static synchronized boolean conscryptAvailable() {
        if (!conscryptChecked) {
            conscryptChecked = true;
            try {
                if (!Conscrypt.isAvailable()) {
                    conscryptProblem = "its native library did not load (" + System.getProperty("os.name") + " "
                            + System.getProperty("os.arch") + ")";
                } else if (Security.getProvider(CONSCRYPT_NAME) == null) {
                    Security.addProvider(Conscrypt.newProvider());
                }
            } catch (Throwable e) {
                conscryptProblem = e.toString();
            }
        }
        return conscryptProblem == null;
    }

    /** Ensures the provider is usable; returns the JSSE provider name for {@code setProvider}, or null for the default. */
    static String jsseProviderName(TlsProvider provider) {
        if (provider == TlsProvider.CONSCRYPT) {
            if (!conscryptAvailable()) {
                throw new IllegalStateException("Conscrypt is not available: " + conscryptProblem);
            }
            return CONSCRYPT_NAME;
        }
        return null;
    }

    /** The cipher suites (JSSE names) the provider supports, in its own order. */
    public static List<String> supportedCipherSuites(TlsProvider provider) {
        return SUPPORTED.computeIfAbsent(provider, TlsProviders::listSupportedCipherSuites);
    }

    /** Whether the provider offers this suite (under its IANA name or the JDK's legacy {@code SSL_} spelling). */
    public static boolean supports(TlsProvider provider, CipherSuite suite) {
        List<String> supported = supportedCipherSuites(provider);
        return supported.contains(suite.ianaName())
                || suite.ianaName().startsWith("TLS_") && supported.contains("SSL_" + suite.ianaName().substring(4));
    }

    /** The provider {@code auto} would use where nothing forces the JDK. */
    public static TlsProvider autoDefault() {
        return AUTO_PREFERS == TlsProvider.CONSCRYPT && conscryptAvailable() ? TlsProvider.CONSCRYPT : TlsProvider.JDK;
    }

    private static final Map<TlsProvider, List<String>> SUPPORTED = new ConcurrentHashMap<>();

    private static List<String> listSupportedCipherSuites(TlsProvider provider) {
        try {
            String name = jsseProviderName(provider);
            SSLContext context = name == null ? SSLContext.getInstance("TLS") : SSLContext.getInstance("TLS", name);
            context.init(null, null, null);
            return List.of(context.getSupportedSSLParameters().getCipherSuites());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot list the cipher suites of " + provider.displayName(), e);
        }
    }
}
