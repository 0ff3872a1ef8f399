package io.wamptls.web;

import java.time.Instant;
import java.util.List;

/** What a {@code nodeinfo} page shows about the running node; the node supplies it. */
public interface NodeStatus {
    /** The controller's id, or a fallback such as the host name. */
    String nodeName();

    String version();

    Instant startedAt();

    /** One line per transport, e.g. {@code web_tls: web on 127.0.0.1:8443 (TLS)}. */
    List<String> transports();

    List<String> realms();

    int sessionCount();
}
