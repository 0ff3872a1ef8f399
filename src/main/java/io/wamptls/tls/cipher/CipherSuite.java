package io.wamptls.tls.cipher;

/** TEMPORARY STUB (dropped at merge): one cipher suite under its OpenSSL and IANA names. */
public record CipherSuite(String openSslName, String ianaName) {
}
