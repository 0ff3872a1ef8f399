package io.wamptls.bench;

import io.wamptls.wamp.Message;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.core.client.WebSocketCoreClient;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark's load client, one JVM on Jetty's core WebSocket client, the same for the router and the anchor.
 * Against the router it speaks WAMP (HELLO, SUBSCRIBE, REGISTER, then PUBLISH, CALL, YIELD); against the
 * {@link RawForwarder} it sends the very same PUBLISH and CALL frames, which the forwarder hands to the other
 * clients unchanged. Each measurement warms up for {@link #WARMUP_MS}, then measures for {@link #MEASURE_MS}.
 */
public final class LoadClient {
    static final long WARMUP_MS = 1500;
    static final long MEASURE_MS = 4000;
    private static final String TOPIC = "bench.topic";
    private static final String PROCEDURE = "bench.echo";

    /** Where to connect, and whether the server is a WAMP router (else the raw forwarder). */
    record Target(URI uri, boolean wamp) {
    }

    private final WebSocketCoreClient client;

    LoadClient() throws Exception {
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(new SslContextFactory.Client(true)); // loopback, development certificate
        HttpClient http = new HttpClient(new HttpClientTransportOverHTTP(connector));
        http.setMaxConnectionsPerDestination(100_000);
        http.setMaxRequestsQueuedPerDestination(100_000);
        http.start();
        client = new WebSocketCoreClient(http, null);
        client.start();
    }

    /** Opens a connection and, against the router, joins realm1. */
    BenchConnection join(Target target, WampFrames frames, String subprotocol) throws Exception {
        CompletableFuture<byte[]> welcome = new CompletableFuture<>();
        BenchConnection connection = BenchConnection.open(client, target.uri(), subprotocol,
                (c, message) -> welcome.complete(message)).get(60, TimeUnit.SECONDS);
        if (target.wamp()) {
            connection.send(frames.hello());
            Message reply = frames.decode(welcome.get(60, TimeUnit.SECONDS));
            if (!(reply instanceof Message.Welcome)) {
                throw new IllegalStateException("not welcomed: " + reply);
            }
        }
        return connection;
    }

    /** Sends one request (router only) and waits for its answer. */
    static void request(Target target, BenchConnection connection, byte[] frame) throws Exception {
        if (!target.wamp()) {
            return;
        }
        CompletableFuture<byte[]> reply = new CompletableFuture<>();
        connection.onMessage((c, message) -> reply.complete(message));
        connection.send(frame);
        reply.get(30, TimeUnit.SECONDS);
    }

    /** Events delivered per second (summed over subscribers), the publisher sending as fast as the window allows. */
    double eventsPerSecond(Target target, String subprotocol, int subscribers) throws Exception {
        WampFrames frames = new WampFrames(subprotocol);
        LongAdder delivered = new LongAdder();
        List<BenchConnection> all = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            BenchConnection subscriber = join(target, frames, subprotocol);
            request(target, subscriber, frames.subscribe(TOPIC));
            subscriber.onMessage((c, message) -> delivered.increment());
            all.add(subscriber);
        }
        BenchConnection publisher = join(target, frames, subprotocol);
        publisher.onMessage((c, message) -> { });
        all.add(publisher);

        long window = 1000L * subscribers; // deliveries outstanding before the publisher waits
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.MILLISECONDS.toNanos(WARMUP_MS);
        long end = measureFrom + TimeUnit.MILLISECONDS.toNanos(MEASURE_MS);
        long sent = 0;
        long deliveredAtStart = -1;
        long now;
        while ((now = System.nanoTime()) < end) {
            if (deliveredAtStart < 0 && now >= measureFrom) {
                deliveredAtStart = delivered.sum();
                measureFrom = now;
            }
            if (sent * subscribers - delivered.sum() > window) {
                LockSupport.parkNanos(20_000);
                continue;
            }
            publisher.send(frames.publish(++sent, TOPIC, 0));
        }
        double rate = (delivered.sum() - deliveredAtStart) * 1e9 / (System.nanoTime() - measureFrom);
        all.forEach(BenchConnection::close);
        return rate;
    }

    /** Publish-to-event latencies in microseconds, {p50, p99}, publishing at a fixed rate to one subscriber. */
    double[] latencyMicros(Target target, String subprotocol, int perSecond) throws Exception {
        WampFrames frames = new WampFrames(subprotocol);
        BenchConnection subscriber = join(target, frames, subprotocol);
        request(target, subscriber, frames.subscribe(TOPIC));
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.MILLISECONDS.toNanos(WARMUP_MS);
        long end = measureFrom + TimeUnit.MILLISECONDS.toNanos(MEASURE_MS);
        long[] samples = new long[(int) (perSecond * (MEASURE_MS / 1000.0) * 1.1) + 16];
        AtomicInteger count = new AtomicInteger();
        subscriber.onMessage((c, message) -> {
            long sentNanos = frames.sentNanos(message);
            long latency = System.nanoTime() - sentNanos;
            if (sentNanos >= measureFrom) {
                int i = count.getAndIncrement();
                if (i < samples.length) {
                    samples[i] = latency;
                }
            }
        });
        BenchConnection publisher = join(target, frames, subprotocol);
        publisher.onMessage((c, message) -> { });
        long interval = 1_000_000_000L / perSecond;
        for (long i = 0; ; i++) {
            long due = start + i * interval;
            if (due > end) {
                break;
            }
            // parking only (no spinning): a spinning publisher would take a core from the server on this
            // 2-core machine; each event carries its own send time, so the timer's slack adds no error
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            publisher.send(frames.publish(i + 1, TOPIC, System.nanoTime()));
        }
        Thread.sleep(500);
        subscriber.close();
        publisher.close();
        long[] measured = Arrays.copyOf(samples, Math.min(count.get(), samples.length));
        Arrays.sort(measured);
        return new double[] {percentile(measured, 0.50) / 1000.0, percentile(measured, 0.99) / 1000.0};
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[(int) Math.min(sorted.length - 1, Math.round(p * sorted.length))];
    }

    /** Calls per second with {@code inFlight} calls outstanding; the callee answers each at once. */
    double callsPerSecond(Target target, String subprotocol, int inFlight) throws Exception {
        WampFrames frames = new WampFrames(subprotocol);
        BenchConnection callee = join(target, frames, subprotocol);
        request(target, callee, frames.register(PROCEDURE));
        // the anchor's callee decodes too, so both do the same client-side work; it echoes the frame back
        callee.onMessage((c, message) -> {
            Message decoded = frames.decode(message);
            c.send(decoded instanceof Message.Invocation invocation ? frames.yieldFor(invocation.request()) : message);
        });
        BenchConnection caller = join(target, frames, subprotocol);
        AtomicLong completed = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        long stopAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WARMUP_MS + MEASURE_MS + 200);
        caller.onMessage((c, message) -> {
            completed.incrementAndGet();
            if (System.nanoTime() < stopAt) {
                c.send(frames.call(requests.incrementAndGet(), PROCEDURE));
            }
        });
        for (int i = 0; i < inFlight; i++) {
            caller.send(frames.call(requests.incrementAndGet(), PROCEDURE));
        }
        Thread.sleep(WARMUP_MS);
        long before = completed.get();
        long from = System.nanoTime();
        Thread.sleep(MEASURE_MS);
        double rate = (completed.get() - before) * 1e9 / (System.nanoTime() - from);
        Thread.sleep(300);
        caller.close();
        callee.close();
        return rate;
    }

    /**
     * Opens {@code count} idle sessions (WAMP-joined against the router), at most 50 handshakes at a time; a failed
     * handshake (a starved server may drop it) is counted, not retried.
     */
    List<BenchConnection> openIdle(Target target, String subprotocol, int count) throws Exception {
        WampFrames frames = new WampFrames(subprotocol);
        java.util.concurrent.Semaphore permits = new java.util.concurrent.Semaphore(50);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        List<BenchConnection> open = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            permits.acquire();
            pool.execute(() -> {
                try {
                    open.add(join(target, frames, subprotocol));
                } catch (Exception e) {
                    if (failed.incrementAndGet() <= 3) {
                        Throwable root = e;
                        while (root.getCause() != null) {
                            root = root.getCause();
                        }
                        System.err.println(target.uri() + ": handshake failed with " + open.size() + " open: " + root);
                    }
                } finally {
                    permits.release();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        if (failed.get() > 0) {
            System.err.println(target.uri() + ": " + failed.get() + " of " + count + " handshakes failed");
        }
        return new ArrayList<>(open);
    }

    public static void main(String[] args) throws Exception {
        LoadClient load = new LoadClient();
        int code = 0;
        try {
            switch (args[0]) {
                case "suite" -> new BenchSuite(load, URI.create(args[1]), URI.create(args[2]),
                        Integer.parseInt(args[3])).run(List.of(args).subList(4, args.length));
                case "sessions" -> new SessionFootprint(load).run(URI.create(args[1]), Long.parseLong(args[2]),
                        URI.create(args[3]), Long.parseLong(args[4]), Integer.parseInt(args[5]),
                        args.length > 6 ? args[6] : "");
                default -> {
                    System.err.println("usage: LoadClient suite OURS ANCHOR RUNS [NAME...] "
                            + "| sessions OURS PID ANCHOR PID COUNT [LABEL]");
                    code = 2;
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }
}
