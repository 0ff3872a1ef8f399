package io.wamptls.tls;

import io.wamptls.config.ConfigException;
import io.wamptls.config.TlsConfig;
import org.eclipse.jetty.util.Scanner;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the files of a {@code tls} dict and swaps the key, chain and client CAs of a running
 * {@link SslContextFactory.Server} when they change. New material is loaded and checked like at startup
 * ({@link TlsMaterial#load}); when a file is broken, the old certificate stays in service and the error is logged.
 * Without explicit {@code ciphers}, the TLS 1.2 suites follow the new key's type (an RSA key replaced by an EC one
 * gets the ECDSA default, and back), so TLS 1.2 clients keep a suite.
 * Add it as a bean of the {@code Server} (it starts and stops with it). Write certificate files atomically.
 */
public final class CertificateReloader extends ContainerLifeCycle {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateReloader.class);

    private final TlsConfig tls;
    private final SslContextFactory.Server sslContextFactory;
    private final TlsProvider provider;
    private final Scanner scanner = new Scanner();
    private final AtomicLong reloads = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /** @param provider the provider {@code sslContextFactory} was made for: its suites are the ones to pick from */
    public CertificateReloader(TlsConfig tls, SslContextFactory.Server sslContextFactory, TlsProvider provider) {
        this(tls, sslContextFactory, provider, 1);
    }

    public CertificateReloader(TlsConfig tls, SslContextFactory.Server sslContextFactory, TlsProvider provider,
                               int scanIntervalSeconds) {
        this.tls = tls;
        this.sslContextFactory = sslContextFactory;
        this.provider = provider;
        for (Path file : watchedFiles(tls)) {
            scanner.addFile(file);
        }
        scanner.setScanInterval(scanIntervalSeconds);
        scanner.setReportExistingFilesOnStartup(false);
        scanner.addListener(new Scanner.BulkListener() {
            @Override
            public void pathsChanged(Set<Path> changed) {
                onChange(changed);
            }
        });
        addBean(scanner);
    }

    /** How many times new material was put into service. */
    public long reloads() {
        return reloads.get();
    }

    /** How many times changed files were refused (the old material stayed in service). */
    public long failures() {
        return failures.get();
    }

    private void onChange(Set<Path> changed) {
        LOG.info("{}: TLS files changed {}, reloading", tls.jsonPath(), changed);
        reload();
    }

    /** Loads and checks the files now; true when the new material is in service. */
    public boolean reload() {
        TlsMaterial material;
        CipherSelection ciphers;
        try {
            material = TlsMaterial.load(tls);
            ciphers = TlsContextFactory.cipherSelection(tls, material, provider);
        } catch (ConfigException e) {
            LOG.error("{}: TLS reload failed, the old certificate stays in service:\n{}", tls.jsonPath(),
                    e.getMessage());
            failures.incrementAndGet();
            return false;
        }
        List<String> previousSuites = List.of(sslContextFactory.getIncludeCipherSuites());
        try {
            sslContextFactory.reload(factory -> TlsContextFactory.useMaterial(sslContextFactory, material, ciphers));
        } catch (Exception e) {
            LOG.error("{}: TLS reload failed, the old certificate stays in service", tls.jsonPath(), e);
            failures.incrementAndGet();
            return false;
        }
        reloads.incrementAndGet();
        material.warnings().forEach(warning -> LOG.warn("{}: {}", tls.jsonPath(), warning));
        LOG.info("{}: now serving certificate {} (serial {})", tls.jsonPath(),
                material.leaf().getSubjectX500Principal(), material.leaf().getSerialNumber().toString(16));
        if (!previousSuites.equals(List.of(sslContextFactory.getIncludeCipherSuites()))) {
            LOG.info("{}: the new {} key brings the cipher suites {}", tls.jsonPath(),
                    material.privateKey().getAlgorithm(), ciphers.suites());
        }
        TlsContextFactory.warnIfOnlyTls13CanConnect(tls, material, ciphers);
        return true;
    }

    private static List<Path> watchedFiles(TlsConfig tls) {
        List<Path> files = new ArrayList<>();
        files.add(tls.key());
        files.add(tls.certificate());
        files.addAll(tls.chainCertificates());
        files.addAll(tls.caCertificates());
        return files;
    }
}
