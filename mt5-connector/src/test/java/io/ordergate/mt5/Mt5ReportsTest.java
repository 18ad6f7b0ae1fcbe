package io.ordergate.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;

/**
 * What terminals report about their tickets, through real frames: tickets of two terminals that share a number, the
 * money of a close whichever of result and report comes first, partial closes and growth the trade report tells of,
 * and the closes kept for performance.
 */
class Mt5ReportsTest
{
    private Mt5Driver driver;

    @BeforeEach
    void setUp()
    {
        driver = new Mt5Driver();
        driver.mt5Account("mt5-1");
        driver.mt5Account("mt5-2");
        driver.createExecutor("exe-1", "mt5-1");
        driver.createExecutor("exe-2", "mt5-2");
        driver.quote("1.08420", "1.08428");
        driver.heartbeat("exe-1");
        driver.heartbeat("exe-2");
    }

    @Test
    void shouldKeepTheSameTicketNumberAtTwoBrokersAsTwoPositions()
    {
        assertEquals(ResultCode.OK, driver.tradeOpen("exe-1", 777L, "EURUSD", "0.10", "1.08").result);
        assertEquals(ResultCode.OK, driver.tradeOpen("exe-2", 777L, "EURUSD", "0.30", "1.07").result);
        assertEquals(new BigDecimal("0.1"), at(positions("mt5-1"), 0, "quantity"));
        assertEquals(new BigDecimal("0.3"), at(positions("mt5-2"), 0, "quantity"));

        driver.tradeClose("exe-2", 777L, "45", "0", "0");
        assertEquals(0, positions("mt5-2").size());
        assertEquals(1, positions("mt5-1").size(), "the other broker's ticket 777 stays open");
        assertEquals(new BigDecimal("45"), Mt5Driver.json(driver.account("mt5-2")).get("realized_pnl"));
        assertEquals(new BigDecimal("0"), Mt5Driver.json(driver.account("mt5-1")).get("realized_pnl"));
        assertEquals(ResultCode.OK, driver.tradeClose("exe-2", 777L, "45", "0", "0").result);
        assertEquals(new BigDecimal("45"), Mt5Driver.json(driver.account("mt5-2")).get("realized_pnl"), "a repeated close books nothing more");
    }

    @Test
    void shouldBookProfitCommissionAndSwapWhicheverOfCloseResultAndTradeReportComesFirst()
    {
        final BigDecimal reportFirst = closeBoth(true);
        setUp();
        final BigDecimal resultFirst = closeBoth(false);
        assertEquals(new BigDecimal("28.5"), reportFirst, "profit 30, commission -2, swap 0.5");
        assertEquals(reportFirst, resultFirst);
    }

    private BigDecimal closeBoth(final boolean reportFirst)
    {
        driver.tradeOpen("exe-1", 4242L, "EURUSD", "0.10", "1.08");
        final long positionId = Long.parseLong((String)at(positions("mt5-1"), 0, "position_id"));
        final long closing = driver.close(positionId, null).order.orderId;
        if (reportFirst)
        {
            driver.tradeClose("exe-1", 4242L, "30", "-2", "0.5");
        }
        driver.closeResult("exe-1", "ord_" + closing, 4242L, "30", 0);
        if (!reportFirst)
        {
            driver.tradeClose("exe-1", 4242L, "30", "-2", "0.5");
        }
        driver.tradeClose("exe-1", 4242L, "30", "-2", "0.5");
        final List<?> closed = closed("mt5-1");
        assertEquals(1, closed.size());
        assertEquals(new BigDecimal("28.5"), at(closed, 0, "pnl"));
        assertEquals(new BigDecimal("2"), at(closed, 0, "fee"));
        assertEquals(new BigDecimal("0.5"), at(closed, 0, "swap"));
        assertEquals(Boolean.TRUE, at(closed, 0, "final"));
        return (BigDecimal)Mt5Driver.json(driver.account("mt5-1")).get("realized_pnl");
    }

    @Test
    void shouldShrinkAPositionClosedInPartByHandAndBookItsMoneyOnce()
    {
        driver.tradeOpen("exe-1", 900L, "EURUSD", "0.50", "1.08");
        assertEquals(ResultCode.OK, driver.tradePartial("exe-1", 900L, "0.20", "12", 5001L).result);
        assertEquals(ResultCode.OK, driver.tradePartial("exe-1", 900L, "0.20", "12", 5001L).result, "a repeat is acknowledged");
        assertEquals(new BigDecimal("0.3"), at(positions("mt5-1"), 0, "quantity"));
        assertEquals(new BigDecimal("12"), Mt5Driver.json(driver.account("mt5-1")).get("realized_pnl"));
        final List<?> closed = closed("mt5-1");
        assertEquals(1, closed.size());
        assertEquals(new BigDecimal("0.2"), at(closed, 0, "size"));
        assertEquals("5001", at(closed, 0, "deal_ticket"));
        assertEquals(Boolean.FALSE, at(closed, 0, "final"));
        assertEquals(ResultCode.VALIDATION_ERROR, driver.tradePartial("exe-1", 900L, "0.30", "1", 5002L).result,
            "closing all that is left is a close report, not a partial");
    }

