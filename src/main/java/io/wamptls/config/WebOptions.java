package io.wamptls.config;

/**
 * The {@code options} of a web transport.
 *
 * @param hstsMaxAge    seconds; Crossbar's default 31536000
 * @param clientTimeout HTTP idle timeout in seconds, or null for none
 */
public record WebOptions(boolean accessLog, boolean displayTracebacks, boolean hsts, long hstsMaxAge,
                         Integer clientTimeout, boolean showServerVersion) {
    public static final long DEFAULT_HSTS_MAX_AGE = 31536000L;
    public static final WebOptions DEFAULT = new WebOptions(false, false, false, DEFAULT_HSTS_MAX_AGE, null, false);
}
