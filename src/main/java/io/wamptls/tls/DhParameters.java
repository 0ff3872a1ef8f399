package io.wamptls.tls;

import io.wamptls.config.ConfigException;

import javax.crypto.spec.DHParameterSpec;
import java.math.BigInteger;
import java.nio.file.Path;

/**
 * Diffie-Hellman parameters from a {@code dhparam} file, checked the way the JDK will use them: the JDK
 * silently ignores a group whose prime is not a safe prime, and refuses groups under 1024 bits.
 */
public final class DhParameters {

    /** The JDK looks the custom group up by this size; other sizes need {@code jdk.tls.ephemeralDHKeySize}. */
    public static final int JDK_DEFAULT_SIZE = 2048;

    private DhParameters() {
    }

    public static DHParameterSpec read(Path file, String jsonPath) throws ConfigException {
        DHParameterSpec spec = PemFiles.readDhParameters(file, jsonPath);
        int bits = spec.getP().bitLength();
        if (bits < 1024 || bits > 8192) {
            throw new ConfigException(jsonPath, "the DH parameters in " + file + " have a " + bits
                    + "-bit prime; expected 1024 to 8192 bits (2048 or more recommended: `openssl dhparam 2048`)");
        }
        BigInteger p = spec.getP();
        if (!p.isProbablePrime(20) || !p.shiftRight(1).isProbablePrime(20)) {
            throw new ConfigException(jsonPath, "the DH parameters in " + file + " do not have a safe prime"
                    + " (as `openssl dhparam` generates, not `-dsaparam`); the JDK would ignore them");
        }
        return spec;
    }

    /** The value of the security property {@code jdk.tls.server.defaultDHEParameters}: {@code {p_hex,g_hex}}. */
    public static String securityPropertyValue(DHParameterSpec spec) {
        return "{" + spec.getP().toString(16) + "," + spec.getG().toString(16) + "}";
    }

    public static boolean same(DHParameterSpec a, DHParameterSpec b) {
        return a.getP().equals(b.getP()) && a.getG().equals(b.getG());
    }
}
