package io.wamptls.router;

import java.util.List;

/** A router-side request failure to be answered with ERROR {@code errorUri} and the message as first argument. */
final class WampException extends Exception {
    private final String errorUri;

    WampException(String errorUri, String message) {
        super(message);
        this.errorUri = errorUri;
    }

    String errorUri() {
        return errorUri;
    }

    List<Object> args() {
        return List.of(getMessage());
    }
}
