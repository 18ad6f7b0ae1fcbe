package io.ordergate.simulators.mt5;

import java.math.BigDecimal;

/** The stop checks a terminal makes on a MODIFY_POSITION, so tests meet the refusals a real one gives. Stateless. */
final class TerminalStops
{
    private TerminalStops()
    {
    }

    /**
     * Why a terminal refuses {@code stopLoss} on a position (TRADE_RETCODE_INVALID_STOPS: a stop at or past the price it
     * would close at, the bid for a buy, the ask for a sell), or null when it takes it (none, or no price to judge by).
     */
    static String refusal(final PriceSource prices, final String symbol, final boolean buy, final BigDecimal stopLoss)
    {
        final BigDecimal[] bidAsk = prices.bidAsk(symbol);
        if (stopLoss == null || stopLoss.signum() <= 0 || bidAsk == null)
        {
            return null;
        }
        final boolean past = buy ? stopLoss.compareTo(bidAsk[0]) >= 0 : stopLoss.compareTo(bidAsk[1]) <= 0;
        return past ? "Invalid stops: sl " + stopLoss.toPlainString() + " is at or past the " + (buy ? "bid" : "ask") : null;
    }
}
