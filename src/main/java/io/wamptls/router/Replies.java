package io.wamptls.router;

import io.wamptls.wamp.Message;
import io.wamptls.wamp.MessageType;

import java.util.List;
import java.util.Map;

/** Building the router's ERROR replies: the error URI plus a human-readable message as the first argument. */
final class Replies {
    private Replies() {
    }

    static Message.Error error(MessageType requestType, long request, String errorUri, String message) {
        return new Message.Error(requestType.code(), request, Map.of(), errorUri, List.of(message), null);
    }
}
