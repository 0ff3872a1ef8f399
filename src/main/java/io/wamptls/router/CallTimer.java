package io.wamptls.router;

/** Runs call timeouts; the realm's implementation runs the task under the realm lock. */
interface CallTimer {

    /** Runs {@code task} after {@code delayMillis}; the returned action cancels it. */
    Runnable schedule(long delayMillis, Runnable task);
}
