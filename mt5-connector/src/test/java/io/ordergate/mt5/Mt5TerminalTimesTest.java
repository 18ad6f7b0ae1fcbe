package io.ordergate.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/**
 * The terminal's times a trade report carries (its body's last long, under {@link ExecutorBodies#REPORT_RULES_TERMINAL_TIME})
 * on the ticket's records, over the time the report or the command's result arrived; a report journaled before the
 * times (rules byte 1, no time) replays at its arrival time, as it was decided then.
 */
class Mt5TerminalTimesTest
{
    /** 2024-01-15T10:30:00.250Z and 2024-01-15T11:30:00Z. */
    private static final long OPENED = 1_705_314_600_250_000L;
    private static final long CLOSED = 1_705_318_200_000_000L;

    private final Mt5Driver driver = Mt5Driver.withExecutorOnline();

    @Test
    void shouldRecordAPositionOpenedAndClosedByHandAtTheTerminalsTimesAndReplayThem()
    {
        report(ExecutorBodies.TRADE_OPEN, OPENED, false);
        assertEquals("2024-01-15T10:30:00.250Z", position().get("opened_at"));
        report(ExecutorBodies.TRADE_CLOSE, CLOSED, false);
        assertClosedAtTheTerminalsTimes(driver);
        final Mt5Driver replayed = driver.replayed();
        assertEquals(driver.engine.stateDigest(), replayed.engine.stateDigest());
        assertClosedAtTheTerminalsTimes(replayed);
    }

    @Test
    void shouldPutTheTerminalsTimesOverTheArrivalOfTheResultsThatCameFirst()
    {
        final long orderId = driver.buy("mt5-1", "0.10").order.orderId;
        assertEquals(ResultCode.OK, driver.result("exe-1", "ord_" + orderId, true, 901L, "1.08428", "0.10", null).result);
        report(ExecutorBodies.TRADE_OPEN, OPENED, false);
        final long positionId = Long.parseLong((String)position().get("position_id"));
        final long closing = driver.close(positionId, null).order.orderId;
        assertEquals(ResultCode.OK, driver.closeResult("exe-1", "ord_" + closing, 901L, "30", 0L).result);
        report(ExecutorBodies.TRADE_CLOSE, CLOSED, false);
        assertClosedAtTheTerminalsTimes(driver);
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldReplayAReportJournaledBeforeTheTimesAtItsArrivalAsItWasDecided()
    {
        final String arrival = "2026-11-22T10:00:00.000Z";
        assertEquals(Mt5Driver.START_MICROS, java.time.Instant.parse(arrival).toEpochMilli() * 1000L);
        report(ExecutorBodies.TRADE_OPEN, OPENED, true);
        assertEquals(arrival, position().get("opened_at"), "no time in the body: the arrival, as then");
        final Mt5Driver replayed = driver.replayed();
        assertEquals(driver.engine.stateDigest(), replayed.engine.stateDigest());
        assertEquals(arrival, ((Map<?, ?>)((List<?>)Mt5Driver.json(replayed.positions("mt5-1")).get("positions")).get(0)).get("opened_at"));
    }

    /**
     * An open or close report of ticket 901 at {@code terminalMicros}; {@code fromBefore}: as journaled before the times,
     * today's body with its rules byte 1 and without the time (what the old code wrote).
     */
    private void report(final int kind, final long terminalMicros, final boolean fromBefore)
    {
        final boolean open = kind == ExecutorBodies.TRADE_OPEN;
        final CommandEvent scratch = new CommandEvent();
        final BodyWriter body = new BodyWriter().wrap(scratch.frame, CommandFrame.BODY_OFFSET);
        ExecutorBodies.tradeReport(body, "exe-1", kind, open ? ExecutorBodies.TRADE_LOTS | ExecutorBodies.TRADE_OPEN_PRICE
            : ExecutorBodies.TRADE_PROFIT | ExecutorBodies.TRADE_CLOSE_PRICE, 901L, open ? "EURUSD" : "", open ? Side.BUY.code() : 0,
            open ? Mt5Driver.wire("0.10") : 0, open ? Mt5Driver.wire("1.08428") : 0, 0, 0, 0, open ? 0 : Mt5Driver.wire("1.085"), 0, 0,
            open ? 0 : Mt5Driver.wire("30"), "", 0, 0, terminalMicros);
        final byte[] bytes = new byte[fromBefore ? body.length() - Long.BYTES : body.length()];
        scratch.frame.getBytes(CommandFrame.BODY_OFFSET, bytes);
        if (fromBefore)
        {
            bytes[bytes.length - 1] = (byte)ExecutorBodies.REPORT_RULES_PAIRS_PARTS;
        }
        final CommandEvent event = new CommandEvent();
        driver.begin(event, CommandType.TRADE_REPORT).putRaw(bytes, 0, bytes.length);
        assertEquals(ResultCode.OK, driver.finish(event).result, event.resultMessage);
    }

    private static void assertClosedAtTheTerminalsTimes(final Mt5Driver driver)
    {
        final List<?> closed = (List<?>)Mt5Driver.json(driver.closedPositions("mt5-1")).get("positions");
        assertEquals(1, closed.size(), closed::toString);
        assertEquals("2024-01-15T10:30:00.250Z", ((Map<?, ?>)closed.get(0)).get("opened_at"), closed::toString);
        assertEquals("2024-01-15T11:30:00.000Z", ((Map<?, ?>)closed.get(0)).get("closed_at"), closed::toString);
    }

    private Map<?, ?> position()
    {
        return (Map<?, ?>)((List<?>)Mt5Driver.json(driver.positions("mt5-1")).get("positions")).get(0);
    }
}
