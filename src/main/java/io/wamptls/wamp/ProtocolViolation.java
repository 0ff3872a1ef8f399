package io.wamptls.wamp;

/**
 * A peer broke the WAMP protocol: an undecodable frame, a malformed message, a message in the wrong state.
 * The message says what is wrong; the router sends it in ABORT wamp.error.protocol_violation.
 */
public class ProtocolViolation extends Exception {
    public ProtocolViolation(String message) {
        super(message);
    }

    public ProtocolViolation(String message, Throwable cause) {
        super(message, cause);
    }
}
