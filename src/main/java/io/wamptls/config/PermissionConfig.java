package io.wamptls.config;

/**
 * One permission of a role. {@code match} is {@code exact}, {@code prefix} or {@code wildcard}; when the file
 * leaves it out it is derived from the URI as Crossbar does (no star: exact; one trailing star: prefix, the star
 * dropped; otherwise wildcard).
 */
public record PermissionConfig(String jsonPath, String uri, String match,
                               boolean allowCall, boolean allowRegister, boolean allowPublish, boolean allowSubscribe,
                               boolean discloseCaller, boolean disclosePublisher, boolean cache) {
}
