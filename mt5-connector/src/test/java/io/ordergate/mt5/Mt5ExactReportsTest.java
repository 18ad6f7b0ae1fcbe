package io.ordergate.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.Json;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/**
 * Trade reports of tickets opened by hand, and history-sync deals, carry the terminal's lots and prices exactly: one
 * finer than EURUSD's lot digits (2) or price digits (5) is refused by field and value, and nothing of it is applied
 * (no rounding half-even); a refused deal is asked for again by the next sync.
 */
class Mt5ExactReportsTest
{
    private Mt5Driver driver;

    @BeforeEach
    void setUp()
    {
        driver = Mt5Driver.withExecutorOnline();
    }

    @Test
    void shouldRefuseAnOpenReportFinerThanTheInstrumentsDigitsAndMakeNoPosition()
    {
        assertRefused(driver.tradeOpen("exe-1", 700L, "EURUSD", "0.015", "1.08420"), "lots", "lots 0.015 has more decimal places than EURUSD's lot digits (2");
        assertRefused(driver.tradeOpen("exe-1", 700L, "EURUSD", "0.10", "1.084205"), "openPrice",
            "openPrice 1.084205 has more decimal places than EURUSD's price digits (5)");
        assertEquals(0, positions().size(), "nothing half-made: no ticket, no position");

        assertEquals(ResultCode.OK, driver.tradeOpen("exe-1", 700L, "EURUSD", "0.10", "1.08425").result);
        assertEquals(new BigDecimal("0.1"), at(positions(), "quantity"));
        assertEquals(new BigDecimal("1.08425"), at(positions(), "open_price"), "kept exactly");
    }

    @Test
    void shouldRefuseAnUpdateACloseOrAPartialFinerThanTheDigitsAndKeepThePositionAsItWas()
    {
        driver.tradeOpen("exe-1", 701L, "EURUSD", "0.50", "1.08000");
        assertRefused(driver.tradeVolume("exe-1", 701L, "0.505", "1.08000"), "lots", "lots 0.505");
        assertRefused(driver.tradeStopLoss("exe-1", 701L, "1.070001"), "stopLoss", "stopLoss 1.070001");
        assertRefused(report(ExecutorBodies.TRADE_PARTIAL, 701L, "1.08500", "0.125", 9001L), "closedLots", "closedLots 0.125");
        assertRefused(report(ExecutorBodies.TRADE_PARTIAL, 701L, "1.085005", "0.10", 9001L), "closePrice", "closePrice 1.085005");
        assertRefused(report(ExecutorBodies.TRADE_CLOSE, 701L, "1.085005", "0", 0), "closePrice", "closePrice 1.085005");

        final List<?> open = positions();
        assertEquals(1, open.size(), "still open");
        assertEquals(new BigDecimal("0.5"), at(open, "quantity"));
        assertEquals(new BigDecimal("1.08"), at(open, "open_price"));
        assertEquals(null, at(open, "stop_loss"));
        assertEquals(new BigDecimal("0"), Mt5Driver.json(driver.account("mt5-1")).get("realized_pnl"), "no money booked");

        assertEquals(ResultCode.OK, report(ExecutorBodies.TRADE_PARTIAL, 701L, "1.08501", "0.12", 9001L).result);
        assertEquals(new BigDecimal("0.38"), at(positions(), "quantity"));
        final Mt5Driver replayed = driver.replayed();
        assertEquals(driver.engine.stateDigest(), replayed.engine.stateDigest(), "refusals replay as refusals");
    }

