package io.wamptls.config;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/** Where the test configurations are, and the environment they are loaded with. */
final class Fixtures {

    static final Map<String, String> ENV = Map.of(
            "WAMP_PORT", "9443",
            "BAD_PORT", "abc",
            "HIGH_PORT", "70000",
            "TICKET_SECRET", "s3cret");

    static final Function<String, String> ENV_LOOKUP = ENV::get;

    private Fixtures() {
    }

    static Path resource(String name) {
        URL url = Fixtures.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
