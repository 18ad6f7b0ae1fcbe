package io.ordergate.engine.candle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The timeframe names clients may use: any letter case, but never a number and an upper-case M, which is months in trading. */
class TimeframeTest
{
    @Test
    void shouldReadApiAndSeedNamesInAnyLetterCase()
    {
        assertEquals(Timeframe.M1, Timeframe.fromClientName("1m"));
        assertEquals(Timeframe.M1, Timeframe.fromClientName("M1"));
        assertEquals(Timeframe.M1, Timeframe.fromClientName("m1"));
        assertEquals(Timeframe.M15, Timeframe.fromClientName("m15"));
        assertEquals(Timeframe.H1, Timeframe.fromClientName("1H"));
        assertEquals(Timeframe.H4, Timeframe.fromClientName("h4"));
        assertEquals(Timeframe.D1, Timeframe.fromClientName("1D"));
    }

    @Test
    void shouldRefuseANumberAndAnUpperCaseMWhichIsMonthsInTrading()
    {
        for (final String months : new String[] {"1M", "5M", "15M", "30M"})
        {
            assertNull(Timeframe.fromClientName(months), months);
            assertNull(Timeframe.fromClientApiName(months), months);
            assertTrue(Timeframe.namesMonths(months), months);
        }
        assertNull(Timeframe.fromClientName("MN1"), "MetaTrader's month is not kept");
        for (final String notMonths : new String[] {"1m", "M1", "m1", "1H", "3d", ""})
        {
            assertFalse(Timeframe.namesMonths(notMonths), notMonths);
        }
    }

    @Test
    void shouldReadOnlyApiNamesForTheApiNamedRoutes()
    {
        assertEquals(Timeframe.H1, Timeframe.fromClientApiName("1H"));
        assertNull(Timeframe.fromClientApiName("H1"));
        assertNull(Timeframe.fromClientName(null));
        assertNull(Timeframe.fromClientName(""));
    }
}
