package io.ordergate.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.Json;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/**
 * A trailing stop on an MT5 ticket, walked by quotes moved by hand: the gateway sends MODIFY_POSITION as the stop
 * ratchets, at most once a second per ticket (the best price's stop is sent when the second is up), and never back.
 */
class Mt5TrailingTest
{
    private final Mt5Driver driver = new Mt5Driver();

    @Test
    void shouldMoveAnMt5TicketsTrailingStopThrottledAndNeverBack()
    {
        // A buy with a 10-pip trailing stop: it starts at 1.08428 - 0.00100 = 1.08328.
        final CommandEvent order = trailingBuy();
        final long orderId = order.order.orderId;
        assertEquals(0, new BigDecimal("1.08328").compareTo(BigDecimal.valueOf(order.order.stopLoss, 5)), "the trailing start");
        driver.result("exe-1", "ord_" + orderId, true, 9001L, "1.08428", "0.10", null);

        // Up 8 pips: the stop would stand at 1.08400, above 1.08328: one MODIFY_POSITION.
        assertEquals(new BigDecimal("1.084"), modifiedStop(driver.quote("1.08500", "1.08508")));
        // Up again within the same second: held back, but remembered.
        assertEquals(0, modifies(driver.quote("1.08600", "1.08608")).size(), "throttled");
        driver.now += 1_000_000L;  // executors.trailing_modify_interval_millis, 1 s by default
        // A second later the price fell back a little: the stop sent is the best price's (1.08600 - 0.00100).
        assertEquals(new BigDecimal("1.085"), modifiedStop(driver.quote("1.08550", "1.08558")));
        driver.now += 1_000_000L;  // executors.trailing_modify_interval_millis, 1 s by default
        assertEquals(0, modifies(driver.quote("1.08300", "1.08308")).size(), "never moved back");

        // A restart replays the same state (the trailing's memory included in what the commands rebuild).
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldAskAgainForATrailedStopTheExecutorFailedToSet()
    {
        final CommandEvent moved = filledThenTrailedTo1084();
        // The terminal refuses the move (say, the stop too close to the price): its stop stays at the trailing start.
        final String modifyId = String.valueOf(modifies(moved).get(0).get("id"));
        assertEquals(ResultCode.OK, driver.result("exe-1", modifyId, false, 0, null, null, "Invalid stops").result);
        assertEquals(0, new BigDecimal("1.08328").compareTo(BigDecimal.valueOf(ticketStop(), 5)), "the terminal's stop is kept");
        assertEquals(0, modifies(driver.quote("1.08500", "1.08508")).size(), "one try per throttle interval, even after a failure");

        driver.now += 1_000_000L;  // executors.trailing_modify_interval_millis, 1 s by default
        // The same price a second later: the stop the terminal did not take is asked for again, not taken as set.
        assertEquals(new BigDecimal("1.084"), modifiedStop(driver.quote("1.08500", "1.08508")));
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldNeverTrailBelowAStopTheUserTightenedByHandInTheTerminal()
    {
        final CommandEvent moved = filledThenTrailedTo1084();
        assertEquals(ResultCode.OK, driver.result("exe-1", String.valueOf(modifies(moved).get(0).get("id")), true, 9001L, null, null, null).result);
        // The user tightens the stop in the terminal to 1.08480, above where the trailing has it; the executor reports it.
        assertEquals(ResultCode.OK, driver.tradeStopLoss("exe-1", 9001L, "1.08480").result);
        assertEquals(0, new BigDecimal("1.0848").compareTo(BigDecimal.valueOf(ticketStop(), 5)));

        driver.now += 1_000_000L;  // executors.trailing_modify_interval_millis, 1 s by default
        // The trailing's stop at 1.08560 would be 1.08460: under the terminal's 1.08480, so nothing is sent.
        assertEquals(0, modifies(driver.quote("1.08560", "1.08568")).size(), "never below the terminal's stop");
        driver.now += 1_000_000L;
        assertEquals(new BigDecimal("1.0851"), modifiedStop(driver.quote("1.08610", "1.08618")), "past it, the trailing goes on");
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldEndTheTrailingWhenTheExecutorConfirmsAStopLossGivenByPatch()
    {
        final CommandEvent moved = filledThenTrailedTo1084();
        assertEquals(ResultCode.OK, driver.result("exe-1", String.valueOf(modifies(moved).get(0).get("id")), true, 9001L, null, null, null).result);
        final String patchId = patchStopLoss("1.08450");
        assertTrue(trailingShown(), "trailing until the terminal confirms the new stop");
        driver.now += 1_000_000L;
        assertEquals(0, modifies(driver.quote("1.08700", "1.08708")).size(), "no trailing move while the user's stop is on its way");

        assertEquals(ResultCode.OK, driver.result("exe-1", patchId, true, 9001L, null, null, null).result);
        assertEquals(0, new BigDecimal("1.0845").compareTo(BigDecimal.valueOf(ticketStop(), 5)), "the stop given");
        assertFalse(trailingShown(), "the trailing ended: stop_loss given, as API-REFERENCE says");
        driver.now += 1_000_000L;
        assertEquals(0, modifies(driver.quote("1.08800", "1.08808")).size(), "not trailed any more");
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldKeepTrailingWhenTheExecutorRefusesAStopLossGivenByPatch()
    {
        final CommandEvent moved = filledThenTrailedTo1084();
        assertEquals(ResultCode.OK, driver.result("exe-1", String.valueOf(modifies(moved).get(0).get("id")), true, 9001L, null, null, null).result);
        final String patchId = patchStopLoss("1.08450");
        assertEquals(ResultCode.OK, driver.result("exe-1", patchId, false, 0, null, null, "Invalid stops").result);
        assertEquals(0, new BigDecimal("1.084").compareTo(BigDecimal.valueOf(ticketStop(), 5)), "the terminal kept its stop");
        assertTrue(trailingShown(), "so the ticket still trails: never neither trailing nor at the new stop");
        driver.now += 1_000_000L;
        assertEquals(new BigDecimal("1.085"), modifiedStop(driver.quote("1.08600", "1.08608")), "and the trailing goes on");
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldNotSendATrailedStopBackWhenOnlyTheTakeProfitIsPatched()
    {
        filledThenTrailedTo1084();  // the trailing's MODIFY_POSITION to 1.08400 is on its way, not answered yet
        final CommandEvent patch = new CommandEvent();
        CommandBodies.modifyPosition(driver.begin(patch, CommandType.MODIFY_POSITION), driver.connector.tickets().byTicket(0, 9001L).positionId,
            CommandBodies.MODIFY_TAKE_PROFIT, 0, Mt5Driver.wire("1.09000"));
        assertEquals(ResultCode.OK, driver.finish(patch).result);
        final Map<?, ?> parameters = (Map<?, ?>)modifies(patch).get(0).get("parameters");
        assertEquals("1.09", new BigDecimal(String.valueOf(parameters.get("tp"))).stripTrailingZeros().toPlainString());
        // The terminal runs both in order: an sl of the confirmed 1.08328 here would undo the trailed stop, unseen.
        assertEquals("1.084", new BigDecimal(String.valueOf(parameters.get("sl"))).stripTrailingZeros().toPlainString(),
            "the stop loss left unchanged is the one the terminal will hold");
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    /** PATCHes the ticket's stop loss; returns the MODIFY_POSITION's id. */
    private String patchStopLoss(final String stopLoss)
    {
        final CommandEvent patch = driver.modifyStopLoss(driver.connector.tickets().byTicket(0, 9001L).positionId, stopLoss);
        assertEquals(ResultCode.OK, patch.result);
        return String.valueOf(modifies(patch).get(0).get("id"));
    }

    /** Whether GET /positions shows the ticket's trailing stop. */
    private boolean trailingShown()
    {
        final Map<?, ?> position = (Map<?, ?>)((List<?>)Mt5Driver.json(driver.positions("mt5-1")).get("positions")).get(0);
        assertTrue(position.containsKey("trailing_stop"), position.toString());
        return position.get("trailing_stop") != null;
    }

    /** A 0.10 lot buy of EURUSD with a 10-pip trailing stop (it starts at 1.08428 - 0.00100), the executor online. */
    private CommandEvent trailingBuy()
    {
        assertEquals(ResultCode.CREATED, driver.mt5Account("mt5-1").result);
        assertEquals(ResultCode.CREATED, driver.createExecutor("exe-1", "mt5-1").result);
        driver.quote("1.08420", "1.08428");
        driver.heartbeat("exe-1");
        final CommandEvent order = new CommandEvent();
        NewOrderBody.encode(driver.begin(order, CommandType.NEW_ORDER), "mt5-1", "EURUSD", Side.BUY, OrderType.MARKET, null,
            NewOrderBody.HAS_TRAILING_STOP_PIPS, Mt5Driver.wire("0.10"), 0, 0, 0, 0, 0, 0, 0, 0, Mt5Driver.wire("10"), "");
        return driver.finish(order);
    }

    /** The trailing buy filled as ticket 9001 at 1.08428, then a quote at 1.08500 that sends its stop to 1.08400. */
    private CommandEvent filledThenTrailedTo1084()
    {
        final long orderId = trailingBuy().order.orderId;
        driver.result("exe-1", "ord_" + orderId, true, 9001L, "1.08428", "0.10", null);
        final CommandEvent moved = driver.quote("1.08500", "1.08508");
        assertEquals(new BigDecimal("1.084"), modifiedStop(moved));
        return moved;
    }

    private long ticketStop()
    {
        return driver.connector.tickets().byTicket(0, 9001L).stopLoss;
    }

    private static List<Map<String, Object>> modifies(final CommandEvent quote)
    {
        return Mt5Driver.outbox(quote).stream().map(entry -> Json.object(entry.getValue()))
            .filter(command -> "MODIFY_POSITION".equals(command.get("command"))).toList();
    }

    private static BigDecimal modifiedStop(final CommandEvent quote)
    {
        final List<Map<String, Object>> sent = modifies(quote);
        assertEquals(1, sent.size(), sent.toString());
        final Map<?, ?> parameters = (Map<?, ?>)sent.get(0).get("parameters");
        assertEquals("9001", parameters.get("ticket"));
        assertTrue(parameters.get("tp") != null);
        return new BigDecimal(String.valueOf(parameters.get("sl"))).stripTrailingZeros();
    }
}
