package io.wamptls.tls;

/** The JSSE provider that runs the TLS handshakes of an endpoint. */
public enum TlsProvider {
    /** Conscrypt (BoringSSL): faster handshakes, no DHE suites, TLS 1.3 suites not configurable. */
    CONSCRYPT("Conscrypt"),
    /** The JDK's SunJSSE: the only one offering DHE; its DH group and ECDH groups are JVM-wide. */
    JDK("JDK");

    private final String displayName;

    TlsProvider(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
