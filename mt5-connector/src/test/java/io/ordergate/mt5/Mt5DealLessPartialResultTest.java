package io.ordergate.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;

/**
 * A partial close whose CLOSE_POSITION result carries no {@code details.deal} (executors.md: it "may carry" it) while
 * its trade report does is one partial close: booked once, money and lots, whichever of the two comes first.
 */
class Mt5DealLessPartialResultTest
{
    private Mt5Driver driver;

    @BeforeEach
    void setUp()
    {
        driver = new Mt5Driver();
        driver.mt5Account("mt5-1");
        driver.createExecutor("exe-1", "mt5-1");
        driver.quote("1.08420", "1.08428");
        driver.heartbeat("exe-1");
    }

    @Test
    void shouldBookADealLessResultAndItsReportOnceWhenTheResultComesFirst()
    {
        final long closing = partialCloseOrder();
        driver.closeResult("exe-1", "ord_" + closing, 901L, "7", 0L);
        driver.tradePartial("exe-1", 901L, "0.10", "7", 6001L);
        assertBookedOnce();
    }

    @Test
    void shouldBookADealLessResultAndItsReportOnceWhenTheReportComesFirst()
    {
        final long closing = partialCloseOrder();
        driver.tradePartial("exe-1", 901L, "0.10", "7", 6001L);
        driver.closeResult("exe-1", "ord_" + closing, 901L, "7", 0L);
        assertBookedOnce();
    }

    @Test
    void shouldReplayANewJournalToTheSameStateAndAJournalFromBeforeAsItWasDecided()
    {
        final long closing = partialCloseOrder();
        driver.closeResult("exe-1", "ord_" + closing, 901L, "7", 0L);
        driver.tradePartial("exe-1", 901L, "0.10", "7", 6001L);
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());

        setUp();
        final long before = partialCloseOrder();
        driver.closeResult("exe-1", "ord_" + before, 901L, "7", 0L);
        reportFromBefore(901L, "0.10", "7", 6001L);
        assertEquals(new BigDecimal("0.3"), ((Map<?, ?>)positions().get(0)).get("quantity"), "a report journaled before: booked again, as then");
        assertEquals(new BigDecimal("14"), Mt5Driver.json(driver.account("mt5-1")).get("realized_pnl"));
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    /** A partial-close report as journaled before its rules byte: the body of today less its rules byte and the time after it. */
    private void reportFromBefore(final long ticket, final String closed, final String profit, final long deal)
    {
        final CommandEvent scratch = new CommandEvent();
        final BodyWriter body = new BodyWriter().wrap(scratch.frame, CommandFrame.BODY_OFFSET);
        ExecutorBodies.tradeReport(body, "exe-1", ExecutorBodies.TRADE_PARTIAL, ExecutorBodies.TRADE_PROFIT | ExecutorBodies.TRADE_CLOSE_PRICE,
            ticket, "", 0, 0, 0, 0, 0, 0, Mt5Driver.wire("1.085"), 0, 0, Mt5Driver.wire(profit), "", Mt5Driver.wire(closed), deal);
        final byte[] old = new byte[body.length() - 1 - Long.BYTES];
        scratch.frame.getBytes(CommandFrame.BODY_OFFSET, old);
        final CommandEvent event = new CommandEvent();
        driver.begin(event, CommandType.TRADE_REPORT).putRaw(old, 0, old.length);
        assertEquals(ResultCode.OK, driver.finish(event).result, event.resultMessage);
    }

    /** Ticket 901 of 0.50 lots, and an order closing 0.10 of it, sent to the executor. */
    private long partialCloseOrder()
    {
        driver.tradeOpen("exe-1", 901L, "EURUSD", "0.50", "1.08");
        final long positionId = Long.parseLong((String)((Map<?, ?>)positions().get(0)).get("position_id"));
        return driver.close(positionId, "0.10").order.orderId;
    }

    private void assertBookedOnce()
    {
        assertEquals(new BigDecimal("0.4"), ((Map<?, ?>)positions().get(0)).get("quantity"), "0.10 of 0.50 closed, once");
        assertEquals(new BigDecimal("7"), Mt5Driver.json(driver.account("mt5-1")).get("realized_pnl"), "the part's money, once");
        assertEquals(1, ((List<?>)Mt5Driver.json(driver.closedPositions("mt5-1")).get("positions")).size(), "one close record");
    }

    private List<?> positions()
    {
        return (List<?>)Mt5Driver.json(driver.positions("mt5-1")).get("positions");
    }
}
