package io.wamptls.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Checks on files the configuration names, done while validating so that a missing certificate is a
 * configuration error with a JSON path rather than a failure at start-up. Content (PEM) is checked elsewhere.
 */
final class FileChecks {

    private FileChecks() {
    }

    /** The problem with a file that must be a readable, non-empty regular file, or null when it is fine. */
    static String fileProblem(Path file) {
        if (!Files.exists(file)) {
            return cannotRead(file, "No such file");
        }
        if (Files.isDirectory(file)) {
            return cannotRead(file, "is a directory");
        }
        if (!Files.isRegularFile(file)) {
            return cannotRead(file, "not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() < 0 ? cannotRead(file, "empty file") : null;
        } catch (IOException e) {
            return cannotRead(file, reason(e));
        }
    }

    /** The problem with a path that must be a readable directory, or null when it is fine. */
    static String directoryProblem(Path dir) {
        if (!Files.exists(dir)) {
            return cannotRead(dir, "No such directory");
        }
        if (!Files.isDirectory(dir)) {
            return cannotRead(dir, "not a directory");
        }
        try (var entries = Files.newDirectoryStream(dir)) {
            return null;
        } catch (IOException e) {
            return cannotRead(dir, reason(e));
        }
    }

    /** A file name as it can be shown in a message: control characters escaped. */
    static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.chars().forEach(ch -> out.append(Character.isISOControl(ch) ? String.format("\\u%04x", ch) : (char) ch));
        return out.toString();
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String cannotRead(Path path, String reason) {
        return "cannot read " + path + " (" + reason + ")";
    }
}
