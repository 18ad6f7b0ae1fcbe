package io.ordergate.exchange.spi;

import java.math.BigDecimal;

/**
 * One order as the gateway sends it to an exchange, in neutral terms a dialect turns into its own parameters.
 * Immutable: safe from any thread.
 *
 * @param side          {@code BUY} or {@code SELL}
 * @param type          {@code MARKET}, {@code LIMIT} or {@code STOP} (a stop-market order triggered at {@code price})
 * @param timeInForce   {@code GTC}, {@code IOC} or {@code FOK}
 * @param price         the limit or trigger price, or null for a market order
 * @param clientOrderId the id the exchange will know it by, derived from the gateway's order id (stable across resends)
 * @param positionSide  a futures account in hedge mode: {@code LONG} or {@code SHORT}, the position the order opens or
 *                      closes; null otherwise
 * @param reduceOnly    a futures account in one-way mode: the order only reduces the position (a close), so it can never
 *                      open or grow one the other way
 */
public record OrderTicket(long orderId, String clientOrderId, String symbol, String side, String type, String timeInForce,
    BigDecimal quantity, BigDecimal price, String positionSide, boolean reduceOnly)
{
    /** A spot order (no position side, not reduce-only). */
    public OrderTicket(final long orderId, final String clientOrderId, final String symbol, final String side, final String type,
        final String timeInForce, final BigDecimal quantity, final BigDecimal price)
    {
        this(orderId, clientOrderId, symbol, side, type, timeInForce, quantity, price, null, false);
    }

    /** It closes (part of) a position: a reduce-only order, or in hedge mode a sell of the long or a buy of the short. */
    public boolean closes()
    {
        return reduceOnly || "LONG".equals(positionSide) && "SELL".equals(side) || "SHORT".equals(positionSide) && "BUY".equals(side);
    }
}
