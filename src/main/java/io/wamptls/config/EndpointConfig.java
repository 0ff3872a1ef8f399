package io.wamptls.config;

/**
 * A TCP listening endpoint.
 *
 * @param port        1..65535 ({@code $VAR} already resolved), or 0 in tests for an ephemeral port
 * @param iface       the {@code interface} to bind, "" for all
 * @param version     4 or 6
 * @param backlog     1..65535, default 50
 * @param userTimeout TCP_USER_TIMEOUT in ms, or null
 * @param tls         the {@code tls} dict, or null for plain TCP
 */
public record EndpointConfig(String jsonPath, int port, String iface, int version, int backlog, boolean shared,
                             Integer userTimeout, TlsConfig tls) {

    public boolean isTls() {
        return tls != null;
    }

    public EndpointConfig withPort(int newPort) {
        return new EndpointConfig(jsonPath, newPort, iface, version, backlog, shared, userTimeout, tls);
    }
}
