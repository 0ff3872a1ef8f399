package io.wamptls.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** HTTP/1.x written and read by hand on a socket (plain or TLS), for requests real clients would not send. */
public final class RawHttp {

    private RawHttp() {
    }

    /** One response: the status line and headers as received, and the body its Content-Length announced. */
    public record Response(String head, String body) {
        public int status() {
            return Integer.parseInt(head.substring(head.indexOf(' ') + 1, head.indexOf(' ') + 4));
        }

        public Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).strip()).findFirst();
        }
    }

    public static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads one response with a Content-Length body, leaving the connection open. */
    public static Response read(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        String head = RawWebSocket.readHead(in);
        String length = new Response(head, "").header("Content-Length")
                .orElseThrow(() -> new AssertionError("no Content-Length:\n" + head));
        return new Response(head, new String(in.readNBytes(Integer.parseInt(length)), StandardCharsets.UTF_8));
    }
}
