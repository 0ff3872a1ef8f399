/**
 * Serializers behind one {@link io.wamptls.wamp.codec.Serializer} interface: JSON (binary values as
 * {@code "\u0000" + base64}), MessagePack and CBOR, all on Jackson, and the {@link io.wamptls.wamp.codec.Serializers}
 * registry. Decoding failures are {@link io.wamptls.wamp.ProtocolViolation}s.
 */
package io.wamptls.wamp.codec;
