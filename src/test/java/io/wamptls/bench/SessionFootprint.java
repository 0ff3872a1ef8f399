package io.wamptls.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Heap and RSS per idle session: opens N sessions to a server process and compares its live heap (after a full GC,
 * read with jcmd/jstat) and its RSS before and after. Against the router each session has joined realm1.
 */
final class SessionFootprint {
    private final LoadClient load;

    SessionFootprint(LoadClient load) {
        this.load = load;
    }

    void run(URI ours, long oursPid, URI anchor, long anchorPid, int count, String label) throws Exception {
        long[] o = measure(new LoadClient.Target(ours, true), oursPid, count);
        long[] a = measure(new LoadClient.Target(anchor, false), anchorPid, count);
        System.out.println(String.format(Locale.ROOT, "| wamp idle sessions: heap per session (%,d attempted, json, %s) |"
                        + " %.1f KiB | %.1f KiB | %.2f | live heap after full GC, %,d sessions open at once; anchor = bare WebSocket"
                        + " connection |", count, label, o[0] / 1024.0 / o[2], a[0] / 1024.0 / a[2],
                (o[0] / (double) o[2]) / (a[0] / (double) a[2]), o[2]));
        System.out.println(String.format(Locale.ROOT, "| wamp idle sessions: RSS per session (%,d attempted, json, %s) |"
                        + " %.1f KiB | %.1f KiB | %.2f | process RSS growth; includes JVM heap growth, so noisy |",
                count, label, o[1] / 1024.0 / o[2], a[1] / 1024.0 / a[2], (o[1] / (double) o[2]) / (a[1] / (double) a[2])));
    }

    /** {heap growth bytes, RSS growth bytes, sessions opened}. */
    private long[] measure(LoadClient.Target target, long pid, int count) throws Exception {
        long heapBefore = liveHeap(pid);
        long rssBefore = rss(pid);
        List<BenchConnection> open = load.openIdle(target, "wamp.2.json", count);
        Thread.sleep(2000);
        long heapAfter = liveHeap(pid);
        long rssAfter = rss(pid);
        System.err.printf(Locale.ROOT, "%s: %d sessions, heap %d -> %d, rss %d -> %d, open files: server %d,"
                        + " client %d%n", target.uri(), open.size(), heapBefore, heapAfter, rssBefore, rssAfter,
                openFiles(pid), openFiles(ProcessHandle.current().pid()));
        open.forEach(BenchConnection::close);
        Thread.sleep(2000);
        return new long[] {heapAfter - heapBefore, rssAfter - rssBefore, open.size()};
    }

    /** Used heap in bytes after a full GC, summed from jstat's S0U S1U EU OU columns. */
    private static long liveHeap(long pid) throws IOException, InterruptedException {
        exec("jcmd", String.valueOf(pid), "GC.run");
        Thread.sleep(500);
        String[] lines = exec("jstat", "-gc", String.valueOf(pid)).strip().split("\n");
        List<String> header = List.of(lines[0].trim().split("\\s+"));
        String[] values = lines[1].trim().split("\\s+");
        double kb = 0;
        for (String column : List.of("S0U", "S1U", "EU", "OU")) {
            kb += Double.parseDouble(values[header.indexOf(column)]);
        }
        return (long) (kb * 1024);
    }

    private static long openFiles(long pid) throws IOException {
        try (var files = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return files.count();
        }
    }

    private static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }

    private static String exec(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }
}
