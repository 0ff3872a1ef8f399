package io.wamptls.node;

/** A node that could not start; nothing it opened is left listening. */
public class NodeStartException extends Exception {
    public NodeStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
