package io.ordergate.exchange.spi;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One thing a user-data stream said: an order's new state, balances that changed, or that the stream itself has ended
 * at the exchange (Binance's {@code listenKeyExpired}: its socket may stay open, but nothing more comes on it). Immutable.
 *
 * @param order         the order's state after the event, or null
 * @param balances      per asset {@code {free, locked}}, or null
 * @param streamExpired the stream's token is gone: the socket must be replaced (and what it missed asked for)
 */
public record StreamEvent(OrderState order, Map<String, BigDecimal[]> balances, boolean streamExpired)
{
    /** The stream's token expired at the exchange: nothing more comes on this socket. */
    public static final StreamEvent STREAM_EXPIRED = new StreamEvent(null, null, true);

    public StreamEvent(final OrderState order, final Map<String, BigDecimal[]> balances)
    {
        this(order, balances, false);
    }
}
