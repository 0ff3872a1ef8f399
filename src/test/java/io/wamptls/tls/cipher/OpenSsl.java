package io.wamptls.tls.cipher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs the real {@code openssl ciphers} for the comparison tests. */
final class OpenSsl {

    /** What {@code openssl ciphers} made of a string. */
    sealed interface Outcome {
        /** The names printed, in order ("no cipher match" is an empty list). */
        record Suites(List<String> names) implements Outcome {
        }

        /** OpenSSL rejected the string as malformed ("invalid command"). */
        record Rejected(String message) implements Outcome {
        }
    }

    private OpenSsl() {
    }

    static boolean isAvailable() {
        try {
            return run(List.of("openssl", "version")).exitCode == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code openssl ciphers [options] -- cipherString}, "--" so that strings starting with '-' work. */
    static Outcome ciphers(String cipherString, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl", "ciphers"));
        command.addAll(Arrays.asList(options));
        command.add("--");
        command.add(cipherString);
        Result result = run(command);
        if (result.exitCode == 0) {
            String out = result.stdout.strip();
            return new Outcome.Suites(out.isEmpty() ? List.of() : List.of(out.split(":")));
        }
        if (result.stderr.contains("no cipher match")) {
            return new Outcome.Suites(List.of());
        }
        if (result.stderr.contains("invalid command")) {
            return new Outcome.Rejected(result.stderr.strip());
        }
        throw new IOException("openssl ciphers " + command + " failed: " + result.stderr);
    }

    /** {@code openssl ciphers -v ...}: the raw output, or "" when OpenSSL reports an error. */
    static String verbose(String cipherString, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl", "ciphers", "-v"));
        command.addAll(Arrays.asList(options));
        command.add("--");
        command.add(cipherString);
        Result result = run(command);
        return result.exitCode == 0 ? result.stdout : "";
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String stdout = readAll(process.getInputStream());
        try {
            return new Result(process.waitFor(), stdout, stderr.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String readAll(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
