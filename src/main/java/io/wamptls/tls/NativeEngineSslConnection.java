package io.wamptls.tls;

import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;

/**
 * A TLS connection over a Conscrypt engine that hands the engine each record's plaintext in one direct buffer.
 * <p>
 * Conscrypt encrypts only from direct memory, one record (16 KiB) per call. Given a record's worth spread over several
 * buffers (a response's headers and body), or held in a heap buffer, it copies it into a direct buffer that each
 * engine allocates for itself and only the garbage collector frees. Under short connections those buffers piled up
 * by the hundred megabytes between collections, and the kernel zeroing their fresh pages took a tenth of the node's
 * CPU. Here the record is joined into a buffer from Jetty's pool instead: the same one copy, and no allocation.
 */
final class NativeEngineSslConnection extends SslConnection {
    /** The most plaintext one TLS record carries, and so one Conscrypt wrap consumes. */
    static final int RECORD_PLAINTEXT = 16384;

    private final ByteBufferPool pool;

    NativeEngineSslConnection(ByteBufferPool pool, Executor executor, SslContextFactory ssl, EndPoint endPoint,
                              SSLEngine engine) {
        super(pool, executor, ssl, endPoint, engine, true, true);
        this.pool = pool;
    }

    @Override
    protected SSLEngineResult wrap(SSLEngine engine, ByteBuffer[] input, ByteBuffer output) throws SSLException {
        if (engineTakesAsIs(input)) {
            return engine.wrap(input, output);
        }
        RetainableByteBuffer joined = pool.acquire(RECORD_PLAINTEXT, true);
        try {
            ByteBuffer record = joined.getByteBuffer();
            record.clear().limit(RECORD_PLAINTEXT);
            copyWithoutConsuming(input, record);
            record.flip();
            SSLEngineResult result = engine.wrap(record, output);
            consume(input, result.bytesConsumed());
            return result;
        } finally {
            joined.release();
        }
    }

    /**
     * True when Conscrypt would read the next record straight from the caller's memory: nothing to send, or a first
     * non-empty buffer that is direct and either holds a whole record or is the only one with data.
     */
    static boolean engineTakesAsIs(ByteBuffer[] input) {
        for (int i = 0; i < input.length; i++) {
            ByteBuffer buffer = input[i];
            if (buffer.hasRemaining()) {
                if (!buffer.isDirect()) {
                    return false;
                }
                if (buffer.remaining() >= RECORD_PLAINTEXT) {
                    return true;
                }
                for (int j = i + 1; j < input.length; j++) {
                    if (input[j].hasRemaining()) {
                        return false;
                    }
                }
                return true;
            }
        }
        return true;
    }

    /** Fills {@code record} from the buffers in order, leaving their positions where they were. */
    static void copyWithoutConsuming(ByteBuffer[] input, ByteBuffer record) {
        for (ByteBuffer buffer : input) {
            if (!record.hasRemaining()) {
                return;
            }
            int length = Math.min(buffer.remaining(), record.remaining());
            record.put(record.position(), buffer, buffer.position(), length);
            record.position(record.position() + length);
        }
    }

    /** Marks {@code count} bytes as sent, across the buffers in order. */
    static void consume(ByteBuffer[] input, int count) {
        int left = count;
        for (int i = 0; i < input.length && left > 0; i++) {
            int taken = Math.min(input[i].remaining(), left);
            input[i].position(input[i].position() + taken);
            left -= taken;
        }
    }
}
