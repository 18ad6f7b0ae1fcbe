package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ordergate.config.ConfigLoader;
import io.ordergate.engine.candle.Timeframe;
import io.ordergate.engine.command.CandleBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;

/**
 * Candles against OHLC worked out by hand: the bid of every quote, bucketed by the command's time (UTC, periods from
 * the epoch), volume = quotes; rings that keep the newest N; seed names and seed 001's shape.
 */
class EngineCandleTest
{
    /** 2026-11-22T10:00:00Z: a multiple of every period, so the first quote opens every timeframe's candle there. */
    private static final long T0 = EngineDriver.START_MICROS;
    private static final long SECOND = 1_000_000L;

    @Test
    void oneMinuteCandlesAreTheBidsOfEachMinute()
    {
        final EngineDriver driver = EngineDriver.withPaperAccount();
        // minute 10:00: 1.08420 1.08450 1.08400 1.08430 ; minute 10:01: none ; minute 10:02: 1.08500 1.08480
        quoteAt(driver, T0 + 1 * SECOND, "1.08420");
        quoteAt(driver, T0 + 20 * SECOND, "1.08450");
        quoteAt(driver, T0 + 40 * SECOND, "1.08400");
        quoteAt(driver, T0 + 59 * SECOND + 999_999, "1.08430");
        quoteAt(driver, T0 + 120 * SECOND, "1.08500");
        quoteAt(driver, T0 + 150 * SECOND, "1.08480");

        final List<Map<String, Object>> minutes = candles(driver, Timeframe.M1, 0, 10);
        assertEquals(2, minutes.size(), "a minute without quotes has no candle: " + minutes);
        assertCandle(minutes.get(0), "2026-11-22T10:00:00", "1.0842", "1.0845", "1.084", "1.0843", "4");
        assertCandle(minutes.get(1), "2026-11-22T10:02:00", "1.085", "1.085", "1.0848", "1.0848", "2");

        final List<Map<String, Object>> hours = candles(driver, Timeframe.H1, 0, 10);
        assertEquals(1, hours.size());
        assertCandle(hours.get(0), "2026-11-22T10:00:00", "1.0842", "1.085", "1.084", "1.0848", "6");
        final List<Map<String, Object>> days = candles(driver, Timeframe.D1, 0, 10);
        assertCandle(days.get(0), "2026-11-22T00:00:00", "1.0842", "1.085", "1.084", "1.0848", "6");
    }

    @Test
    void fourHourCandlesStartAtMultiplesOfFourHoursFromTheEpoch()
    {
        final EngineDriver driver = EngineDriver.withPaperAccount();
        quoteAt(driver, T0 + 3_600 * SECOND, "1.1");                   // 11:00 -> the 08:00 candle
        quoteAt(driver, T0 + 2 * 3_600 * SECOND - 1, "1.2");           // 11:59:59.999999 -> still 08:00
        quoteAt(driver, T0 + 2 * 3_600 * SECOND, "1.05");              // 12:00 -> a new candle
        final List<Map<String, Object>> candles = candles(driver, Timeframe.H4, 0, 10);
        assertEquals(2, candles.size());
        assertCandle(candles.get(0), "2026-11-22T08:00:00", "1.1", "1.2", "1.1", "1.2", "2");
        assertCandle(candles.get(1), "2026-11-22T12:00:00", "1.05", "1.05", "1.05", "1.05", "1");
    }

    @Test
    void aQuoteStampedBeforeTheNewestCandleGoesIntoTheNewestCandle()
    {
        final EngineDriver driver = EngineDriver.withPaperAccount();
        quoteAt(driver, T0 + 61 * SECOND, "1.2");
        quoteAt(driver, T0 + 59 * SECOND, "1.1");  // two publishers' clocks crossed: no candle reopens
        final List<Map<String, Object>> candles = candles(driver, Timeframe.M1, 0, 10);
        assertEquals(1, candles.size());
        assertCandle(candles.get(0), "2026-11-22T10:01:00", "1.2", "1.2", "1.1", "1.1", "2");
    }

