package io.wamptls.tls;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands the TLS provider its private keys in the provider's own key class, converted once.
 *
 * <p>Why: a key store gives back the JDK's key objects. Conscrypt turns a foreign key into a native BoringSSL key
 * on every handshake (it parses the PKCS#8 encoding anew), so each handshake also pays for a fresh RSA setup
 * (Montgomery contexts, blinding). With a key made by Conscrypt's own {@link KeyFactory} it reuses the native key,
 * which saves a key parse and an RSA setup on every full handshake.
 */
final class ProviderKeyManager extends X509ExtendedKeyManager {

    private final X509ExtendedKeyManager delegate;
    private final String providerName;
    private final Map<String, PrivateKey> keys = new ConcurrentHashMap<>();

    ProviderKeyManager(X509ExtendedKeyManager delegate, String providerName) {
        this.delegate = delegate;
        this.providerName = providerName;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        if (alias == null) {
            return null;
        }
        PrivateKey key = keys.get(alias);
        if (key == null) {
            PrivateKey original = delegate.getPrivateKey(alias);
            if (original == null) {
                return null;
            }
            key = toProviderKey(original);
            keys.put(alias, key);
        }
        return key;
    }

    /** The same key as an object of the provider's key class; the key itself when the provider cannot convert it. */
    private PrivateKey toProviderKey(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null || !"PKCS#8".equals(key.getFormat())) {
            return key;
        }
        try {
            return KeyFactory.getInstance(key.getAlgorithm(), providerName)
                    .generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            return key;
        }
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return delegate.getClientAliases(keyType, issuers);
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return delegate.chooseClientAlias(keyType, issuers, socket);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return delegate.getServerAliases(keyType, issuers);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return delegate.chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return delegate.getCertificateChain(alias);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return delegate.chooseEngineClientAlias(keyType, issuers, engine);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return delegate.chooseEngineServerAlias(keyType, issuers, engine);
    }
}
