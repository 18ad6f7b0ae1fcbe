package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.gateway.TestGateway.Key;
import io.ordergate.gateway.TestGateway.Reply;

/**
 * {@code GET /api/v1/candles/{symbol}} on a real gateway: the bids posted, as one day candle worked out by hand; the
 * same candles after a restart (built again from the journal); every bad query refused with the field named.
 */
class CandlesHttpTest
{
    private static final String[] BIDS = {"1.08420", "1.08510", "1.08390", "1.08450"};

    @TempDir
    Path dataDir;

    @Test
    void theDayCandleIsTheBidsPostedAndARestartBuildsTheSameCandles()
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            String symbol = "EURUSD";
            JsonNode day = postBidsAndReadTheDay(gateway, symbol);
            if (day == null)
            {
                symbol = "GBPUSD";  // the first try straddled midnight UTC: again on a symbol without quotes
                day = postBidsAndReadTheDay(gateway, symbol);
            }
            assertEquals(1, day.size(), day::toString);
            final JsonNode candle = day.get(0);
            assertEquals(0, new BigDecimal("1.08420").compareTo(candle.get("open").decimalValue()), "open of " + candle);
            assertEquals(0, new BigDecimal("1.08510").compareTo(candle.get("high").decimalValue()), "high of " + candle);
            assertEquals(0, new BigDecimal("1.08390").compareTo(candle.get("low").decimalValue()), "low of " + candle);
            assertEquals(0, new BigDecimal("1.08450").compareTo(candle.get("close").decimalValue()), "close of " + candle);
            assertEquals(4, candle.get("volume").asInt(), "volume counts quotes: " + candle);
            assertTrue(candle.get("time").asText().endsWith("T00:00:00.000Z"), "a day candle starts at midnight UTC: " + candle);

            final String minutes = gateway.get("/api/v1/candles/" + symbol + "?timeframe=1m&count=1000").body();
            final String hours = gateway.get("/api/v1/candles/" + symbol + "?timeframe=H1").body();
            gateway.restart();
            assertEquals(minutes, gateway.get("/api/v1/candles/" + symbol + "?timeframe=1m&count=1000").body(), "rebuilt from the journal");
            assertEquals(hours, gateway.get("/api/v1/candles/" + symbol + "?timeframe=H1").body());
            assertEquals("H1", gateway.get("/api/v1/candles/EURUSD?timeframe=h1").json().get("timeframe").asText(), "seed 002's names");
        }
    }

    @Test
    void aReadKeyMayReadCandlesAndBadQueriesAreRefusedNamingTheField()
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            final Key read = gateway.createKey("read", "paper-1");
            assertEquals(200, gateway.send("GET", "/api/v1/candles/EURUSD", null, read).status());
            assertEquals("[]", gateway.get("/api/v1/candles/XAUUSD").json().get("candles").toString(), "no quote: no candle");
            assertEquals("1h", gateway.get("/api/v1/candles/XAUUSD").json().get("timeframe").asText(), "the default timeframe");

            refused(gateway, "/api/v1/candles/EURUSD?timeframe=2h", 400, "timeframe");
            refused(gateway, "/api/v1/candles/EURUSD?timeframe=", 400, "timeframe");
            // 1M is one month in trading (TradingView's 1M, MT5's MN1): refused rather than answered with minutes
            for (final String months : new String[] {"1M", "5M", "15M", "30M"})
            {
                final Reply reply = gateway.get("/api/v1/candles/EURUSD?timeframe=" + months);
                assertEquals(400, reply.status(), months + ": " + reply);
                assertEquals("timeframe", reply.errorField(), months + ": " + reply);
                assertTrue(reply.toString().contains("1m 5m 15m 30m 1h 4h 1d or M1 M5 M15 M30 H1 H4 D1"), "the accepted values: " + reply);
            }
            assertEquals("1m", gateway.get("/api/v1/candles/EURUSD?timeframe=1m").text("timeframe"));
            assertEquals("M1", gateway.get("/api/v1/candles/EURUSD?timeframe=m1").text("timeframe"), "seed 002's names in any case");
            assertEquals("1h", gateway.get("/api/v1/candles/EURUSD?timeframe=1H").text("timeframe"), "1H means one hour only");
            refused(gateway, "/api/v1/candles/EURUSD?count=0", 400, "count");
            refused(gateway, "/api/v1/candles/EURUSD?count=1001", 400, "count");
            refused(gateway, "/api/v1/candles/EURUSD?count=ten", 400, "count");
            refused(gateway, "/api/v1/candles/EURUSD?limit=5", 400, "limit");
            refused(gateway, "/api/v1/candles/EURUSD?count=5&count=6", 400, "count");
            refused(gateway, "/api/v1/candles/NOSUCH", 404, "symbol");
            refused(gateway, "/api/v1/candles/EUR%20USD", 404, "symbol");
            assertEquals(401, gateway.send("GET", "/api/v1/candles/EURUSD", null, null).status());
        }
    }

    /** The day candles after posting {@link #BIDS}, or null when the posts straddled midnight UTC. */
    private static JsonNode postBidsAndReadTheDay(final TestGateway gateway, final String symbol)
    {
        final long dayBefore = System.currentTimeMillis() / 86_400_000L;
        for (final String bid : BIDS)
        {
            final Reply quote = gateway.quote(symbol, bid, "1.09000");
            assertEquals(202, quote.status(), quote::toString);
        }
        final Reply day = gateway.get("/api/v1/candles/" + symbol + "?timeframe=1d&count=2");
        assertEquals(200, day.status(), day::toString);
        assertEquals(symbol, day.text("symbol"));
        assertEquals("1d", day.text("timeframe"));
        return System.currentTimeMillis() / 86_400_000L == dayBefore ? day.json().get("candles") : null;
    }

    private static void refused(final TestGateway gateway, final String path, final int status, final String field)
    {
        final Reply reply = gateway.get(path);
        assertEquals(status, reply.status(), path + ": " + reply);
        assertEquals(field, reply.errorField(), path + ": " + reply);
    }
}
