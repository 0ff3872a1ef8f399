package io.wamptls.router;

import java.util.Locale;

/** REGISTER option {@code invoke}: how a shared registration picks its callee. */
enum InvokePolicy {
    SINGLE, ROUNDROBIN, RANDOM, FIRST, LAST;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static InvokePolicy fromWireName(String name) {
        for (InvokePolicy policy : values()) {
            if (policy.wireName().equals(name)) {
                return policy;
            }
        }
        return null;
    }
}
