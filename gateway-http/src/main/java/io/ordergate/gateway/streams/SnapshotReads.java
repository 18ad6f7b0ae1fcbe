package io.ordergate.gateway.streams;

import io.ordergate.engine.command.CommandType;
import io.ordergate.gateway.json.RequestBody;

/**
 * How {@link StreamHub} publishes the read a subscription starts with: through the gateway's {@code CommandPublisher}
 * as a WebSocket command; a test holds the reads instead, to bring them round in an order of its own. Any thread.
 */
@FunctionalInterface
interface SnapshotReads
{
    /** @return false when the ring is full: nothing was published */
    boolean publish(CommandType type, int principal, RequestBody body, Object attachment);
}