    @Test
    void theRingKeepsTheNewestCandlesAndCountTakesTheNewestOfThose()
    {
        final EngineDriver driver = new EngineDriver(ConfigLoader.parse(
            EngineDriver.CONFIG.replace("max_keys: 16 }", "max_keys: 16, candles_per_timeframe: 3 }"), "candles"));
        for (int minute = 0; minute < 5; minute++)
        {
            quoteAt(driver, T0 + minute * 60 * SECOND, "1.0" + minute);
        }
        final List<Map<String, Object>> kept = candles(driver, Timeframe.M1, 0, 1000);
        assertEquals(3, kept.size(), "3 candles kept per timeframe");
        assertEquals(List.of("1.02", "1.03", "1.04"), opens(kept), "the newest three, oldest first");
        assertEquals(List.of("1.03", "1.04"), opens(candles(driver, Timeframe.M1, 0, 2)), "count 2: the newest two");
    }

    @Test
    void countIsNeverExceededWhenTheOpenMinuteAddsOrJoinsTheNewestCandle()
    {
        final EngineDriver driver = EngineDriver.withPaperAccount();
        quoteAt(driver, T0, "1.1");
        quoteAt(driver, T0 + 3_600 * SECOND, "1.2");
        quoteAt(driver, T0 + 2 * 3_600 * SECOND, "1.3");
        // hours 10:00 and 11:00 are stored; the open minute (12:00) is a candle of its own after them
        for (int count = 1; count <= 4; count++)
        {
            final List<String> opens = opens(candles(driver, Timeframe.H1, 0, count));
            assertEquals(List.of("1.1", "1.2", "1.3").subList(Math.max(0, 3 - count), 3), opens, "count " + count);
        }
        quoteAt(driver, T0 + 2 * 3_600 * SECOND + 30 * 60 * SECOND, "1.4");
        // 12:00 is stored now; the open minute (12:30) joins it
        for (int count = 1; count <= 4; count++)
        {
            final List<Map<String, Object>> hours = candles(driver, Timeframe.H1, 0, count);
            assertEquals(Math.min(count, 3), hours.size(), "count " + count + ": " + hours);
            assertTrue(Json.matches(hours.get(hours.size() - 1).get("close"), "1.4"), "the newest has the open minute: " + hours);
        }
    }

    @Test
    void seedNamesAndSeed001sShape()
    {
        final EngineDriver driver = EngineDriver.withPaperAccount();
        quoteAt(driver, T0, "1.5");
        final Map<String, Object> seed002 = Json.output(expect(ResultCode.OK,
            driver.getCandles("EURUSD", Timeframe.H1, CandleBodies.SEED_NAMES, 10)));
        assertEquals("H1", seed002.get("timeframe"));
        assertTrue(seed002.containsKey("candles"));
        final Map<String, Object> seed001 = Json.output(expect(ResultCode.OK,
            driver.getCandles("EURUSD", Timeframe.H1, CandleBodies.SHAPE_SEED_001, 10)));
        assertEquals("1h", seed001.get("timeframe"));
        assertEquals("EURUSD", seed001.get("symbol"));
        assertTrue(Json.matches(Json.at(seed001, "data", 0, "open"), "1.5"));
        assertEquals("2026-11-22T10:00:00.000Z", Json.at(seed001, "data", 0, "timestamp"));
    }

    @Test
    void anUnknownSymbolOrABadCountIsRefused()
    {
        final EngineDriver driver = EngineDriver.withPaperAccount();
        expect(ResultCode.NOT_FOUND, driver.getCandles("NOPE", Timeframe.M1, 0, 10));
        expect(ResultCode.VALIDATION_ERROR, driver.getCandles("EURUSD", Timeframe.M1, 0, 0));
        expect(ResultCode.VALIDATION_ERROR, driver.getCandles("EURUSD", Timeframe.M1, 0, CandleBodies.MAX_COUNT + 1));
        assertEquals(List.of(), candles(driver, Timeframe.M1, 0, 10), "no quote yet: no candle");
    }

