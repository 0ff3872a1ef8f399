package io.wamptls.testing;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import javax.net.ssl.SSLException;

/**
 * A WebSocket client written frame by frame on a socket (plain or TLS), for what real clients never do: leave the
 * server's close frame unanswered, or stop half-way through the handshake.
 */
public final class RawWebSocket implements Closeable {
    public static final int TEXT = 0x1;
    public static final int CLOSE = 0x8;

    /** One frame from the server (servers never mask). */
    public record Frame(int opcode, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Upgrades {@code socket} (connected, TLS already set up if any) to a WebSocket on {@code path}. */
    public static RawWebSocket open(Socket socket, String path, String subprotocol) throws IOException {
        socket.setSoTimeout(10_000);
        RawWebSocket ws = new RawWebSocket(socket);
        ws.out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + socket.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: " + subprotocol + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        ws.out.flush();
        String head = readHead(ws.in);
        if (!head.startsWith("HTTP/1.1 101 ")) {
            socket.close();
            throw new IOException("upgrade refused: " + head);
        }
        return ws;
    }

    /** The status line and headers of an HTTP response, up to the empty line. */
    public static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed in the response head: " + head);
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    public void sendText(String text) throws IOException {
        send(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers (or starts) the closing handshake. */
    public void sendClose(int code) throws IOException {
        send(CLOSE, new byte[] {(byte) (code >> 8), (byte) code});
    }

    private void send(int opcode, byte[] payload) throws IOException {
        out.write(clientFrame(opcode, payload));
        out.flush();
    }

    /** A final, masked frame as a client sends it (payloads up to 125 bytes). */
    public static byte[] clientFrame(int opcode, byte[] payload) {
        if (payload.length > 125) {
            throw new IllegalArgumentException("small frames only");
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        frame.write(0x80 | payload.length);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
    }

    public Frame read() throws IOException {
        return readFrame(in);
    }

    /** Reads one frame as a server sends it (unmasked). */
    public static Frame readFrame(DataInputStream in) throws IOException {
        int first = in.readUnsignedByte();
        int length = in.readUnsignedByte() & 0x7F;
        long size = length == 126 ? in.readUnsignedShort() : length == 127 ? in.readLong() : length;
        byte[] payload = new byte[(int) size];
        in.readFully(payload);
        return new Frame(first & 0x0F, payload);
    }

    /**
     * Milliseconds from now until the server has closed the TCP connection entirely; -1 if it still reads from it
     * after {@code maxMillis}. Reading says nothing here: after sending its close frame Jetty shuts down its output
     * (the client reads EOF at once) and goes on reading for the client's close frame. So this writes the start of a
     * data frame and then one payload byte at a time, a frame that never completes (harmless while the server
     * reads), until a write fails: the closed socket answered with a reset.
     */
    public long millisUntilDropped(int maxMillis) throws IOException, InterruptedException {
        long start = System.nanoTime();
        byte[] header = {(byte) (0x80 | TEXT), (byte) (0x80 | 126), (byte) 0xFF, (byte) 0xFF, 1, 2, 3, 4}; // 65535 bytes
        try {
            out.write(header);
            out.flush();
            while ((System.nanoTime() - start) / 1_000_000 < maxMillis) {
                Thread.sleep(20);
                out.write(0);
                out.flush();
            }
            return -1;
        } catch (SocketException e) {
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    /**
     * Reads (and discards) until the server closes {@code socket}: the milliseconds from {@code startNanos} until
     * then, or -1 when it is still open {@code maxMillis} after {@code startNanos}.
     */
    public static long millisUntilClosed(Socket socket, long startNanos, int maxMillis) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[1024];
        while (true) {
            long left = maxMillis - (System.nanoTime() - startNanos) / 1_000_000;
            if (left <= 0) {
                return -1;
            }
            socket.setSoTimeout((int) left);
            try {
                if (in.read(buffer) < 0) {
                    break;
                }
            } catch (SocketTimeoutException e) {
                return -1;
            } catch (SocketException | SSLException e) {
                break; // reset, or a TLS connection cut without close_notify: closed all the same
            }
        }
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
