package io.wamptls.websocket;

/** The small HTML page a browser sees when it opens a WAMP WebSocket URL with a plain GET. */
final class StatusPage {

    private StatusPage() {
    }

    static String render(WampEndpointSettings settings) {
        return """
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>WAMP endpoint</title></head>
                <body>
                <h1>WAMP endpoint</h1>
                <p>This URL speaks WAMP v2 over WebSocket. Connect with a WAMP client using one of these
                subprotocols: <code>%s</code>.</p>
                <p>Sessions on this router: %d.</p>
                </body></html>
                """.formatted(String.join(", ", settings.subprotocols()), settings.router().sessionCount());
    }
}
