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
 */
public record OrderTicket(long orderId, String clientOrderId, String symbol, String side, String type, String timeInForce,
    BigDecimal quantity, BigDecimal price)
{
}
