package io.wamptls.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code tls} dict of a listening endpoint. All paths are absolute (resolved against the node directory).
 *
 * @param jsonPath          e.g. {@code workers[0].transports[0].endpoint.tls}; a file error names
 *                          {@code jsonPath + ".key"} and so on
 * @param chainCertificates {@code chain_certificates}, possibly empty
 * @param caCertificates    {@code ca_certificates}; non-empty means client certificates are required
 * @param dhparam           {@code dhparam}, or null (then no DHE suite is offered)
 * @param ciphers           {@code ciphers} (OpenSSL cipher string), or null for the seed's default list
 */
public record TlsConfig(String jsonPath, Path key, Path certificate, List<Path> chainCertificates,
                        List<Path> caCertificates, Path dhparam, String ciphers) {
    public TlsConfig {
        chainCertificates = List.copyOf(chainCertificates);
        caCertificates = List.copyOf(caCertificates);
    }

    public boolean requiresClientCertificate() {
        return !caCertificates.isEmpty();
    }
}
