package io.wamptls.node;

import io.wamptls.websocket.Refusal;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes a {@link Refusal} as a Jetty-core response, for the requests the node answers before any servlet. */
final class PlainRefusal {

    private PlainRefusal() {
    }

    static void send(Refusal refusal, Response response, Callback callback) {
        response.setStatus(refusal.status());
        refusal.headers().forEach(response.getHeaders()::put);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Refusal.CONTENT_TYPE);
        Content.Sink.write(response, true, refusal.body(), callback);
    }
}
