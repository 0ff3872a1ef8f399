package io.wamptls.router;

/** Runs a task later (call timeouts); the dealer gets one that runs it under the realm lock. */
interface CallTimer {

    /** Runs {@code task} after {@code delayMillis}; the returned action cancels it. */
    Runnable schedule(long delayMillis, Runnable task);
}
