package io.wamptls.tls.cipher;

import io.wamptls.tls.cipher.CipherRule.Operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a cipher string into rules, character by character as OpenSSL's {@code ssl_cipher_process_rulestr}
 * does, because its quirks are observable:
 * <ul>
 *   <li>items are separated by {@code :}, {@code ,}, {@code ;} or space; an operator right after a
 *       recognised name also starts a new item ({@code AES128-SHA!RSA});</li>
 *   <li>a name is a run of {@code [A-Za-z0-9.=-]}; a name OpenSSL does not know (or a {@code +} join whose
 *       parts cannot all match at once) makes it skip silently to the next separator, so
 *       {@code TLS_AES_128_GCM_SHA256} is skipped, while any other character where a name should start
 *       ({@code AES+}, {@code AES128-SHA_x}, {@code _x}) is an error that makes OpenSSL reject the whole
 *       string.</li>
 * </ul>
 */
final class CipherStringParser {

    /** The rules in order, and the errors that make OpenSSL reject the string (empty if none). */
    record Result(List<CipherRule> rules, List<String> errors) {
    }

    private final String text;
    private final Function<String, Optional<CipherPattern>> names;
    private final List<CipherRule> rules = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private int pos;

    private CipherStringParser(String text, Function<String, Optional<CipherPattern>> names) {
        this.text = text;
        this.names = names;
    }

    /**
     * @param names resolves a cipher name or alias to what it selects; empty for names OpenSSL does not know
     */
    static Result parse(String text, Function<String, Optional<CipherPattern>> names) {
        CipherStringParser parser = new CipherStringParser(text, names);
        parser.parseItems();
        return new Result(List.copyOf(parser.rules), List.copyOf(parser.errors));
    }

    static boolean isSeparator(char c) {
        return c == ':' || c == ' ' || c == ';' || c == ',';
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '=';
    }

    private void parseItems() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (isSeparator(c)) {
                pos++;
                continue;
            }
            switch (c) {
                case '!' -> { pos++; parseSelection(Operation.KILL); }
                case '-' -> { pos++; parseSelection(Operation.DELETE); }
                case '+' -> { pos++; parseSelection(Operation.MOVE_TO_END); }
                case '@' -> { pos++; parseCommand(); }
                default -> parseSelection(Operation.ADD);
            }
        }
    }

    /** One name, or several joined with {@code +}, narrowed into a single pattern. */
    private void parseSelection(Operation operation) {
        CipherPattern pattern = CipherPattern.ANY;
        while (true) {
            String name = readName();
            if (name.isEmpty()) {
                errorAndSkip("expected a cipher name at offset " + pos);
                return;
            }
            boolean joined = pos < text.length() && text.charAt(pos) == '+';
            if (joined) {
                pos++;
            }
            Optional<CipherPattern> narrowed = names.apply(name).flatMap(pattern::and);
            if (narrowed.isEmpty()) {
                skipToSeparator();
                return;
            }
            pattern = narrowed.get();
            if (!joined) {
                rules.add(new CipherRule.Select(operation, pattern));
                return;
            }
        }
    }

    private void parseCommand() {
        String command = readName();
        if (command.equals("STRENGTH")) {
            rules.add(new CipherRule.SortByStrength());
        } else if (command.length() == 10 && command.startsWith("SECLEVEL=")
                && command.charAt(9) >= '0' && command.charAt(9) <= '5') {
            rules.add(new CipherRule.SecurityLevel(command.charAt(9) - '0'));
        } else if (command.isEmpty()) {
            errorAndSkip("expected a command after @ at offset " + pos);
            return;
        } else {
            errors.add("unknown command @" + command);
        }
        // OpenSSL ignores whatever follows a command up to the next separator (@STRENGTH+X).
        skipToSeparator();
    }

    private String readName() {
        int start = pos;
        while (pos < text.length() && isNameChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** OpenSSL steps over the offending character, then skips to the next separator. */
    private void errorAndSkip(String message) {
        errors.add(message);
        pos++;
        skipToSeparator();
    }

    private void skipToSeparator() {
        while (pos < text.length() && !isSeparator(text.charAt(pos))) {
            pos++;
        }
    }
}
