package io.ordergate.exchange.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.ordergate.exchange.spi.OrderTicket;
import io.ordergate.exchange.spi.SymbolRules;

/** An order under the exchange's minimum notional is refused before it is sent; what cannot be valued is left to the exchange. */
class OrderFiltersTest
{
    private static final SymbolRules BTC = rules(true);
    private static final BigDecimal[] QUOTE = {new BigDecimal("65000.00"), new BigDecimal("65001.00")};

    @Test
    void shouldRefuseALimitOrderUnderTheMinimumAtItsOwnPrice()
    {
        assertEquals("the order's notional 4 (0.0001 x 40000) is below the exchange's minimum notional 5 for BTCUSDT",
            OrderFilters.refusal(ticket("BUY", "LIMIT", "0.0001", "40000.00"), BTC, QUOTE));
        assertNull(OrderFilters.refusal(ticket("BUY", "LIMIT", "0.0001", "50000.00"), BTC, QUOTE), "exactly the minimum passes");
    }

    @Test
    void shouldValueAMarketOrderAtTheSideOfTheQuoteItWouldTake()
    {
        // a buy takes the ask: 0.0000769 x 65001 = 4.9985769; a sell the bid: 0.0001 x 65000 = 6.5
        assertEquals("the order's notional 4.9985769 (0.0000769 x 65001 at the quote) is below the exchange's minimum notional 5 for BTCUSDT",
            OrderFilters.refusal(ticket("BUY", "MARKET", "0.0000769", null), BTC, QUOTE));
        assertNull(OrderFilters.refusal(ticket("SELL", "MARKET", "0.0001", null), BTC, QUOTE));
    }

    @Test
    void shouldLeaveToTheExchangeWhatItCannotValue()
    {
        assertNull(OrderFilters.refusal(ticket("BUY", "MARKET", "0.00001", null), BTC, null), "no quote yet");
        assertNull(OrderFilters.refusal(ticket("BUY", "MARKET", "0.00001", null), rules(false), QUOTE), "the minimum is not for market orders");
        assertNull(OrderFilters.refusal(ticket("BUY", "LIMIT", "0.00001", "1.00"), null, QUOTE), "a symbol the exchange did not list");
        assertNull(OrderFilters.refusal(ticket("BUY", "LIMIT", "0.00001", "1.00"), new SymbolRules("BTCUSDT", new BigDecimal("0.01"),
            new BigDecimal("0.00001"), null, null, null, false), QUOTE), "no minimum published");
    }

    private static SymbolRules rules(final boolean onMarket)
    {
        return new SymbolRules("BTCUSDT", new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("9000"),
            new BigDecimal("5.00000000"), onMarket);
    }

    private static OrderTicket ticket(final String side, final String type, final String quantity, final String price)
    {
        return new OrderTicket(1, "og-1", "BTCUSDT", side, type, "GTC", new BigDecimal(quantity), price == null ? null : new BigDecimal(price));
    }
}