    @Test
    void shouldApplyAPartialCloseOnceWhenItsResultAndItsReportBothArrive()
    {
        driver.tradeOpen("exe-1", 901L, "EURUSD", "0.50", "1.08");
        final long positionId = Long.parseLong((String)at(positions("mt5-1"), 0, "position_id"));
        final long closing = driver.close(positionId, "0.10").order.orderId;
        driver.tradePartial("exe-1", 901L, "0.10", "7", 6001L);
        driver.closeResult("exe-1", "ord_" + closing, 901L, "7", 6001L);
        assertEquals(new BigDecimal("0.4"), at(positions("mt5-1"), 0, "quantity"));
        assertEquals(new BigDecimal("7"), Mt5Driver.json(driver.account("mt5-1")).get("realized_pnl"));
        assertEquals(1, closed("mt5-1").size());
        assertEquals("filled", driver.order(closing).order.status.wireName());
    }

    @Test
    void shouldTakeTheTerminalsVolumeAndAveragePriceWhenANettingPositionGrows()
    {
        driver.tradeOpen("exe-1", 902L, "EURUSD", "0.10", "1.08000");
        driver.tradeVolume("exe-1", 902L, "0.30", "1.08200");
        assertEquals(new BigDecimal("0.3"), at(positions("mt5-1"), 0, "quantity"));
        assertEquals(new BigDecimal("1.082"), at(positions("mt5-1"), 0, "open_price"));
        assertEquals(1, positions("mt5-1").size());
    }

    @Test
    void shouldRefuseAReportWhoseLotsOrPricesAreNotPositiveAndOpenNothing()
    {
        assertRefused(driver.tradeOpen("exe-1", 903L, "EURUSD", "0", "1.08"), "lots", "lots must be positive, was 0");
        assertRefused(driver.tradeOpen("exe-1", 903L, "EURUSD", "-0.10", "1.08"), "lots", "lots must be positive, was -0.1");
        assertRefused(driver.tradeOpen("exe-1", 903L, "EURUSD", "0.10", "-1.08"), "openPrice", "openPrice must be positive, was -1.08");
        assertEquals(0, positions("mt5-1").size(), "no position of no volume, negative volume or negative price");
        assertEquals(new BigDecimal("0"), Mt5Driver.json(driver.account("mt5-1")).get("unrealized_pnl"));

        driver.tradeOpen("exe-1", 903L, "EURUSD", "0.10", "1.08");
        assertRefused(driver.tradeStopLoss("exe-1", 903L, "-1.07"), "stopLoss", "stopLoss must not be negative (0: none), was -1.07");
        assertRefused(driver.tradeVolume("exe-1", 903L, "-0.30", "1.082"), "lots", "lots must be positive, was -0.3");
        assertEquals(new BigDecimal("0.1"), at(positions("mt5-1"), 0, "quantity"));
        assertEquals(null, at(positions("mt5-1"), 0, "stop_loss"));
        assertEquals(ResultCode.OK, driver.tradeStopLoss("exe-1", 903L, "0").result, "0 is no stop");
    }

    private static void assertRefused(final CommandEvent event, final String field, final String message)
    {
        assertEquals(ResultCode.VALIDATION_ERROR, event.result, event.resultMessage);
        assertEquals(field, event.resultField);
        assertEquals(message, event.resultMessage);
    }

    @Test
    void shouldReplayReportsToTheSameState()
    {
        driver.tradeOpen("exe-1", 777L, "EURUSD", "0.50", "1.08");
        driver.tradeOpen("exe-2", 777L, "EURUSD", "0.10", "1.08");
        driver.tradePartial("exe-1", 777L, "0.20", "12", 5001L);
        driver.tradeClose("exe-2", 777L, "30", "-2", "0.5");
        final Mt5Driver replayed = driver.replayed();
        assertEquals(driver.engine.stateDigest(), replayed.engine.stateDigest());
        assertEquals(Mt5Driver.json(driver.closedPositions("")), Mt5Driver.json(replayed.closedPositions("")));
        driver.tradeClose("exe-1", 777L, "1", "0", "0");
        assertNotEquals(driver.engine.stateDigest(), replayed.engine.stateDigest());
    }

    private List<?> positions(final String accountId)
    {
        return (List<?>)Mt5Driver.json(driver.positions(accountId)).get("positions");
    }

    private List<?> closed(final String accountId)
    {
        final CommandEvent event = driver.closedPositions(accountId);
        return (List<?>)Mt5Driver.json(event).get("positions");
    }

    private static Object at(final List<?> list, final int index, final String field)
    {
        return ((Map<?, ?>)list.get(index)).get(field);
    }
}
