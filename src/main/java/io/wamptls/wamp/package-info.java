/**
 * The WAMP v2 vocabulary, no I/O: {@link io.wamptls.wamp.MessageType}, the sealed {@link io.wamptls.wamp.Message}
 * with one record per message, {@link io.wamptls.wamp.MessageLists} between records and the list form
 * {@code [code, ...]} (validating, with errors that name the message and element), IDs and the predefined URIs.
 */
package io.wamptls.wamp;
