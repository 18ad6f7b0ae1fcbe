package io.ordergate.mt5;

import org.agrona.concurrent.UnsafeBuffer;

import io.ordergate.engine.Wire;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Trade;
import io.ordergate.fixed.FixedPoint;

/**
 * The lots and prices a terminal reports (wire decimals, 8 digits), held at an instrument's digits only when they fit
 * exactly: a value finer than the instrument's lot digits or price digits is refused by name, never rounded, so the
 * gateway books no size or price the terminal did not trade. Stateless: the check allocates nothing, the refusal's
 * message (an error path) does.
 */
final class ReportedDecimals
{
    private ReportedDecimals()
    {
    }

    /** True when the wire value has no non-zero digit past {@code digits}. */
    static boolean fits(final long wireValue, final int digits)
    {
        return Wire.exact(wireValue, digits) != Wire.INEXACT;
    }

    /**
     * Why a reported value was refused, naming the field, its value as sent and the instrument's digits it does not fit
     * (the caller says what became of its report).
     *
     * @param quantity true for a volume (lot digits), false for a price (price digits)
     */
    static String finer(final String field, final long wireValue, final String symbol, final int digits, final boolean quantity)
    {
        return field + " " + text(wireValue) + " has more decimal places than " + symbol + "'s "
            + (quantity ? "lot digits (" + digits + ", the instrument's quantity_digits)" : "price digits (" + digits + ")");
    }

    /**
     * Why a ticket its open report described at wire digits (a symbol the gateway did not know, say EURUSD.m) cannot
     * become an order's instrument exactly ({@link Mt5Book#adopt}): the first of its lots, stops or opening fill (size
     * and traded price) finer than the instrument's digits; null when all fit, or when the ticket's instrument is known already.
     */
    static String unadoptable(final TicketPosition position, final Trade opening, final Instrument instrument)
    {
        if (position.instrumentIndex >= 0 || position.symbol == null)
        {
            return null;
        }
        final String why = "ticket " + position.ticket + " (reported as " + position.symbol + ") has ";  // an error path: allocates
        if (!fits(position.lots, instrument.quantityDigits) || opening != null && !fits(opening.quantity, instrument.quantityDigits))
        {
            return why + finer("lots", fits(position.lots, instrument.quantityDigits) ? opening.quantity : position.lots, instrument.symbol,
                instrument.quantityDigits, true);
        }
        // The opening fill's price was traded; the position's may since be a netting average, kept half-even (as a report's)
        final long price = opening == null ? position.openPrice : opening.price;
        if (!fits(price, instrument.priceDigits))
        {
            return why + finer("openPrice", price, instrument.symbol, instrument.priceDigits, false);
        }
        if (position.stopLoss != TicketPosition.NONE && !fits(position.stopLoss, instrument.priceDigits))
        {
            return why + finer("stopLoss", position.stopLoss, instrument.symbol, instrument.priceDigits, false);
        }
        if (position.takeProfit != TicketPosition.NONE && !fits(position.takeProfit, instrument.priceDigits))
        {
            return why + finer("takeProfit", position.takeProfit, instrument.symbol, instrument.priceDigits, false);
        }
        return null;
    }

    /** A wire decimal as the executor sent it, trailing zeros trimmed (0.01500000 as 0.015). */
    static String text(final long wireValue)
    {
        final UnsafeBuffer text = new UnsafeBuffer(new byte[24]);  // a long at 8 digits, its point and sign
        return text.getStringWithoutLengthAscii(0, FixedPoint.putDecimalTrimmed(text, 0, wireValue, NewOrderBody.WIRE_DIGITS));
    }
}
