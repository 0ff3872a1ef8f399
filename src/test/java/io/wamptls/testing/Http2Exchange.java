package io.wamptls.testing;

import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.api.Session;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.frames.DataFrame;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.http2.frames.ResetFrame;
import org.eclipse.jetty.util.Callback;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/2 stream opened with a raw HEADERS frame on a session of Jetty's low-level HTTP2Client: its response, and
 * its DATA as an input stream (ending with the stream or a reset).
 */
public final class Http2Exchange implements Stream.Listener {
    private static final byte[] END = new byte[0];

    private final CompletableFuture<MetaData.Response> response = new CompletableFuture<>();
    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private Stream stream;
    private final InputStream body = new InputStream() {
        private byte[] chunk = new byte[0];
        private int position;

        @Override
        public int read() throws IOException {
            while (chunk != END && position == chunk.length) {
                try {
                    chunk = chunks.poll(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                if (chunk == null) {
                    throw new SocketTimeoutException("no DATA within 10 s");
                }
                position = 0;
            }
            return chunk == END ? -1 : chunk[position++] & 0xFF;
        }
    };

    private Http2Exchange() {
    }

    /** Opens a stream; a CONNECT leaves it open for DATA (as a tunnel or WebSocket would), a GET ends it. */
    public static Http2Exchange send(Session session, MetaData.Request request) throws Exception {
        Http2Exchange exchange = new Http2Exchange();
        boolean endStream = !"CONNECT".equals(request.getMethod());
        exchange.stream = session.newStream(new HeadersFrame(request, null, endStream), exchange)
                .get(10, TimeUnit.SECONDS);
        return exchange;
    }

    public MetaData.Response response() throws Exception {
        return response.get(10, TimeUnit.SECONDS);
    }

    public int status() throws Exception {
        return response().getStatus();
    }

    public String bodyText() throws IOException {
        return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }

    public RawWebSocket.Frame readFrame() throws IOException {
        return RawWebSocket.readFrame(new DataInputStream(body));
    }

    public void sendFrame(int opcode, String text) throws Exception {
        stream.data(new DataFrame(stream.getId(),
                ByteBuffer.wrap(RawWebSocket.clientFrame(opcode, text.getBytes(StandardCharsets.UTF_8))), false))
                .get(10, TimeUnit.SECONDS);
    }

    @Override
    public void onHeaders(Stream stream, HeadersFrame frame) {
        if (frame.getMetaData() instanceof MetaData.Response r) {
            response.complete(r);
        }
        if (frame.isEndStream()) {
            chunks.add(END);
        } else {
            stream.demand();
        }
    }

    @Override
    public void onDataAvailable(Stream stream) {
        Stream.Data data = stream.readData();
        if (data != null) {
            ByteBuffer buffer = data.frame().getByteBuffer();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            boolean last = data.frame().isEndStream();
            data.release();
            if (bytes.length > 0) {
                chunks.add(bytes);
            }
            if (last) {
                chunks.add(END);
                return;
            }
        }
        stream.demand();
    }

    @Override
    public void onReset(Stream stream, ResetFrame frame, Callback callback) {
        response.completeExceptionally(new AssertionError("stream reset, error " + frame.getError()));
        chunks.add(END);
        callback.succeeded();
    }
}
