/**
 * WAR deployment into a hosted Jetty 12 (ee10): the host owns connectors and TLS; the WAR brings the router, its
 * realms and its WAMP endpoint at {@code /ws}, configured from a Crossbar node configuration.
 */
package io.wamptls.war;
