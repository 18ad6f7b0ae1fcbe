package io.ordergate.exchange.spi;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One thing a user-data stream said: an order's new state, or balances that changed. Immutable.
 *
 * @param order    the order's state after the event, or null
 * @param balances per asset {@code {free, locked}}, or null
 */
public record StreamEvent(OrderState order, Map<String, BigDecimal[]> balances)
{
}
