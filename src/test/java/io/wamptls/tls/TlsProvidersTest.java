package io.wamptls.tls;

import io.wamptls.config.TlsConfig;
import io.wamptls.tls.CertificateTool.KeyType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.wamptls.tls.TlsTestSupport.config;
import static io.wamptls.tls.TlsTestSupport.openssl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The node-wide provider setting and the per-endpoint choice with its reason. */
class TlsProvidersTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeFiles() throws Exception {
        CertificateTool.selfSignedServer("localhost", List.of("localhost"), KeyType.RSA_2048, Duration.ofDays(30))
                .write(dir.resolve("rsa.key"), dir.resolve("rsa.crt"));
        CertificateTool.selfSignedServer("localhost", List.of("localhost"), KeyType.EC_P256, Duration.ofDays(30))
                .write(dir.resolve("ec.key"), dir.resolve("ec.crt"));
        openssl(dir, "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048", "-out", "dh.pem");
    }

    @AfterEach
    void reset() {
        TlsProviders.setMode(null);
        TlsProviders.simulateConscryptProblem(null);
    }

    private static String choice(String key, boolean dhparam, String ciphers) throws Exception {
        TlsConfig tls = config(dir.resolve(key + ".key"), dir.resolve(key + ".crt"), List.of(), List.of(),
                dhparam ? dir.resolve("dh.pem") : null, ciphers);
        return TlsProviders.choose(tls, TlsMaterial.load(tls)).toString();
    }

    @Test
    void autoPrefersConscryptUnlessDhparamNeedsDhe() throws Exception {
        assertEquals("Conscrypt (auto)", choice("rsa", false, null));
        assertEquals("JDK (dhparam needs DHE, which Conscrypt lacks)", choice("rsa", true, null));
        // no DHE in the list: dhparam alone does not force the JDK
        assertEquals("Conscrypt (auto)", choice("rsa", true, "ECDHE+AESGCM"));
        assertEquals("Conscrypt (auto)", choice("ec", true, null), "the ECDSA default has no DHE suite");
    }

    @Test
    void settingForcesAProviderExceptWhereDheNeedsTheJdk() throws Exception {
        TlsProviders.setMode(TlsProviders.Mode.parse("JDK"));
        assertEquals("JDK (--tls-provider jdk)", choice("rsa", false, null));
        TlsProviders.setMode(TlsProviders.Mode.parse("conscrypt"));
        assertEquals("Conscrypt (--tls-provider conscrypt)", choice("rsa", false, null));
        assertEquals("JDK (dhparam needs DHE, which Conscrypt lacks)", choice("rsa", true, null));
        assertThrows(IllegalArgumentException.class, () -> TlsProviders.Mode.parse("openssl"));
    }

    @Test
    void withoutConscryptTheJdkServes() throws Exception {
        TlsProviders.simulateConscryptProblem("its native library did not load (Linux aarch64)");
        assertEquals("JDK (Conscrypt unavailable: its native library did not load (Linux aarch64))",
                choice("rsa", false, null));
        TlsProviders.setMode(TlsProviders.Mode.CONSCRYPT);
        assertEquals(TlsProvider.JDK, TlsProviders.autoDefault());
        assertEquals("JDK (Conscrypt unavailable: its native library did not load (Linux aarch64))",
                choice("ec", false, null));
    }
}
