package io.ordergate.gateway.streams;

import io.ordergate.config.StreamsConfig;

/**
 * The stream limits, from {@code streams} in the configuration (docs/CONFIGURATION.md). Immutable.
 *
 * @param maxQueuedMessages must-arrive messages a socket may have unwritten before it is closed (1008)
 * @param maxFrameBytes the largest message a client may send (1009 past it)
 * @param messagesPerSecond messages a client may send per second on one socket (twice that in a burst)
 * @param maxSubscriptionsPerSocket subscriptions one user socket may hold
 * @param pingSeconds a ping after this long without writing; a socket silent for three times this is closed
 * @param accountRefreshMillis how often an account stream is re-valued while quotes move its equity
 * @param quoteTurnMicros how long an event loop writes quotes in one turn ({@link PacedDrains}); 0: all at once
 * @param quotePauseMicros the pause between two such turns, for the loop's other work
 * @param maxPendingRequests work all sockets together may have handed the fan-out thread and it has not run yet
 */
record StreamSettings(int maxQueuedMessages, int maxFrameBytes, int messagesPerSecond, int maxSubscriptionsPerSocket, int pingSeconds,
    int accountRefreshMillis, int quoteTurnMicros, int quotePauseMicros, int maxPendingRequests)
{
    static StreamSettings of(final StreamsConfig config)
    {
        return new StreamSettings(config.maxQueuedMessages(), config.maxFrameBytes(), config.messagesPerSecond(),
            config.maxSubscriptionsPerSocket(), config.pingSeconds(), config.accountRefreshMillis(),
            config.quoteTurnMicros(), config.quotePauseMicros(), config.maxPendingRequests());
    }
}
