package io.wamptls.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A position in the configuration tree: the JSON node, its JSON path, and the place errors go. Reading a value of
 * the wrong type records an error at the value's path and yields the caller's default, so validation can go on
 * and report every problem in one pass.
 */
final class Cursor {

    private static final Pattern ID = Pattern.compile("^[a-z][a-z0-9_]{2,63}$");
    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$\\-]*");

    private final JsonNode node;
    private final String path;
    private final Validation validation;

    Cursor(JsonNode node, String path, Validation validation) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.path = path;
        this.validation = validation;
    }

    JsonNode node() {
        return node;
    }

    String path() {
        return path;
    }

    Validation validation() {
        return validation;
    }

    boolean isMissing() {
        return node.isMissingNode();
    }

    boolean has(String key) {
        return node.isObject() && node.has(key);
    }

    Cursor get(String key) {
        return new Cursor(node.isObject() ? node.get(key) : null, childPath(key), validation);
    }

    Cursor get(int index) {
        return new Cursor(node.isArray() ? node.get(index) : null, path + "[" + index + "]", validation);
    }

    String childPath(String key) {
        String segment = SIMPLE_KEY.matcher(key).matches() ? key : "[\"" + key.replace("\"", "\\\"") + "\"]";
        if (path.isEmpty()) {
            return segment;
        }
        return segment.startsWith("[") ? path + segment : path + "." + segment;
    }

    void error(String message) {
        validation.error(path, message);
    }

    void errorAt(String key, String message) {
        validation.error(childPath(key), message);
    }

    /** True when this node is an object; records {@code expected object, got ...} otherwise. */
    boolean expectObject() {
        if (node.isObject()) {
            return true;
        }
        typeError("object");
        return false;
    }

    boolean expectArray() {
        if (node.isArray()) {
            return true;
        }
        typeError("list");
        return false;
    }

    void typeError(String expected) {
        error("expected " + expected + ", got " + typeName(node));
    }

    List<Cursor> elements() {
        List<Cursor> items = new ArrayList<>();
        for (int i = 0; i < node.size() && node.isArray(); i++) {
            items.add(get(i));
        }
        return items;
    }

    /** The fields of an object, in file order. */
    Map<String, Cursor> fields() {
        Map<String, Cursor> fields = new LinkedHashMap<>();
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                fields.put(name, get(name));
            }
        }
        return fields;
    }

    /**
     * Checks the keys of this object: keys in {@code supported} pass; keys in {@code unsupported} (attributes
     * Crossbar knows but this node cannot honour) get their reason; anything else is unknown, with a hint.
     */
    void checkKeys(Collection<String> supported, Map<String, String> unsupported) {
        for (String key : fields().keySet()) {
            if (supported.contains(key)) {
                continue;
            }
            if (unsupported.containsKey(key)) {
                errorAt(key, unsupported.get(key));
            } else {
                error("unknown attribute '" + key + "' (allowed: " + String.join(", ", supported) + ")"
                        + Suggestions.didYouMean(key, supported));
            }
        }
    }

    void checkKeys(Collection<String> supported) {
        checkKeys(supported, Map.of());
    }

    /** Records {@code missing mandatory attribute} when absent; returns the child either way. */
    Cursor require(String key) {
        if (node.isObject() && !node.has(key)) {
            error("missing mandatory attribute '" + key + "'");
        }
        return get(key);
    }

    String string(String key, String fallback) {
        Cursor child = get(key);
        if (child.isMissing()) {
            return fallback;
        }
        return child.asString(fallback);
    }

    String requireString(String key) {
        return require(key).asString(null);
    }

    String asString(String fallback) {
        if (isMissing()) {
            return fallback;
        }
        if (!node.isTextual()) {
            typeError("string");
            return fallback;
        }
        return node.textValue();
    }

    boolean bool(String key, boolean fallback) {
        Cursor child = get(key);
        if (child.isMissing()) {
            return fallback;
        }
        if (!child.node.isBoolean()) {
            child.typeError("boolean");
            return fallback;
        }
        return child.node.booleanValue();
    }

    /** An optional integer in {@code min..max}; absent gives {@code fallback}. */
    Long integer(String key, Long fallback, long min, long max) {
        Cursor child = get(key);
        if (child.isMissing()) {
            return fallback;
        }
        return child.asInteger(fallback, min, max);
    }

    Long asInteger(Long fallback, long min, long max) {
        if (isMissing()) {
            return fallback;
        }
        if (!node.isIntegralNumber()) {
            typeError("integer");
            return fallback;
        }
        if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            error("invalid value " + node.asText() + " (" + range(min, max) + ")");
            return fallback;
        }
        return node.longValue();
    }

    private static String range(long min, long max) {
        boolean unbounded = max == Long.MAX_VALUE || max == Integer.MAX_VALUE;
        return unbounded ? "must be at least " + min : "must be from " + min + " to " + max;
    }

    int integer(String key, int fallback, int min, int max) {
        return integer(key, (long) fallback, min, max).intValue();
    }

    /** An optional list of strings; a single string is a type error, as in Crossbar. */
    List<String> stringList(String key) {
        Cursor child = get(key);
        if (child.isMissing()) {
            return List.of();
        }
        if (!child.node.isArray()) {
            child.typeError("list of strings");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Cursor item : child.elements()) {
            String value = item.asString(null);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /** The item's {@code id}, checked against Crossbar's id pattern, or an automatic one. */
    String id(Supplier<String> automatic) {
        String id = string("id", null);
        if (id == null) {
            return automatic.get();
        }
        if (!ID.matcher(id).matches()) {
            errorAt("id", "invalid id '" + id + "' (must match " + ID.pattern() + ")");
        }
        return id;
    }

    /** Checks an optional {@code id} against Crossbar's id pattern. */
    void checkId() {
        id(() -> null);
    }

    /** A string option restricted to {@code allowed}; absent gives {@code fallback}. */
    String oneOf(String key, String fallback, List<String> allowed) {
        String value = string(key, null);
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            errorAt(key, "invalid value '" + value + "' (valid: " + String.join(", ", allowed) + ")"
                    + Suggestions.didYouMean(value, allowed));
            return fallback;
        }
        return value;
    }

    static String typeName(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "list";
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case NUMBER -> node.isIntegralNumber() ? "integer" : "number";
            default -> node.getNodeType().name().toLowerCase();
        };
    }
}
