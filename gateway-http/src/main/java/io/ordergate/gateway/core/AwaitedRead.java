package io.ordergate.gateway.core;

/**
 * Marks a command's attachment as a read whose answer the fan-out thread waits for (a stream subscription's snapshot,
 * each slice of which asks for the next): the reply stage wakes the fan-out once the batch that answered it is
 * published, so the answer is taken at once instead of at the fan-out's next poll (up to {@link FanOutStage#POLL_MICROS}
 * later). Only such reads wake it: an ordinary command, an order, costs the reply stage no wake-up of the fan-out
 * (docs/PERFORMANCE.md, "Idle wake-ups").
 */
public interface AwaitedRead
{
}
