package io.ordergate.exchange.spi;

import java.math.BigDecimal;

/**
 * One symbol's trading steps as the exchange publishes them (Binance: {@code exchangeInfo}'s {@code PRICE_FILTER} and
 * {@code LOT_SIZE}), read at connect time and checked against the gateway's instruments. Immutable.
 *
 * @param tickSize a price must be a multiple of this
 * @param stepSize a quantity must be a multiple of this
 */
public record SymbolRules(String symbol, BigDecimal tickSize, BigDecimal stepSize, BigDecimal minQuantity, BigDecimal maxQuantity)
{
}