    @Test
    void shouldTakeANettingPositionsAveragePriceFinerThanTheDigitsAtThePriceDigits()
    {
        driver.tradeOpen("exe-1", 702L, "EURUSD", "0.01", "1.08000");
        // 0.01 at 1.08000 and 0.02 more at 1.08001 average 1.0800066...: the terminal reports its own average
        assertEquals(ResultCode.OK, driver.tradeVolume("exe-1", 702L, "0.03", "1.08000667").result, "an average is no traded price");
        assertEquals(new BigDecimal("0.03"), at(positions(), "quantity"), "the volume the terminal holds");
        assertEquals(new BigDecimal("1.08001"), at(positions(), "open_price"), "the average at EURUSD's 5 digits");
        assertRefused(driver.tradeVolume("exe-1", 702L, "0.035", "1.08001"), "lots", "lots 0.035");
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldRefuseAHistoryDealWhosePriceIsFinerThanThePriceDigitsAndAskForItAgain()
    {
        final CommandEvent connect = driver.investor(CommandType.INVESTOR_CONNECT, "mt5-1", 5001, "v1:k1:c2VhbGVkLXRleHQ=");
        assertEquals(connect.resultId, driver.resultWithParts("exe-1", commandId(connect), true, "ok", body -> { }).resultId);
        final long start = Mt5Driver.START_MICROS;
        final CommandEvent sync = driver.investorAccount(CommandType.INVESTOR_SYNC, "mt5-1");
        driver.resultWithParts("exe-1", commandId(sync), true, "3 closed deals", body ->
        {
            ResultParts.deals(body, 3);
            deal(body, 3001, 4001, "1.08428", "1.1", start + 10_000_000L);
            deal(body, 3002, 4002, "1.08428", "1.100005", start + 11_000_000L);
            deal(body, 3003, 4003, "1.084285", "1.1", start + 12_000_000L);
            ResultParts.page(body, false, 0, 5001);
        });
        final Map<String, Object> answer = Json.output(driver.outcome(sync.resultId));
        assertEquals(new BigDecimal("1"), answer.get("synced"), answer.toString());
        assertEquals(List.of(
            "deal 3002: not stored: its exitPrice 1.100005 has more decimal places than EURUSD's price digits (5), and rounding it would book"
                + " what the terminal never traded",
            "deal 3003: not stored: its entryPrice 1.084285 has more decimal places than EURUSD's price digits (5), and rounding it would book"
                + " what the terminal never traded"), answer.get("errors"));
        assertEquals(new BigDecimal("2"), Json.output(driver.account("mt5-1")).get("realized_pnl"), "only deal 3001's profit");

        final CommandEvent again = driver.investorAccount(CommandType.INVESTOR_SYNC, "mt5-1");
        final Object from = ((Map<?, ?>)Json.object(Mt5Driver.outbox(again).get(0).getValue()).get("parameters")).get("from");
        final java.time.Instant refusedAt = java.time.Instant.ofEpochSecond(0, (start + 11_000_000L) * 1_000L);
        assertTrue(!java.time.Instant.parse((String)from).isAfter(refusedAt), "the next sync asks again for the first refused deal: " + from);
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldRefuseAHistoryDealWhoseMoneyIsFinerThanTheGatewaysMoneyDigits()
    {
        final CommandEvent connect = driver.investor(CommandType.INVESTOR_CONNECT, "mt5-1", 5001, "v1:k1:c2VhbGVkLXRleHQ=");
        driver.resultWithParts("exe-1", commandId(connect), true, "ok", body -> { });
        final long start = Mt5Driver.START_MICROS;
        final CommandEvent sync = driver.investorAccount(CommandType.INVESTOR_SYNC, "mt5-1");
        driver.resultWithParts("exe-1", commandId(sync), true, "2 closed deals", body ->
        {
            ResultParts.deals(body, 2);
            deal(body, 3001, 4001, "1.08428", "1.1", start + 10_000_000L, "2");
            deal(body, 3002, 4002, "1.08428", "1.1", start + 11_000_000L, "2.005");  // a currency of more digits
            ResultParts.page(body, false, 0, 5001);
        });
        final Map<String, Object> answer = Json.output(driver.outcome(sync.resultId));
        assertEquals(new BigDecimal("1"), answer.get("synced"), answer.toString());
        assertEquals(List.of("deal 3002: not stored: its profit 2.005 has more decimal places than the gateway keeps money at (2), and rounding it"
            + " would book what the terminal never booked"), answer.get("errors"));
        assertEquals(new BigDecimal("2"), Json.output(driver.account("mt5-1")).get("realized_pnl"), "only deal 3001's profit, not 2.00 more");
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    private static void deal(final BodyWriter body, final long ticket, final long position, final String entry, final String exit, final long exitMicros)
    {
        deal(body, ticket, position, entry, exit, exitMicros, "2");
    }

    private static void deal(final BodyWriter body, final long ticket, final long position, final String entry, final String exit, final long exitMicros,
        final String profit)
    {
        ResultParts.historyDeal(body, ResultParts.DEAL_ENTRY_TIME | ResultParts.DEAL_ENTRY_PRICE, ticket, position, "EURUSD",
            Side.BUY.code(), Mt5Driver.wire("0.10"), exitMicros - 60_000_000L, exitMicros, Mt5Driver.wire(entry),
            Mt5Driver.wire(exit), Mt5Driver.wire(profit), 0, 0);
    }

    private static String commandId(final CommandEvent event)
    {
        return (String)Json.object(Mt5Driver.outbox(event).get(0).getValue()).get("id");
    }

    /** A partial-close or close report of {@code ticket} at {@code closePrice}, with profit 5. */
    private CommandEvent report(final int kind, final long ticket, final String closePrice, final String closedLots, final long deal)
    {
        final CommandEvent event = new CommandEvent();
        ExecutorBodies.tradeReport(driver.begin(event, CommandType.TRADE_REPORT), "exe-1", kind,
            ExecutorBodies.TRADE_PROFIT | ExecutorBodies.TRADE_CLOSE_PRICE, ticket, "", Side.BUY.code(), 0, 0, 0, 0, 0,
            Mt5Driver.wire(closePrice), 0, 0, Mt5Driver.wire("5"), "", Mt5Driver.wire(closedLots), deal);
        return driver.finish(event);
    }

    private static void assertRefused(final CommandEvent event, final String field, final String message)
    {
        assertEquals(ResultCode.VALIDATION_ERROR, event.result, event.resultMessage);
        assertEquals(field, event.resultField);
        assertTrue(event.resultMessage.contains(message), event.resultMessage);
    }

    private List<?> positions()
    {
        return (List<?>)Mt5Driver.json(driver.positions("mt5-1")).get("positions");
    }

    private static Object at(final List<?> list, final String field)
    {
        return ((Map<?, ?>)list.get(0)).get(field);
    }
}
