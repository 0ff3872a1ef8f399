package io.wamptls.node;

import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A connection schedules its idle timeout when it opens and cancels it when it closes; the test does that 200 times
 * and counts how often the scheduler thread went back to waiting, that is, how often it was woken.
 */
class QuietSchedulerTest {

    private static final int CONNECTIONS = 200;

    @Test
    void idleTimeoutsOfShortConnectionsDoNotWakeTheSchedulerThread() throws Exception {
        long wakeUps = wakeUpsFor(new QuietScheduler(), "Scheduler-wamp-tls");
        assertTrue(wakeUps < CONNECTIONS / 10, "scheduler thread woken " + wakeUps + " times");
    }

    @Test
    void jettysOwnSchedulerIsWokenByEachOfThem() throws Exception {
        long wakeUps = wakeUpsFor(new ScheduledExecutorScheduler("Scheduler-plain", false), "Scheduler-plain");
        assertTrue(wakeUps > CONNECTIONS / 2, "scheduler thread woken " + wakeUps + " times");
    }

    @Test
    void aTimerShorterThanTheTickStillRunsOnTime() throws Exception {
        QuietScheduler scheduler = new QuietScheduler();
        scheduler.start();
        try {
            CountDownLatch ran = new CountDownLatch(1);
            long start = System.nanoTime();
            scheduler.schedule(ran::countDown, 50, TimeUnit.MILLISECONDS);
            assertTrue(ran.await(2, TimeUnit.SECONDS));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(tookMillis < QuietScheduler.TICK_MILLIS / 2, "50 ms timer ran after " + tookMillis + " ms");
        } finally {
            scheduler.stop();
        }
    }

    private static long wakeUpsFor(ScheduledExecutorScheduler scheduler, String threadName) throws Exception {
        scheduler.start();
        try {
            scheduler.schedule(() -> { }, 0, TimeUnit.MILLISECONDS); // starts the thread
            Thread.sleep(100);
            long before = waitedCount(threadName);
            for (int i = 0; i < CONNECTIONS; i++) {
                Scheduler.Task idleTimeout = scheduler.schedule(() -> { }, 30, TimeUnit.SECONDS);
                Thread.sleep(1); // the connection's life
                idleTimeout.cancel();
            }
            return waitedCount(threadName) - before;
        } finally {
            scheduler.stop();
        }
    }

    private static long waitedCount(String threadNamePrefix) {
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            if (info.getThreadName().startsWith(threadNamePrefix)) {
                return info.getWaitedCount();
            }
        }
        throw new AssertionError("no thread named " + threadNamePrefix + "*");
    }
}
