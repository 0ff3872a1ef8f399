package io.wamptls.web;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;
import org.eclipse.jetty.util.component.ContainerLifeCycle;

import java.util.Set;

/**
 * The {@code access_log} option: one line per request in NCSA combined format, for the transports that ask for it.
 * Jetty 12 has one request log per server, so this one filters by connector, whose name is the transport id.
 */
public final class AccessLog extends ContainerLifeCycle implements RequestLog {
    /** The logger the lines go to, at INFO. */
    public static final String LOGGER = "io.wamptls.access";

    private final Set<String> transportIds;
    private final CustomRequestLog combined;

    public AccessLog(Set<String> transportIds) {
        this(transportIds, slf4j());
    }

    public AccessLog(Set<String> transportIds, RequestLog.Writer writer) {
        this.transportIds = Set.copyOf(transportIds);
        this.combined = new CustomRequestLog(writer, CustomRequestLog.EXTENDED_NCSA_FORMAT);
        addBean(combined);
    }

    @Override
    public void log(Request request, Response response) {
        Connector connector = request.getConnectionMetaData().getConnector();
        if (connector != null && transportIds.contains(connector.getName())) {
            combined.log(request, response);
        }
    }

    private static RequestLog.Writer slf4j() {
        Slf4jRequestLogWriter writer = new Slf4jRequestLogWriter();
        writer.setLoggerName(LOGGER);
        return writer;
    }
}
