package io.ordergate.simulators.mt5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulated broker prices its own names for an instrument (suffixes, GOLD) from the gateway's symbol. */
class PriceSourceTest
{
    @ParameterizedTest
    @CsvSource({"EURUSD.m, EURUSD", "EURUSD-pro, EURUSD", "EURUSDm, EURUSD", "GBPUSD_x, GBPUSD", "GOLD, XAUUSD",
        "EURUSD, EURUSD", "BTCUSD, BTCUSD"})
    void shouldFindTheGatewaySymbolBehindABrokerName(final String broker, final String root)
    {
        assertEquals(root, PriceSource.rootSymbol(broker));
    }

    @Test
    void shouldPriceBrokerNamesFromTheRootAndPreferAnExactName()
    {
        final PriceSource.Fixed fixed = new PriceSource.Fixed().set("EURUSD", "1.1", "1.2").set("EURUSD.x", "2.1", "2.2");
        final PriceSource prices = PriceSource.withBrokerNames(fixed);
        assertArrayEquals(new BigDecimal[] {new BigDecimal("1.1"), new BigDecimal("1.2")}, prices.bidAsk("EURUSD.m"));
        assertArrayEquals(new BigDecimal[] {new BigDecimal("2.1"), new BigDecimal("2.2")}, prices.bidAsk("EURUSD.x"));
        assertNull(prices.bidAsk("USDCHF.m"));
    }
}
