package io.wamptls.router.auth;

import java.util.Map;

/** The result of one authentication step: welcome, refuse, or ask the client (CHALLENGE) and continue. */
public sealed interface AuthOutcome {

    record Accept(Identity identity) implements AuthOutcome {
    }

    /** Refused: ABORT with {@code reason} (an error URI) and {@code message}. */
    record Deny(String reason, String message) implements AuthOutcome {
    }

    /** Send CHALLENGE(method, extra); the client's AUTHENTICATE goes to {@code next}. */
    record Challenge(String method, Map<String, Object> extra, ChallengeResponse next) implements AuthOutcome {
    }

    /** Continues a challenge-response exchange; may challenge again (e.g. a second factor). */
    @FunctionalInterface
    interface ChallengeResponse {
        AuthOutcome authenticate(String signature, Map<String, Object> extra);
    }
}
