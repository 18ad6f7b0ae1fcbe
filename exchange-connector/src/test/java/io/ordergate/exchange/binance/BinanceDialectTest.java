package io.ordergate.exchange.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ordergate.exchange.spi.Credentials;
import io.ordergate.exchange.spi.OrderTicket;
import io.ordergate.exchange.spi.VenueAnswer.Outcome;

class BinanceDialectTest
{
    private final BinanceDialect dialect = new BinanceDialect();

    @Test
    void shouldDeriveAStableClientOrderIdWithinTheExchangesRules()
    {
        final String id = dialect.clientOrderId("lzq9x1k3b2", Long.MAX_VALUE);
        assertTrue(id.matches("^[\\.A-Z\\:/a-z0-9_-]{1,36}$"), id);
        assertEquals(id, dialect.clientOrderId("lzq9x1k3b2", Long.MAX_VALUE));
        assertEquals("oglzq9x1k3b2-2s", dialect.clientOrderId("lzq9x1k3b2", 100));
        assertNotEquals(dialect.clientOrderId("aaaa", 100), dialect.clientOrderId("bbbb", 100), "another account namespace, another id");
        assertTrue(dialect.clientOrderId("x".repeat(80) + "!?", 7).length() <= 36);
    }

    @Test
    void shouldNeverGiveAnOrderIdOfAnotherStartEpochTheSameClientOrderId()
    {
        assertEquals("oglzq9x1k3b2-2s_3", dialect.clientOrderId("lzq9x1k3b2", 100, 3), "the epoch after the order id");
        assertEquals("oglzq9x1k3b2-2s", dialect.clientOrderId("lzq9x1k3b2", 100, 0), "an order from before start epochs keeps its id");
        assertNotEquals(dialect.clientOrderId("lzq9x1k3b2", 100, 3), dialect.clientOrderId("lzq9x1k3b2", 100, 4),
            "order 100 given again after a lost journal tail (the next start) is another order on the exchange");
        final String longest = dialect.clientOrderId("x".repeat(80), Long.MAX_VALUE, Long.MAX_VALUE);
        assertTrue(longest.matches("^[\\.A-Z\\:/a-z0-9_-]{1,36}$") && longest.endsWith("_" + Long.toString(Long.MAX_VALUE, 36)), longest);
        assertEquals(longest, new BinanceFuturesDialect().clientOrderId("x".repeat(80), Long.MAX_VALUE, Long.MAX_VALUE), "the same on futures");
    }

    @Test
    void shouldSendAStopAsAStopLossAndAStopWithIocAsAStopLimit()
    {
        final OrderTicket gtc = new OrderTicket(1, "og-1", "BTCUSDT", "SELL", "STOP", "GTC", new BigDecimal("0.5"), new BigDecimal("63500.00"));
        assertEquals(Map.of("symbol", "BTCUSDT", "side", "SELL", "type", "STOP_LOSS", "stopPrice", "63500", "quantity", "0.5",
            "newClientOrderId", "og-1", "newOrderRespType", "FULL"), dialect.placeOrder(gtc).params());
        final OrderTicket ioc = new OrderTicket(1, "og-1", "BTCUSDT", "SELL", "STOP", "IOC", new BigDecimal("0.5"), new BigDecimal("63500.00"));
        assertEquals("STOP_LOSS_LIMIT", dialect.placeOrder(ioc).params().get("type"));
        assertEquals("IOC", dialect.placeOrder(ioc).params().get("timeInForce"));
    }

    @Test
    void shouldSignTheBodyOfAPostWithTimestampAndRecvWindow()
    {
        final OrderTicket ticket = new OrderTicket(1, "og-1", "BTCUSDT", "BUY", "MARKET", "IOC", new BigDecimal("0.01"), null);
        final var request = dialect.toHttp(URI.create("http://127.0.0.1:9"), dialect.placeOrder(ticket), new Credentials("k", "s", null), 1_700_000_000_000L,
            7_000).build();
        assertEquals("k", request.headers().firstValue("X-MBX-APIKEY").orElseThrow());
        assertEquals("/api/v3/order", request.uri().getPath());
        assertEquals(null, request.uri().getQuery());
    }

    @Test
    void shouldSendTheFuturesSettingsToTheFuturesApiSigned()
    {
        final var leverage = dialect.setLeverage("BTCUSDT", 10);
        assertEquals(io.ordergate.exchange.spi.VenueRequest.Api.FUTURES, leverage.api());
        final var request = dialect.toHttp(URI.create("http://127.0.0.1:9"), leverage, new Credentials("k", "s", null), 1_700_000_000_000L, 7_000)
            .build();
        assertEquals("/fapi/v1/leverage", request.uri().getPath());
        assertEquals(Map.of("symbol", "BTCUSDT", "marginType", "ISOLATED"),
            dialect.setMarginType("BTCUSDT", io.ordergate.exchange.spi.FuturesSettings.MarginType.ISOLATED).params());
        assertEquals("true", dialect.setPositionMode(io.ordergate.exchange.spi.FuturesSettings.PositionMode.HEDGE).params().get("dualSidePosition"));
    }

