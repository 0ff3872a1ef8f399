package io.wamptls.websocket;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** The one small scheduler for WebSocket timers (auto-ping, close handshake timeout); its thread is a daemon. */
final class Timers {
    static final ScheduledExecutorService SCHEDULER = create();

    private Timers() {
    }

    private static ScheduledExecutorService create() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "wamp-tls-websocket-timers");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
