package io.wamptls.cli;

import io.wamptls.tls.TlsProviders;
import picocli.CommandLine.Option;

/** {@code --tls-provider}: the node-wide TLS provider setting (not a config key, so Crossbar configs stay valid). */
final class TlsProviderOption {
    @Option(names = "--tls-provider", paramLabel = "auto|conscrypt|jdk", converter = ModeConverter.class,
            description = "TLS provider for every TLS transport (default: auto, which prefers Conscrypt; "
                    + "a transport with dhparam and DHE ciphers always uses the JDK)")
    TlsProviders.Mode mode;

    /** Applies the option, if given, before anything creates a TLS context. */
    void apply() {
        if (mode != null) {
            TlsProviders.setMode(mode);
        }
    }

    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<TlsProviders.Mode> {
        @Override
        public TlsProviders.Mode convert(String value) {
            return TlsProviders.Mode.parse(value);
        }
    }
}
