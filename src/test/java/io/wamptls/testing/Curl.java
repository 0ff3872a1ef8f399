package io.wamptls.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the system {@code curl}: exact request paths ({@code --path-as-is}) and HTTP/2 as a real client speaks it. */
public final class Curl {

    /** One response: status, the HTTP version curl used ("1.1", "2"), headers (lower-case names) and body. */
    public record Response(int status, String httpVersion, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private Curl() {
    }

    public static Response run(Path ca, String... args) throws IOException, InterruptedException {
        Path headers = Files.createTempFile("curl", ".headers");
        Path body = Files.createTempFile("curl", ".body");
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--path-as-is", "--max-time", "10",
                "-D", headers.toString(), "-o", body.toString(), "-w", "%{http_code} %{http_version}"));
        if (ca != null) {
            command.addAll(List.of("--cacert", ca.toString()));
        }
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String[] parts = out.split(" ");
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : Files.readAllLines(headers, StandardCharsets.ISO_8859_1)) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("HTTP/")) {
                fields.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        Response response = new Response(Integer.parseInt(parts[0]), parts.length > 1 ? parts[1] : "",
                fields, Files.readString(body, StandardCharsets.ISO_8859_1));
        Files.deleteIfExists(headers);
        Files.deleteIfExists(body);
        return response;
    }
}
