package io.wamptls.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs each throughput and latency measurement against the router and the anchor, alternating them within every
 * run so that noise from the shared machine falls on both, and prints one Markdown row per measurement with the
 * medians and their ratio.
 */
final class BenchSuite {
    /** A measurement: one run against one target, returning {value} or {p50, p99}. */
    private interface Measure {
        double[] run(LoadClient.Target target) throws Exception;
    }

    private record Row(String name, String unit, boolean latency, Measure measure) {
    }

    private final LoadClient load;
    private final LoadClient.Target ours;
    private final LoadClient.Target anchor;
    private final int runs;

    BenchSuite(LoadClient load, URI ours, URI anchor, int runs) {
        this.load = load;
        this.ours = new LoadClient.Target(ours, true);
        this.anchor = new LoadClient.Target(anchor, false);
        this.runs = runs;
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String serializer : List.of("json", "msgpack")) {
            String sub = "wamp.2." + serializer;
            rows.add(new Row("pubsub-1to1-" + serializer, "events/s", false,
                    t -> new double[] {load.eventsPerSecond(t, sub, 1)}));
            rows.add(new Row("pubsub-1to100-" + serializer, "events/s delivered", false,
                    t -> new double[] {load.eventsPerSecond(t, sub, 100)}));
            rows.add(new Row("latency-10k-" + serializer, "µs p50 / p99 at 10,000 events/s", true,
                    t -> load.latencyMicros(t, sub, 10_000)));
            rows.add(new Row("rpc-sequential-" + serializer, "calls/s", false,
                    t -> new double[] {load.callsPerSecond(t, sub, 1)}));
            rows.add(new Row("rpc-100-in-flight-" + serializer, "calls/s", false,
                    t -> new double[] {load.callsPerSecond(t, sub, 100)}));
        }
        return rows;
    }

    void run(List<String> only) throws Exception {
        List<Row> selected = rows().stream().filter(r -> only.isEmpty() || only.contains(r.name())).toList();
        Map<Row, List<double[]>> oursResults = new LinkedHashMap<>();
        Map<Row, List<double[]>> anchorResults = new LinkedHashMap<>();
        // one unmeasured pass first: cold JITs on both sides drown the first 10,000 events/s run in a backlog
        // that takes seconds to drain, which says nothing about either server
        for (Row row : selected) {
            double[] o = row.measure().run(ours);
            double[] a = row.measure().run(anchor);
            System.err.printf(Locale.ROOT, "warm-up %s: ours %s anchor %s%n", row.name(), Arrays.toString(o),
                    Arrays.toString(a));
        }
        for (int run = 0; run < runs; run++) {
            for (Row row : selected) {
                oursResults.computeIfAbsent(row, r -> new ArrayList<>()).add(row.measure().run(ours));
                anchorResults.computeIfAbsent(row, r -> new ArrayList<>()).add(row.measure().run(anchor));
                System.err.printf(Locale.ROOT, "run %d %s: ours %s anchor %s%n", run + 1, row.name(),
                        Arrays.toString(last(oursResults.get(row))), Arrays.toString(last(anchorResults.get(row))));
            }
        }
        for (Row row : selected) {
            System.out.println(format(row, oursResults.get(row), anchorResults.get(row)));
        }
    }

    private static double[] last(List<double[]> list) {
        return list.get(list.size() - 1);
    }

    private String format(Row row, List<double[]> o, List<double[]> a) {
        if (row.latency()) {
            double oursP50 = median(o, 0);
            double oursP99 = median(o, 1);
            double anchorP50 = median(a, 0);
            double anchorP99 = median(a, 1);
            return String.format(Locale.ROOT, "| wamp %s (%s) | %.0f / %.0f | %.0f / %.0f | %.2f (p99) | median of %d;"
                            + " runs p99 %s vs %s; wss loopback, shared 2-core machine%s |",
                    row.name(), row.unit(), oursP50, oursP99, anchorP50, anchorP99, oursP99 / anchorP99, runs,
                    runsOf(o, 1), runsOf(a, 1), pinning());
        }
        double oursValue = median(o, 0);
        double anchorValue = median(a, 0);
        return String.format(Locale.ROOT, "| wamp %s (%s) | %,.0f | %,.0f | %.2f | median of %d; runs %s vs %s;"
                        + " wss loopback, shared 2-core machine |",
                row.name(), row.unit(), oursValue, anchorValue, oursValue / anchorValue, runs, runsOf(o, 0),
                runsOf(a, 0));
    }

    /** The bench script pins processes with taskset and says so through these variables. */
    private static String pinning() {
        String server = System.getenv("SERVER_CPUS");
        String client = System.getenv("CLIENT_CPUS");
        return server == null || client == null ? ""
                : "; servers pinned to CPU " + server + ", load client to CPU " + client;
    }

    private static double median(List<double[]> results, int index) {
        double[] values = results.stream().mapToDouble(r -> r[index]).sorted().toArray();
        return values[values.length / 2];
    }

    private static String runsOf(List<double[]> results, int index) {
        return String.join("/", results.stream().map(r -> String.format(Locale.ROOT, "%.0f", r[index])).toList());
    }
}