    @Test
    void shouldReadTheTickAndLotStepOfEachSymbolFromExchangeInfo()
    {
        final String info = "{\"symbols\":[{\"symbol\":\"BTCUSDT\",\"filters\":[{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"0.01000000\","
            + "\"maxPrice\":\"1000000.00000000\",\"tickSize\":\"0.01000000\"},{\"filterType\":\"LOT_SIZE\",\"minQty\":\"0.00001000\","
            + "\"maxQty\":\"9000.00000000\",\"stepSize\":\"0.00001000\"}]}]}";
        final var rules = dialect.readSymbolRules(info).get("BTCUSDT");
        assertEquals(new BigDecimal("0.01"), rules.tickSize());
        assertEquals(new BigDecimal("0.00001"), rules.stepSize());
        assertEquals(0, new BigDecimal("9000").compareTo(rules.maxQuantity()));
    }

    @Test
    void shouldReadTheMinimumNotionalFromEitherFilter()
    {
        final String older = "{\"symbols\":[{\"symbol\":\"BTCUSDT\",\"filters\":[{\"filterType\":\"PRICE_FILTER\",\"tickSize\":\"0.01\"},"
            + "{\"filterType\":\"LOT_SIZE\",\"stepSize\":\"0.00001\"},{\"filterType\":\"MIN_NOTIONAL\",\"minNotional\":\"5.00000000\","
            + "\"applyToMarket\":true,\"avgPriceMins\":5}]}]}";
        final var rules = dialect.readSymbolRules(older).get("BTCUSDT");
        assertEquals(0, new BigDecimal("5").compareTo(rules.minNotional()));
        assertTrue(rules.minNotionalOnMarket());
        final String newer = "{\"symbols\":[{\"symbol\":\"ETHUSDT\",\"filters\":[{\"filterType\":\"PRICE_FILTER\",\"tickSize\":\"0.01\"},"
            + "{\"filterType\":\"LOT_SIZE\",\"stepSize\":\"0.0001\"},{\"filterType\":\"NOTIONAL\",\"minNotional\":\"10.00000000\","
            + "\"applyMinToMarket\":false,\"maxNotional\":\"9000000.00000000\",\"applyMaxToMarket\":false,\"avgPriceMins\":5}]}]}";
        final var eth = dialect.readSymbolRules(newer).get("ETHUSDT");
        assertEquals(0, new BigDecimal("10").compareTo(eth.minNotional()));
        assertFalse(eth.minNotionalOnMarket());
        final String none = "{\"symbols\":[{\"symbol\":\"X\",\"filters\":[{\"filterType\":\"PRICE_FILTER\",\"tickSize\":\"0.01\"},"
            + "{\"filterType\":\"LOT_SIZE\",\"stepSize\":\"1\"}]}]}";
        assertNull(dialect.readSymbolRules(none).get("X").minNotional());
    }

    /** {@code /fapi/v1/leverageBracket} answers one entry when a symbol is sent, a list otherwise: both are read. */
    @Test
    void shouldReadASymbolsHighestLeverageFromEitherShapeOfItsBrackets()
    {
        final String brackets = "{\"symbol\":\"ETHUSDT\",\"brackets\":[{\"bracket\":1,\"initialLeverage\":75,\"notionalCap\":10000},"
            + "{\"bracket\":2,\"initialLeverage\":50,\"notionalCap\":100000}]}";
        assertEquals(75, dialect.readMaxLeverage("ETHUSDT", brackets));
        assertEquals(75, dialect.readMaxLeverage("ETHUSDT", "[{\"symbol\":\"BTCUSDT\",\"brackets\":[{\"initialLeverage\":125}]}," + brackets + "]"));
        assertEquals(0, dialect.readMaxLeverage("BTCUSDT", brackets), "another symbol's brackets tell nothing");
        assertEquals(0, dialect.readMaxLeverage("ETHUSDT", "<html>"), "unreadable: nothing");
        assertEquals("/fapi/v1/leverageBracket", dialect.leverageBrackets("ETHUSDT").path());
    }

