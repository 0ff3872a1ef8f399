package io.wamptls.wamp;

import java.util.concurrent.ThreadLocalRandom;

/** WAMP IDs: integers in [1, 2^53]. */
public final class Ids {
    /** 2^53, the largest valid ID. */
    public static final long MAX = 1L << 53;

    private Ids() {
    }

    public static boolean isValid(long id) {
        return id >= 1 && id <= MAX;
    }

    /** A global-scope ID (session, publication): drawn uniformly at random from [1, 2^53]. */
    public static long random() {
        return ThreadLocalRandom.current().nextLong(1, MAX + 1);
    }

    /** The ID after {@code id} in a session-scope sequence, wrapping from 2^53 back to 1. */
    public static long next(long id) {
        return id >= MAX ? 1 : id + 1;
    }
}
