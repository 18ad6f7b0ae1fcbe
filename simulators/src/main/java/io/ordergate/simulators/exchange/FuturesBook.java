package io.ordergate.simulators.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * One key's USDⓈ-M futures account on the simulated exchange: its USDT wallet (started from the key's USDT balance, apart
 * from the spot balances afterwards) and its positions, one per symbol in one-way mode ({@code BOTH}, signed amount) or
 * a long and a short per symbol in hedge mode ({@code LONG}, {@code SHORT}, positive amounts). Realized profit moves the
 * wallet. <b>Not thread safe</b>: guarded by the {@link SpotMarket}'s lock.
 */
final class FuturesBook
{
    /** One position: signed amount ({@code BOTH}) or positive ({@code LONG}/{@code SHORT}), and its average entry price. */
    static final class Position
    {
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal entryPrice = BigDecimal.ZERO;
    }

    static final String ASSET = "USDT";

    BigDecimal wallet;
    /** "SYMBOL:SIDE" -> position; sorted, so answers list them in a stable order. */
    final Map<String, Position> positions = new TreeMap<>();

    Position position(final String symbol, final String positionSide)
    {
        return positions.computeIfAbsent(symbol + ":" + positionSide, k -> new Position());
    }

    /** The amount held on a side now ({@code BOTH}: signed). */
    BigDecimal amount(final String symbol, final String positionSide)
    {
        final Position position = positions.get(symbol + ":" + positionSide);
        return position == null ? BigDecimal.ZERO : position.amount;
    }

    /** The mark price of a symbol: the bid, as {@code positionRisk}'s markPrice says (0 with no quote). */
    static BigDecimal markPrice(final BigDecimal[] quote)
    {
        return quote == null ? BigDecimal.ZERO : quote[0];
    }

    /** One position's unrealized profit at the mark price: (mark - entry) x amount, a hedge-mode short's the other way. */
    static BigDecimal unrealized(final String positionSide, final Position p, final BigDecimal mark)
    {
        if (p.amount.signum() == 0 || mark.signum() == 0)
        {
            return BigDecimal.ZERO;
        }
        final BigDecimal perUnit = mark.subtract(p.entryPrice);
        return "SHORT".equals(positionSide) ? perUnit.negate().multiply(p.amount) : perUnit.multiply(p.amount);
    }

    /** Every position's unrealized profit at the symbols' mark prices. */
    BigDecimal unrealized(final Map<String, BigDecimal[]> quotes)
    {
        BigDecimal sum = BigDecimal.ZERO;
        for (final Map.Entry<String, Position> entry : positions.entrySet())
        {
            final String key = entry.getKey();
            final int colon = key.indexOf(':');
            sum = sum.add(unrealized(key.substring(colon + 1), entry.getValue(), markPrice(quotes.get(key.substring(0, colon)))));
        }
        return sum;
    }

    /** The margin the open positions hold, at their entry prices and the symbol's leverage. */
    BigDecimal positionMargin(final Map<String, Integer> leverage)
    {
        BigDecimal margin = BigDecimal.ZERO;
        for (final Map.Entry<String, Position> entry : positions.entrySet())
        {
            final String symbol = entry.getKey().substring(0, entry.getKey().indexOf(':'));
            final Position p = entry.getValue();
            margin = margin.add(p.amount.abs().multiply(p.entryPrice).divide(BigDecimal.valueOf(leverage.getOrDefault(symbol,
                FuturesMarket.DEFAULT_LEVERAGE)), SymbolRules.PRECISION, RoundingMode.UP));
        }
        return margin;
    }

    /**
     * A fill on one side: {@code signedQuantity} positive buys, negative sells. What reduces the position realizes
     * profit into the wallet; what opens it moves the average entry. Returns the realized profit.
     */
    BigDecimal fill(final String symbol, final String positionSide, final BigDecimal signedQuantity, final BigDecimal price)
    {
        final Position p = position(symbol, positionSide);
        // in hedge mode a SHORT position is kept positive: selling opens it
        final BigDecimal change = "SHORT".equals(positionSide) ? signedQuantity.negate() : signedQuantity;
        final boolean shortSide = "SHORT".equals(positionSide);
        BigDecimal realized = BigDecimal.ZERO;
        if (p.amount.signum() == 0 || p.amount.signum() == change.signum())
        {
            final BigDecimal total = p.amount.add(change);
            p.entryPrice = p.amount.abs().multiply(p.entryPrice).add(change.abs().multiply(price))
                .divide(total.abs(), SymbolRules.PRECISION, RoundingMode.HALF_EVEN);
            p.amount = total;
            return realized;
        }
        final BigDecimal closed = change.abs().min(p.amount.abs());
        final BigDecimal perUnit = price.subtract(p.entryPrice);
        final boolean wasLong = shortSide ? false : p.amount.signum() > 0;
        realized = closed.multiply(wasLong ? perUnit : perUnit.negate());
        wallet = wallet.add(realized);
        final BigDecimal rest = change.abs().subtract(closed);
        p.amount = p.amount.add(change);
        if (p.amount.signum() == 0)
        {
            p.entryPrice = BigDecimal.ZERO;
        }
        else if (rest.signum() > 0)
        {
            p.entryPrice = price;  // flipped (one-way mode): the rest opened at this price
        }
        return realized;
    }
}
