package io.ordergate.exchange.client;

import io.ordergate.exchange.spi.OrderTicket;

/**
 * An order an {@link OrderSession} still follows; {@code sinceMillis} starts its "not found means not yet known"
 * window. Shared by a session and the one that adopts its orders (a new link). Thread safe: its changing fields are
 * volatile, written by the connector's I/O threads.
 */
final class TrackedOrder
{
    final long orderId;
    final String symbol;
    final String clientOrderId;
    /** What was sent (null for an order followed after a restart, or known only from a cancel's answer). */
    final OrderTicket ticket;
    volatile long sinceMillis;
    /**
     * A place request is out (or held for the rate governor, or a 429's {@code Retry-After}) and has no answer yet: a
     * query's "not found" means nothing then, since the send may still create the order. Only the send's answer clears it.
     */
    volatile boolean sendPending;
    /** The gateway asked to cancel it: sent again whenever the order is found still open, until it is done. */
    volatile boolean cancelWanted;
    /** Cancels sent again so far: the back-off's exponent (a lost increment only shortens one wait). */
    volatile int cancelsSent;

    TrackedOrder(final long orderId, final String symbol, final String clientOrderId, final OrderTicket ticket, final long sinceMillis)
    {
        this.orderId = orderId;
        this.symbol = symbol;
        this.clientOrderId = clientOrderId;
        this.ticket = ticket;
        this.sinceMillis = sinceMillis;
    }
}
