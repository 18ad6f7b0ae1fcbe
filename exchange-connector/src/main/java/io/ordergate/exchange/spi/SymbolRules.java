package io.ordergate.exchange.spi;

import java.math.BigDecimal;

/**
 * One symbol's trading steps as the exchange publishes them (Binance: {@code exchangeInfo}'s {@code PRICE_FILTER},
 * {@code LOT_SIZE} and {@code MIN_NOTIONAL} or {@code NOTIONAL}), read at connect time: the steps are checked against
 * the gateway's instruments, the minimum notional against each order before it is sent. Immutable.
 *
 * @param tickSize            a price must be a multiple of this
 * @param stepSize            a quantity must be a multiple of this
 * @param minNotional         price × quantity must be at least this, or null when the exchange publishes no minimum
 * @param minNotionalOnMarket whether the minimum applies to market orders too (valued at the current quote)
 */
public record SymbolRules(String symbol, BigDecimal tickSize, BigDecimal stepSize, BigDecimal minQuantity, BigDecimal maxQuantity,
    BigDecimal minNotional, boolean minNotionalOnMarket)
{
}