    @Test
    void everyTimeframeIsWhatFeedingEveryQuoteToItWouldGive()
    {
        final EngineDriver driver = EngineDriver.withPaperAccount();
        final java.util.Random random = new java.util.Random(12);
        final List<List<long[]>> direct = new ArrayList<>();
        for (int t = 0; t < Timeframe.COUNT; t++)
        {
            direct.add(new ArrayList<>());
        }
        long time = T0 + 7 * SECOND;
        for (int i = 0; i < 3000; i++)
        {
            time += random.nextInt(8) == 0 ? -random.nextInt(2 * 1_000_000) : random.nextInt(40) * SECOND + random.nextInt(1_000_000);
            final long bid = 108_000 + random.nextInt(1_000);
            quoteAt(driver, time, new java.math.BigDecimal(bid).movePointLeft(5).toPlainString());
            for (final Timeframe timeframe : Timeframe.values())
            {
                final List<long[]> candles = direct.get(timeframe.ordinal());
                final long[] newest = candles.isEmpty() ? null : candles.get(candles.size() - 1);
                final long price = bid;
                if (newest != null && time < newest[0] + timeframe.micros())
                {
                    newest[2] = Math.max(newest[2], price);
                    newest[3] = Math.min(newest[3], price);
                    newest[4] = price;
                    newest[5]++;
                }
                else
                {
                    candles.add(new long[] {Math.floorDiv(time, timeframe.micros()) * timeframe.micros(), price, price, price, price, 1});
                }
            }
        }
        for (final Timeframe timeframe : Timeframe.values())
        {
            final List<long[]> want = direct.get(timeframe.ordinal());
            final List<Map<String, Object>> got = candles(driver, timeframe, 0, 1000);
            final int from = Math.max(0, want.size() - got.size());
            assertEquals(Math.min(want.size(), 1000), got.size(), timeframe + ": how many");
            for (int i = 0; i < got.size(); i++)
            {
                final long[] w = want.get(from + i);
                final Map<String, Object> g = got.get(i);
                final String where = timeframe + " candle " + i + ": " + g;
                assertEquals(w[5], ((java.math.BigDecimal)g.get("volume")).longValue(), where);
                assertTrue(Json.matches(g.get("open"), new java.math.BigDecimal(w[1]).movePointLeft(5).toPlainString()), where);
                assertTrue(Json.matches(g.get("high"), new java.math.BigDecimal(w[2]).movePointLeft(5).toPlainString()), where);
                assertTrue(Json.matches(g.get("low"), new java.math.BigDecimal(w[3]).movePointLeft(5).toPlainString()), where);
                assertTrue(Json.matches(g.get("close"), new java.math.BigDecimal(w[4]).movePointLeft(5).toPlainString()), where);
            }
        }
    }

    private static void quoteAt(final EngineDriver driver, final long micros, final String bid)
    {
        driver.at(micros);
        expect(ResultCode.ACCEPTED, driver.quote("EURUSD", bid, bid));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> candles(final EngineDriver driver, final Timeframe timeframe, final int flags, final int count)
    {
        final CommandEvent event = expect(ResultCode.OK, driver.getCandles("EURUSD", timeframe, flags, count));
        return (List<Map<String, Object>>)Json.output(event).get("candles");
    }

    private static List<String> opens(final List<Map<String, Object>> candles)
    {
        final List<String> opens = new ArrayList<>();
        for (final Map<String, Object> candle : candles)
        {
            opens.add(((java.math.BigDecimal)candle.get("open")).stripTrailingZeros().toPlainString());
        }
        return opens;
    }

    private static void assertCandle(final Map<String, Object> candle, final String time, final String open, final String high,
        final String low, final String close, final String volume)
    {
        assertEquals(time, ((String)candle.get("time")).replaceFirst("(\\.0+)?Z$", ""), "time of " + candle);
        assertTrue(Json.matches(candle.get("open"), open), "open of " + candle);
        assertTrue(Json.matches(candle.get("high"), high), "high of " + candle);
        assertTrue(Json.matches(candle.get("low"), low), "low of " + candle);
        assertTrue(Json.matches(candle.get("close"), close), "close of " + candle);
        assertTrue(Json.matches(candle.get("volume"), volume), "volume of " + candle);
    }
}
