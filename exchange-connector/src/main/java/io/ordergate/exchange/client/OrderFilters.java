package io.ordergate.exchange.client;

import java.math.BigDecimal;

import io.ordergate.exchange.spi.OrderTicket;
import io.ordergate.exchange.spi.SymbolRules;

/**
 * Checks one order against the exchange's filters before it is sent, so that an order the exchange would refuse
 * ({@code -1013 Filter failure: MIN_NOTIONAL}) is refused here, named and never sent. The price tick and lot step
 * need no check per order: the gateway's instruments enforce them and are checked against the exchange's at connect
 * time ({@link InstrumentCheck}). Stateless.
 */
public final class OrderFilters
{
    private OrderFilters()
    {
    }

    /**
     * Why the exchange would refuse the order, or null when it would not (or it cannot be told: no published minimum,
     * or a market order and no quote yet, which the exchange then judges itself).
     *
     * @param quote the symbol's current {@code {bid, ask}}, or null when none is known; values a market order
     */
    public static String refusal(final OrderTicket ticket, final SymbolRules rules, final BigDecimal[] quote)
    {
        if (rules == null || rules.minNotional() == null || ticket.closes())
        {
            return null;  // a futures close is exempt: the exchange takes a reduce-only order under the minimum
        }
        final BigDecimal price;
        if (ticket.price() != null)
        {
            price = ticket.price();
        }
        else if (rules.minNotionalOnMarket() && quote != null)
        {
            price = "BUY".equals(ticket.side()) ? quote[1] : quote[0];
        }
        else
        {
            return null;
        }
        final BigDecimal notional = price.multiply(ticket.quantity());
        if (notional.compareTo(rules.minNotional()) >= 0)
        {
            return null;
        }
        return "the order's notional " + notional.stripTrailingZeros().toPlainString() + " (" + ticket.quantity().stripTrailingZeros()
            .toPlainString() + " x " + price.stripTrailingZeros().toPlainString() + (ticket.price() == null ? " at the quote" : "")
            + ") is below the exchange's minimum notional " + rules.minNotional().stripTrailingZeros().toPlainString() + " for " + ticket.symbol();
    }
}
