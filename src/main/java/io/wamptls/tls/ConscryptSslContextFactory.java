package io.wamptls.tls;

import org.conscrypt.Conscrypt;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import java.security.KeyStore;

/**
 * The server {@link SslContextFactory} for the Conscrypt provider, with two more things Conscrypt does not do by itself
 * and that a server handling many short connections needs (measured in {@code bench/}):
 * <ul>
 *   <li>TLS session tickets, so that a returning client resumes instead of paying for a full handshake. Without
 *       them Conscrypt resumes TLS 1.2 sessions by id only and TLS 1.3 sessions never; the JDK provider and
 *       nginx resume both.</li>
 *   <li>keys in Conscrypt's own key class (see {@link ProviderKeyManager}), converted once rather than on every
 *       handshake. Reloads go through the same path.</li>
 * </ul>
 */
final class ConscryptSslContextFactory extends NodeSslContextFactory {

    private final String providerName;

    ConscryptSslContextFactory(String providerName) {
        this.providerName = providerName;
        setProvider(providerName);
    }

    @Override
    public void customize(SSLEngine engine) {
        super.customize(engine);
        if (Conscrypt.isConscrypt(engine)) {
            Conscrypt.setUseSessionTickets(engine, true);
        }
    }

    @Override
    protected KeyManager[] getKeyManagers(KeyStore keyStore) throws Exception {
        KeyManager[] managers = super.getKeyManagers(keyStore);
        if (managers == null) {
            return null;
        }
        KeyManager[] wrapped = managers.clone();
        for (int i = 0; i < wrapped.length; i++) {
            if (wrapped[i] instanceof X509ExtendedKeyManager) {
                wrapped[i] = new ProviderKeyManager((X509ExtendedKeyManager) wrapped[i], providerName);
            }
        }
        return wrapped;
    }
}