    @Test
    void shouldSortBinanceCodesIntoWhatTheConnectorDoes()
    {
        final HttpHeaders none = HttpHeaders.of(Map.of(), (a, b) -> true);
        final var query = dialect.queryOrder("BTCUSDT", "og-1");
        assertEquals(Outcome.NOT_FOUND, dialect.read(query, 400, none, "{\"code\":-2013,\"msg\":\"Order does not exist.\"}").outcome());
        assertEquals(Outcome.CLOCK_SKEW, dialect.read(query, 400, none, "{\"code\":-1021,\"msg\":\"x\"}").outcome());
        assertEquals(Outcome.UNKNOWN, dialect.read(query, 400, none, "{\"code\":-1007,\"msg\":\"Timeout\"}").outcome());
        assertEquals(Outcome.UNKNOWN, dialect.read(query, 502, none, "<html>bad gateway</html>").outcome());
        final HttpHeaders retry = HttpHeaders.of(Map.of("Retry-After", List.of("7")), (a, b) -> true);
        assertEquals(7_000, dialect.read(query, 429, retry, "{\"code\":-1003,\"msg\":\"x\"}").retryAfterMillis());
        assertEquals(Outcome.BANNED, dialect.read(query, 418, retry, "{\"code\":-1003,\"msg\":\"x\"}").outcome());
        assertEquals(Outcome.REJECTED, dialect.read(dialect.placeOrder(new OrderTicket(1, "og-1", "BTCUSDT", "BUY", "MARKET", "IOC",
            BigDecimal.ONE, null)), 400, none, "{\"code\":-2010,\"msg\":\"Account has insufficient balance for requested action.\"}").outcome());
        assertEquals(Outcome.NOT_FOUND, dialect.read(dialect.cancelOrder("BTCUSDT", "og-1"), 400, none,
            "{\"code\":-2011,\"msg\":\"Unknown order sent.\"}").outcome());
        assertEquals(Outcome.OK, dialect.read(dialect.setMarginType("BTCUSDT", io.ordergate.exchange.spi.FuturesSettings.MarginType.CROSSED), 400,
            none, "{\"code\":-4046,\"msg\":\"No need to change margin type.\"}").outcome());
    }

    @Test
    void shouldReadARetryAfterInSecondsOrAsADateAndNeverThrowOnOneItCannotRead()
    {
        final long date = java.time.ZonedDateTime.parse("Wed, 21 Oct 2026 07:28:00 GMT", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant().toEpochMilli();
        assertEquals(7_000, BinanceAnswers.retryAfterMillis("7", date));
        assertEquals(5_000, BinanceAnswers.retryAfterMillis("Wed, 21 Oct 2026 07:28:00 GMT", date - 5_000), "an HTTP date, as a proxy sends it");
        assertEquals(0, BinanceAnswers.retryAfterMillis("Wed, 21 Oct 2026 07:28:00 GMT", date + 5_000), "a date passed");
        assertEquals(0, BinanceAnswers.retryAfterMillis("soon", date));
        assertEquals(0, BinanceAnswers.retryAfterMillis(null, date));
        final var query = dialect.queryOrder("BTCUSDT", "og-1");
        final HttpHeaders unreadable = HttpHeaders.of(Map.of("Retry-After", List.of("soon")), (a, b) -> true);
        final var limited = dialect.read(query, 429, unreadable, "{\"code\":-1003,\"msg\":\"x\"}");
        assertEquals(Outcome.RATE_LIMITED, limited.outcome(), "read, not thrown");
        assertEquals(1_000, limited.retryAfterMillis(), "the floor when the exchange's wait cannot be read");
    }

    @Test
    void shouldTellAFillsCommissionInTheQuoteAsset()
    {
        final String report = "{\"e\":\"executionReport\",\"s\":\"BTCUSDT\",\"c\":\"og-1\",\"i\":5,\"x\":\"TRADE\",\"X\":\"FILLED\","
            + "\"l\":\"0.01000000\",\"z\":\"0.01000000\",\"L\":\"65001.00\",\"Z\":\"650.01\",\"n\":\"%s\",\"N\":\"%s\"}";
        final var paidInBase = dialect.readStream(report.formatted("0.00001", "BTC")).get(0).order();
        assertEquals(0, new BigDecimal("0.65001").compareTo(paidInBase.fee()), "0.00001 BTC at the fill's 65001.00");
        assertEquals(0, new BigDecimal("0.01").compareTo(paidInBase.feeQuantity()));
        assertEquals(0, new BigDecimal("0.65").compareTo(dialect.readStream(report.formatted("0.65", "USDT")).get(0).order().fee()));
        assertEquals(0, dialect.readStream(report.formatted("0.002", "BNB")).get(0).order().fee().signum(), "an asset it cannot value");

        final String full = "{\"symbol\":\"BTCUSDT\",\"orderId\":7,\"clientOrderId\":\"og-2\",\"status\":\"FILLED\",\"executedQty\":\"0.02\","
            + "\"cummulativeQuoteQty\":\"1300.00\",\"fills\":[{\"price\":\"65000.00\",\"qty\":\"0.01\",\"commission\":\"0.65\","
            + "\"commissionAsset\":\"USDT\"},{\"price\":\"65000.00\",\"qty\":\"0.01\",\"commission\":\"0.00001\",\"commissionAsset\":\"BTC\"}]}";
        final OrderTicket market = new OrderTicket(1, "og-2", "BTCUSDT", "SELL", "MARKET", "IOC", new BigDecimal("0.02"), null);
        final var answer = dialect.read(dialect.placeOrder(market), 200, HttpHeaders.of(Map.of(), (a, b) -> true), full).order();
        assertEquals(0, new BigDecimal("1.30").compareTo(answer.fee()), "both fills' commissions");
        assertEquals(0, new BigDecimal("0.02").compareTo(answer.feeQuantity()));
    }
}
