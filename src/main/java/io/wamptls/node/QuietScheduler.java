package io.wamptls.node;

import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

import java.util.concurrent.TimeUnit;

/**
 * Jetty's scheduler, kept from waking its thread for every new connection.
 * <p>
 * Every connection schedules its idle timeout when it opens and cancels it when it closes. The JDK's delay queue
 * wakes the scheduler thread whenever a new task becomes its earliest, so that the thread can wait for that task
 * instead: on a node with no other timer due, that was nearly every new connection, one futex wake and two context
 * switches each. A tick that reschedules itself every second keeps an earlier task at the head of the queue, so a
 * timeout further off than that (idle timeouts are seconds to minutes) is queued without waking anyone. Timers shorter
 * than the tick still wake the thread and run on time.
 */
final class QuietScheduler extends ScheduledExecutorScheduler {
    static final long TICK_MILLIS = 1000;

    QuietScheduler() {
        super("Scheduler-wamp-tls", false);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        tick();
    }

    private void tick() {
        if (isRunning()) {
            schedule(this::tick, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }
}
