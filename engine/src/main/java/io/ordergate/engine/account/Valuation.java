package io.ordergate.engine.account;

import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.instrument.Instruments;
import io.ordergate.engine.position.Position;
import io.ordergate.fixed.FixedPoint;
import io.ordergate.fixed.Money;

/**
 * Money arithmetic in the account's currency, exact in fixed point and rounded half-even to {@link Money#DIGITS}.
 * An amount in the instrument's quote currency is converted when the account's currency is the instrument's quote
 * (no conversion) or its base (divide by the price, e.g. USDJPY for a USD account). Other pairs have no
 * conversion and answer {@link #NO_CONVERSION}. Stateless: safe on the engine thread, allocates nothing.
 */
public final class Valuation
{
    public static final long NO_CONVERSION = Long.MIN_VALUE;
    /** The lots a sizing measure is taken on when one lot is worth little: see {@link #sizingLots}. */
    public static final long FINE_LOTS = 1_000_000;
    /** One lot's money (cents) from which it is exact enough alone: 10,000,000.00; 10^6 such lots still fit a long. */
    private static final long FINE_BELOW = 1_000_000_000L;

    private Valuation()
    {
    }

    /**
     * How many lots to value at once when an order is sized by money per lot (the loss to its stop, its notional): one
     * lot of a low-priced instrument is worth a few cents (one XRP at 0.6000 loses 1.4 cents to a stop 0.0140 away), and
     * that rounded to a cent sized 40% over the risk asked; {@link #FINE_LOTS} lots keep six more digits. A lot worth
     * 10,000,000.00 or more is exact enough alone (and a million of it could overflow).
     *
     * @param oneLotMoney the money of one lot, as {@link #pnl} or {@link #notional} answer it
     * @return {@link #FINE_LOTS} or 1
     */
    public static long sizingLots(final long oneLotMoney)
    {
        return oneLotMoney != NO_CONVERSION && Math.abs(oneLotMoney) < FINE_BELOW ? FINE_LOTS : 1;
    }

    public static boolean canValue(final Account account, final Instrument instrument)
    {
        return account.currency.equals(instrument.quoteCurrency) || account.currency.equals(instrument.baseCurrency);
    }

    /**
     * The value of {@code quantity} at {@code price}, in account money units; always positive for positive input. Past a
     * long it is Long.MAX_VALUE, not a throw: the price may be a user's limit or stop price (92,233,720,368.00000 for
     * 100 lots of EURUSD), and a notional that large passes no account's margin nor max_notional.
     */
    public static long notional(final Account account, final Instrument instrument, final long quantity, final long price)
    {
        if (account.currency.equals(instrument.quoteCurrency))
        {
            return scaleToMoney(Math.multiplyExact(quantity, instrument.contractSize), price,
                instrument.quantityDigits + instrument.priceDigits, 1, true);
        }
        if (account.currency.equals(instrument.baseCurrency))
        {
            return scaleToMoney(quantity, instrument.contractSize, instrument.quantityDigits, 1, true);
        }
        return NO_CONVERSION;
    }

    /**
     * PnL of closing {@code quantity} (positive) of a position of direction {@code sign} (+1 long, -1 short)
     * opened at {@code openPrice} at {@code closePrice}.
     */
    public static long pnl(
        final Account account, final Instrument instrument, final int sign, final long quantity, final long openPrice, final long closePrice)
    {
        final long move = Math.multiplyExact(Math.subtractExact(closePrice, openPrice) * sign, instrument.contractSize);
        if (account.currency.equals(instrument.quoteCurrency))
        {
            return scaleToMoney(move, quantity, instrument.quantityDigits + instrument.priceDigits, 1);
        }
        if (account.currency.equals(instrument.baseCurrency))
        {
            // In quote currency the PnL is move*qty at (priceDigits+quantityDigits); dividing by the price (priceDigits)
            // leaves quantityDigits.
            return scaleToMoney(move, quantity, instrument.quantityDigits, closePrice);
        }
        return NO_CONVERSION;
    }

