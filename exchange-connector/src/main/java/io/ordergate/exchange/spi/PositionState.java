package io.ordergate.exchange.spi;

import java.math.BigDecimal;

/**
 * One futures position as the exchange holds it ({@code /fapi/v2/positionRisk}): one-way mode's {@code BOTH} with a
 * signed amount, or hedge mode's {@code LONG} and {@code SHORT}, each a positive amount. Immutable: safe from any thread.
 *
 * @param amount       {@code BOTH}: signed (negative is short); {@code LONG}/{@code SHORT}: what that side holds, positive
 * @param entryPrice   the exchange's average entry price, 0 when flat
 * @param markPrice    the exchange's mark price of the moment
 * @param unrealizedPnl the exchange's unrealized profit of the position at the mark price
 */
public record PositionState(String symbol, String positionSide, BigDecimal amount, BigDecimal entryPrice, BigDecimal markPrice,
    BigDecimal unrealizedPnl)
{
    /** What the position adds to the symbol's net position: a {@code SHORT} side counts negative. */
    public BigDecimal netAmount()
    {
        return "SHORT".equals(positionSide) ? amount.abs().negate() : amount;
    }
}
