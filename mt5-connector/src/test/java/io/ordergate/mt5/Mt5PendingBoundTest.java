package io.ordergate.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.Json;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/**
 * executors.max_pending_commands (2 here) bounds every command queued for an executor, not only orders: admin
 * commands, position changes, trailing stops and seed 004's requests wait until it answers; closes and the kill switch
 * still go out, first by priority. So an executor that stops answering holds a bounded number of commands.
 */
class Mt5PendingBoundTest
{
    private final Mt5Driver driver = new Mt5Driver(Mt5Driver.CONFIG.replace("executors: { offline_after_seconds: 300 }",
        "executors: { offline_after_seconds: 300, max_pending_commands: 2 }"));

    @Test
    void shouldHoldBackEveryCommandButClosesWhileTheExecutorHasTooManyUnanswered()
    {
        driver.mt5Account("mt5-1");
        driver.createExecutor("exe-1", "mt5-1");
        driver.quote("1.08420", "1.08428");
        driver.heartbeat("exe-1");
        final CommandEvent order = new CommandEvent();
        NewOrderBody.encode(driver.begin(order, CommandType.NEW_ORDER), "mt5-1", "EURUSD", Side.BUY, OrderType.MARKET, null,
            NewOrderBody.HAS_TRAILING_STOP_PIPS, Mt5Driver.wire("0.10"), 0, 0, 0, 0, 0, 0, 0, 0, Mt5Driver.wire("10"), "");
        driver.result("exe-1", "ord_" + driver.finish(order).order.orderId, true, 9001L, "1.08428", "0.10", null);
        final long positionId = Long.parseLong((String)((Map<?, ?>)((List<?>)Mt5Driver.json(driver.positions("mt5-1")).get("positions"))
            .get(0)).get("position_id"));

        assertEquals(ResultCode.CREATED, driver.control("exe-1", ExecutorCommandType.GET_STATUS, CommandPriority.LOW).result);
        assertEquals(ResultCode.CREATED, driver.control("exe-1", ExecutorCommandType.PAUSE, CommandPriority.LOW).result);
        assertEquals(ResultCode.EXECUTOR_BUSY, driver.control("exe-1", ExecutorCommandType.RESUME, CommandPriority.LOW).result);
        assertEquals(ResultCode.EXECUTOR_BUSY, driver.buy("mt5-1", "0.10").result);
        assertEquals(ResultCode.EXECUTOR_BUSY, driver.modifyStopLoss(positionId, "1.08000").result);
        assertEquals(ResultCode.EXECUTOR_BUSY, driver.investor(CommandType.INVESTOR_TEST, "mt5-1", 5001, "v1:k1:c2VhbGVk").result);
        assertEquals(0, modifies(driver.quote("1.08600", "1.08608")), "the trailing stop waits too");

        final CommandEvent close = driver.close(positionId, "0.05");
        assertEquals("routed", close.order.status.wireName(), "a close still goes out");
        assertEquals(ResultCode.OK, driver.closeAll("mt5-1").result, "and the kill switch");
        assertEquals(4, driver.connector.executors().find("exe-1").pendingCount());

        driver.result("exe-1", "cmd_2", true, 0, null, null, null);
        driver.result("exe-1", "cmd_3", true, 0, null, null, null);
        driver.result("exe-1", "ord_" + close.order.orderId, false, 0, null, null, "market closed");
        driver.result("exe-1", "cmd_5", true, 0, null, null, null);
        assertEquals(1, modifies(driver.quote("1.08550", "1.08558")), "answered: the best price's stop goes out now");
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    private static long modifies(final CommandEvent quote)
    {
        return Mt5Driver.outbox(quote).stream().map(entry -> Json.object(entry.getValue()))
            .filter(command -> "MODIFY_POSITION".equals(command.get("command"))).count();
    }
}