    /**
     * PnL of closing {@code quantity} (positive) of a position of direction {@code sign} whose exact cost for that
     * quantity is {@code cost} (the sum of quantity × price of the fills, in quantity units × price units) at {@code
     * closePrice}: {@link #pnl} without rounding the average open price first, one rounding to money at the end.
     */
    public static long pnlFromCost(
        final Account account, final Instrument instrument, final int sign, final long quantity, final long cost, final long closePrice)
    {
        final long move = Math.subtractExact(Math.multiplyExact(closePrice, quantity), cost) * sign;
        if (account.currency.equals(instrument.quoteCurrency))
        {
            return scaleToMoney(move, instrument.contractSize, instrument.quantityDigits + instrument.priceDigits, 1);
        }
        if (account.currency.equals(instrument.baseCurrency))
        {
            return scaleToMoney(move, instrument.contractSize, instrument.quantityDigits, closePrice);
        }
        return NO_CONVERSION;
    }

    /** PnL of the whole position if closed now at the side's executable price; 0 when flat or unpriced. */
    public static long unrealized(final Account account, final Instrument instrument, final Position position)
    {
        if (!position.isOpen() || !instrument.hasQuote() || !canValue(account, instrument))
        {
            return 0;
        }
        final boolean isLong = position.quantity > 0;
        final long mark = isLong ? instrument.bid : instrument.ask;
        return pnlFromCost(account, instrument, isLong ? 1 : -1, Math.abs(position.quantity), position.openCost, mark);
    }

    public static long unrealized(final Account account, final Instruments instruments)
    {
        long total = 0;
        for (int i = 0; i < instruments.count(); i++)
        {
            total += unrealized(account, instruments.get(i), account.positions[i]);
        }
        for (Position hedge = account.firstHedge; hedge != null; hedge = hedge.nextHedge())
        {
            total += unrealized(account, instruments.get(hedge.instrumentIndex), hedge);
        }
        return total;
    }

    /** Where a position's margin at {@code leverage} is gone: open × (1 − 1/leverage) long, × (1 + 1/leverage) short. */
    public static long liquidationPrice(final long openPrice, final boolean isLong, final int leverage)
    {
        return FixedPoint.mulDiv(openPrice, isLong ? leverage - 1 : leverage + 1, leverage);
    }

    /**
     * Margin {@code quantity} at {@code price} holds at the account's own leverage (an MT5 ticket's). The engine's own
     * positions are margined at their venue's leverage for the instrument: {@link AccountValues#margin}.
     */
    public static long margin(final Account account, final Instrument instrument, final long quantity, final long price)
    {
        return margin(account, instrument, quantity, price, account.leverage);
    }

    /** As {@link #margin(Account, Instrument, long, long)}, at a leverage the venue holds the position at (a futures symbol's). */
    public static long margin(final Account account, final Instrument instrument, final long quantity, final long price, final int leverage)
    {
        final long notional = notional(account, instrument, Math.abs(quantity), price);
        return notional == NO_CONVERSION ? 0 : FixedPoint.mulDiv(notional, 1, leverage);
    }

    /** The price an open position is valued at: the bid for a long, the ask for a short, its open price when unpriced. */
    public static long mark(final Instrument instrument, final Position position)
    {
        return instrument.hasQuote() ? (position.quantity > 0 ? instrument.bid : instrument.ask) : position.openPrice;
    }

    public static long equity(final Account account, final Instruments instruments)
    {
        return account.balance + unrealized(account, instruments);
    }

    /**
     * a*b at {@code digits} fractional digits, divided by {@code divisor}, to money digits, rounded half-even.
     */
    private static long scaleToMoney(final long a, final long b, final int digits, final long divisor)
    {
        return scaleToMoney(a, b, digits, divisor, false);
    }

    /** As {@link #scaleToMoney(long, long, int, long)}; when {@code saturated}, past a long it is Long.MAX_VALUE or MIN_VALUE. */
    private static long scaleToMoney(final long a, final long b, final int digits, final long divisor, final boolean saturated)
    {
        final int shift = digits - Money.DIGITS;
        final long scaledA = shift >= 0 ? a : Math.multiplyExact(a, FixedPoint.pow10(-shift));
        final long scaledDivisor = shift >= 0 ? Math.multiplyExact(FixedPoint.pow10(shift), divisor) : divisor;
        return saturated ? FixedPoint.mulDivSaturated(scaledA, b, scaledDivisor) : FixedPoint.mulDiv(scaledA, b, scaledDivisor);
    }
}
