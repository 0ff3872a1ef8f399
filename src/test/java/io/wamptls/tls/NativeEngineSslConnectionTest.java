package io.wamptls.tls;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static io.wamptls.tls.NativeEngineSslConnection.RECORD_PLAINTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeEngineSslConnectionTest {

    @Test
    void theEngineTakesOneDirectBufferOrAWholeDirectRecordAsIs() {
        assertTrue(NativeEngineSslConnection.engineTakesAsIs(new ByteBuffer[]{ByteBuffer.allocate(0)}));
        assertTrue(NativeEngineSslConnection.engineTakesAsIs(
                new ByteBuffer[]{ByteBuffer.allocate(0), ByteBuffer.allocateDirect(10), ByteBuffer.allocate(0)}));
        assertTrue(NativeEngineSslConnection.engineTakesAsIs(
                new ByteBuffer[]{ByteBuffer.allocateDirect(RECORD_PLAINTEXT), ByteBuffer.allocate(10)}));
    }

    @Test
    void headersAndBodyOrAHeapBufferAreJoined() {
        assertFalse(NativeEngineSslConnection.engineTakesAsIs(
                new ByteBuffer[]{ByteBuffer.allocateDirect(200), ByteBuffer.allocateDirect(1024)}));
        assertFalse(NativeEngineSslConnection.engineTakesAsIs(new ByteBuffer[]{ByteBuffer.allocate(RECORD_PLAINTEXT)}));
    }

    @Test
    void aJoinedRecordTakesTheBuffersInOrderAndOnlyWhatTheEngineConsumedIsMarkedSent() {
        ByteBuffer headers = ascii("HTTP/1.1 200 OK\r\n\r\n");
        ByteBuffer body = ByteBuffer.allocateDirect(RECORD_PLAINTEXT * 2);
        while (body.hasRemaining()) {
            body.put((byte) 'b');
        }
        body.flip();
        ByteBuffer[] input = {ByteBuffer.allocate(0), headers, body};
        ByteBuffer record = ByteBuffer.allocateDirect(RECORD_PLAINTEXT);

        NativeEngineSslConnection.copyWithoutConsuming(input, record);
        record.flip();

        assertEquals(RECORD_PLAINTEXT, record.remaining());
        assertEquals("HTTP/1.1 200 OK\r\n\r\nbbb", StandardCharsets.US_ASCII.decode(record.slice(0, 22)).toString());
        assertEquals(0, headers.position(), "copying consumes nothing");
        assertEquals(0, body.position());

        NativeEngineSslConnection.consume(input, 100);
        assertFalse(headers.hasRemaining());
        assertEquals(100 - 19, body.position());
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
