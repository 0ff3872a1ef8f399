package io.wamptls.config;

/** The {@code controller} item; only its id and title matter to this node. */
public record ControllerConfig(String id, String title) {
    public static final ControllerConfig DEFAULT = new ControllerConfig(null, null);
}
