package io.wamptls.tls;

import io.wamptls.config.TlsConfig;
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
 * Chooses the provider of an endpoint: Conscrypt where it serves, the JDK where it must, i.e. when a
 * {@code dhparam} is configured (Conscrypt has no DHE suites) or when Conscrypt's native library does not load
 * (e.g. on linux-aarch64, which Conscrypt 2.5.2 does not ship). The system property {@value #OVERRIDE_PROPERTY}
 * ({@code jdk} or {@code conscrypt}) forces a choice.
 */
public final class TlsProviders {

    public static final String OVERRIDE_PROPERTY = "wamptls.tls.provider";
    /** The name under which Conscrypt registers with {@link Security}. */
    public static final String CONSCRYPT_NAME = "Conscrypt";

    private static final Logger LOG = LoggerFactory.getLogger(TlsProviders.class);
    private static volatile String conscryptProblem;
    private static volatile boolean conscryptChecked;

    private TlsProviders() {
    }

    /** The provider for this endpoint, logged with the reason. */
    public static TlsProvider choose(TlsConfig tls) {
        String forced = System.getProperty(OVERRIDE_PROPERTY);
        if (forced != null && !forced.isBlank()) {
            TlsProvider provider = TlsProvider.valueOf(forced.trim().toUpperCase(Locale.ROOT));
            LOG.info("{}: TLS provider {} (forced by -D{})", tls.jsonPath(), provider.displayName(),
                    OVERRIDE_PROPERTY);
            return provider;
        }
        if (tls.dhparam() != null) {
            LOG.info("{}: TLS provider JDK, because a dhparam is configured and Conscrypt has no DHE suites",
                    tls.jsonPath());
            return TlsProvider.JDK;
        }
        if (!conscryptAvailable()) {
            LOG.info("{}: TLS provider JDK, because Conscrypt is not available here: {}", tls.jsonPath(),
                    conscryptProblem);
            return TlsProvider.JDK;
        }
        LOG.info("{}: TLS provider Conscrypt", tls.jsonPath());
        return TlsProvider.CONSCRYPT;
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
