/**
 * The node configuration: immutable records mirroring Crossbar's {@code config.json} / {@code config.yaml}, and
 * {@link io.wamptls.config.ConfigLoader}, which reads and validates one.
 *
 * <p>Errors. Validation does not stop at the first problem: a {@link io.wamptls.config.ConfigException} carries
 * every {@link io.wamptls.config.ConfigError}, each with the JSON path of the item it is about. Paths use dots for
 * object keys and brackets for list indexes ({@code workers[0].transports[1].endpoint.tls}); a key that is not a
 * plain name is quoted ({@code paths["/"]}). The root is the empty path. A missing or unknown attribute is reported
 * at the object that should (not) hold it; a bad value at the value itself. Syntax errors (including duplicate keys)
 * are one error at the root naming the file, line and column.
 *
 * <p>Where this node differs from Crossbar, on purpose:
 * <ul>
 *   <li>Files named by {@code tls} and static {@code directory} are checked while validating (exist, right kind,
 *       readable, files non-empty), not when the transport starts. Relative names resolve against the node
 *       directory.</li>
 *   <li>What Crossbar accepts but this node cannot do (other worker, transport, endpoint, path, serializer and
 *       authentication types; dynamic authorizers and authenticators; WebSocket options at values Jetty cannot
 *       honour) is an error that says so, never silently ignored.</li>
 *   <li>A realm needs a {@code name} (Crossbar's checker lets it pass, then fails at start). Roles named by an
 *       {@code auth} block must be defined by a realm of the same worker ({@code trusted} excepted).</li>
 *   <li>Two transports listening on the same port and an overlapping interface are an error unless both are
 *       {@code shared}.</li>
 *   <li>A router worker with {@code options.disabled: true} is validated but left out of the result.</li>
 *   <li>With both {@code config.json} and {@code config.yaml} present, the JSON file is used and a warning is
 *       logged.</li>
 * </ul>
 */
package io.wamptls.config;
