package io.ordergate.gateway.streams;

import io.ordergate.engine.command.CommandType;
import io.ordergate.gateway.json.RequestBody;

/**
 * How {@link StreamHub} publishes its reads (a subscription's snapshot, an account valued again): through the
 * gateway's {@code CommandPublisher}; a test holds the reads instead, to bring them round in an order of its own.
 * Any thread.
 */
@FunctionalInterface
interface StreamReads
{
    /** @return false when the ring is full: nothing was published */
    boolean publish(CommandType type, int principal, int source, RequestBody body, Object attachment);
}
