package io.wamptls.bench;

import org.conscrypt.Conscrypt;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Locale;

/**
 * Signatures per second with the server's key, the one expensive step of a full handshake, in the two TLS providers:
 * RSA-2048 (PSS, as TLS 1.3 signs) and ECDSA P-256, median of 3 one-second runs on one thread. The bench script
 * puts {@code openssl speed} beside it: the same operation in the library nginx uses.
 */
public final class SignatureSpeed {

    public static void main(String[] args) throws Exception {
        Provider conscrypt = Conscrypt.newProvider();
        for (String[] kind : new String[][] {{"RSA", "2048", "RSASSA-PSS"}, {"EC", "P-256", "SHA256withECDSA"}}) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(kind[0]);
            if (kind[0].equals("RSA")) {
                generator.initialize(2048);
            } else {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            }
            KeyPair pair = generator.generateKeyPair();
            PrivateKey conscryptKey = KeyFactory.getInstance(kind[0], conscrypt)
                    .generatePrivate(new PKCS8EncodedKeySpec(pair.getPrivate().getEncoded()));
            boolean rsa = kind[0].equals("RSA");
            double jdk = median(() -> rate(Signature.getInstance(kind[2]), pair.getPrivate(), rsa));
            double boringSsl = median(() -> rate(Signature.getInstance(rsa ? "SHA256withRSA/PSS" : kind[2], conscrypt),
                    conscryptKey, false));
            System.out.printf(Locale.ROOT, "%s-%s jdk %.0f conscrypt %.0f%n", kind[0], kind[1], jdk, boringSsl);
        }
    }

    private interface Run {
        double rate() throws Exception;
    }

    private static double median(Run run) throws Exception {
        run.rate(); // warm-up
        double[] rates = {run.rate(), run.rate(), run.rate()};
        Arrays.sort(rates);
        return rates[1];
    }

    private static double rate(Signature signature, PrivateKey key, boolean jdkPss) throws Exception {
        if (jdkPss) { // the JDK's RSASSA-PSS needs its parameters; Conscrypt's name carries them
            signature.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                    java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
        }
        byte[] data = new byte[64];
        long start = System.nanoTime();
        long end = start + 1_000_000_000L;
        int count = 0;
        while (System.nanoTime() < end) {
            signature.initSign(key);
            signature.update(data);
            signature.sign();
            count++;
        }
        return count * 1e9 / (System.nanoTime() - start);
    }
}
