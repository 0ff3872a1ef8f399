/**
 * TLS for listening endpoints, with Crossbar.io's semantics for the {@code tls} dict.
 * <ul>
 *   <li>{@link io.wamptls.tls.TlsMaterial#load}: PEM files → checked key, chain, client CAs, DH parameters
 *       (errors carry the JSON path of the offending entry; see {@link io.wamptls.tls.PemFiles}).</li>
 *   <li>{@link io.wamptls.tls.TlsContextFactory#create}: the one place that builds a Jetty
 *       {@code SslContextFactory.Server}.</li>
 *   <li>{@link io.wamptls.tls.TlsProviders#choose}: Conscrypt, or the JDK when {@code dhparam} is set or Conscrypt
 *       does not load.</li>
 *   <li>{@link io.wamptls.tls.JvmTlsSettings#applyJvmWideSettings}: the JVM-wide DH group; call it first.</li>
 *   <li>{@link io.wamptls.tls.CertificateReloader}: hot reload of changed files.</li>
 *   <li>{@link io.wamptls.tls.PeerCertificates#describe}: a client certificate as Crossbar's {@code peer_cert}.</li>
 *   <li>{@link io.wamptls.tls.CertificateTool}, {@link io.wamptls.tls.DevCertificates}: new certificates.</li>
 * </ul>
 * Decisions: TLS 1.2 and 1.3 only; {@code ciphers} governs TLS 1.2 only, TLS 1.3 suites are always on;
 * {@code ca_certificates} makes client certificates mandatory (no optional mode); the certificate file may hold
 * intermediates after the leaf (Crossbar ignores them, the docs tell users to append them: both are served);
 * ECDH groups are the provider's defaults (P-256 always offered), not configured JVM-wide.
 */
package io.wamptls.tls;
