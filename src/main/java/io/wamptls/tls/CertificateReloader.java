package io.wamptls.tls;

import io.wamptls.config.ConfigException;
import io.wamptls.config.TlsConfig;
import org.eclipse.jetty.util.Scanner;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the files of a {@code tls} dict and swaps the key, chain and client CAs of a running
 * {@link SslContextFactory.Server} when they change. New material is loaded and checked like at startup
 * ({@link TlsMaterial#load}); when a file is broken, the old certificate stays in service and the error is logged.
 * Add it as a bean of the {@code Server} (it starts and stops with it). Write certificate files atomically.
 */
public final class CertificateReloader extends ContainerLifeCycle {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateReloader.class);

    private final TlsConfig tls;
    private final SslContextFactory.Server sslContextFactory;
    private final Scanner scanner = new Scanner();
    private final AtomicLong reloads = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    public CertificateReloader(TlsConfig tls, SslContextFactory.Server sslContextFactory) {
        this(tls, sslContextFactory, 1);
    }

    public CertificateReloader(TlsConfig tls, SslContextFactory.Server sslContextFactory, int scanIntervalSeconds) {
        this.tls = tls;
        this.sslContextFactory = sslContextFactory;
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
        try {
            material = TlsMaterial.load(tls);
        } catch (ConfigException e) {
            LOG.error("{}: TLS reload failed, the old certificate stays in service:\n{}", tls.jsonPath(),
                    e.getMessage());
            failures.incrementAndGet();
            return false;
        }
        try {
            String password = newPassword();
            sslContextFactory.reload(factory -> {
                factory.setKeyStore(material.keyStore(password.toCharArray()));
                factory.setKeyStorePassword(password);
                if (material.requiresClientCertificate()) {
                    factory.setTrustStore(material.trustStore());
                }
            });
        } catch (Exception e) {
            LOG.error("{}: TLS reload failed, the old certificate stays in service", tls.jsonPath(), e);
            failures.incrementAndGet();
            return false;
        }
        reloads.incrementAndGet();
        material.warnings().forEach(warning -> LOG.warn("{}: {}", tls.jsonPath(), warning));
        LOG.info("{}: now serving certificate {} (serial {})", tls.jsonPath(),
                material.leaf().getSubjectX500Principal(), material.leaf().getSerialNumber().toString(16));
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

    private static String newPassword() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
