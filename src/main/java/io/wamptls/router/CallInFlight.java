package io.wamptls.router;

/** A CALL forwarded as an INVOCATION and waiting for the callee's YIELD or ERROR. */
final class CallInFlight {
    final SessionRef caller;
    final long callRequest;
    final SessionRef callee;
    final long invocation;
    final Registration registration;
    /** The caller asked for progressive results. */
    final boolean receiveProgress;
    /** 0 = no timeout. */
    final long timeoutMillis;
    Runnable cancelTimer = () -> { };
    /** A CANCEL with mode kill was passed on; the callee's answer ends the call. */
    boolean killRequested;

    CallInFlight(SessionRef caller, long callRequest, SessionRef callee, long invocation,
                 Registration registration, boolean receiveProgress, long timeoutMillis) {
        this.caller = caller;
        this.callRequest = callRequest;
        this.callee = callee;
        this.invocation = invocation;
        this.registration = registration;
        this.receiveProgress = receiveProgress;
        this.timeoutMillis = timeoutMillis;
    }
}
