package io.wamptls.router;

import io.wamptls.wamp.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Many sessions driven from many threads at once, as Jetty does: nothing lost, nothing deadlocked. */
class ConcurrencyTest {
    private static final int PUBLISHERS = 8;
    private static final int EVENTS_EACH = 500;

    @Test
    @Timeout(30)
    void concurrentPublishersCallersAndJoinsAndLeaves() throws Exception {
        Router router = Realms.router(Realms.open());
        TestClient subscriber = TestClient.joined(router, "realm1");
        subscriber.subscribe("com.example.topic");
        TestClient callee = TestClient.joined(router, "realm1");
        callee.register("com.example.echo");

        List<TestClient> publishers = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            publishers.add(TestClient.joined(router, "realm1"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(PUBLISHERS + 2);
        List<Future<?>> work = new ArrayList<>();
        for (TestClient publisher : publishers) {
            work.add(pool.submit(() -> {
                for (int n = 0; n < EVENTS_EACH; n++) {
                    publisher.send(new Message.Publish(publisher.request(), Map.of(), "com.example.topic", List.of(n), null));
                    publisher.send(new Message.Call(publisher.request(), Map.of("timeout", 10_000), "com.example.echo", List.of(n), null));
                }
            }));
        }
        // the callee answers invocations from its own thread while calls keep coming
        work.add(pool.submit(() -> {
            for (int answered = 0; answered < PUBLISHERS * EVENTS_EACH; answered++) {
                Message.Invocation invocation = callee.expect(Message.Invocation.class);
                callee.send(new Message.Yield(invocation.request(), Map.of(), invocation.args(), null));
            }
        }));
        // sessions joining and leaving meanwhile
        work.add(pool.submit(() -> {
            for (int n = 0; n < 200; n++) {
                TestClient.joined(router, "realm1").session.transportClosed();
            }
        }));
        for (Future<?> future : work) {
            future.get(25, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertEquals(PUBLISHERS * EVENTS_EACH, subscriber.peer.drain().size());
        for (TestClient publisher : publishers) {
            List<Message> results = publisher.peer.drain();
            assertEquals(EVENTS_EACH, results.size());
            results.forEach(m -> assertEquals(Message.Result.class, m.getClass()));
        }
        assertEquals(PUBLISHERS + 2, router.sessionCount());
        router.shutdown();
        assertEquals(0, router.sessionCount());
    }
}
