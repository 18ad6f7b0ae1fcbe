package io.ordergate.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.ResultCode;

/**
 * The terminal's executed close of a ticket whose symbol the gateway does not know: the closing order has no
 * instrument, and the result is applied (the ticket closed, the order filled), not thrown out of the engine thread.
 */
class Mt5UnknownSymbolCloseTest
{
    private final Mt5Driver driver = new Mt5Driver(Mt5Driver.CONFIG);

    @Test
    void shouldApplyAnExecutedCloseOfATicketInASymbolTheGatewayDoesNotKnow()
    {
        driver.mt5Account("mt5-1");
        driver.createExecutor("exe-1", "mt5-1");
        driver.quote("1.08420", "1.08428");
        driver.heartbeat("exe-1");
        driver.tradeOpen("exe-1", 7001, "XAUUSD.r", "0.10", "2650.10");
        final CommandEvent bot = new CommandEvent();
        GroupBodies.createBot(driver.begin(bot, CommandType.CREATE_BOT), "b-1", "bot", "", List.of("mt5-1"), new byte[32], new byte[0]);
        assertEquals(ResultCode.CREATED, driver.finish(bot).result);
        final CommandEvent closeAll = new CommandEvent();
        final BodyWriter body = driver.begin(closeAll, CommandType.WEBHOOK_SIGNAL);
        GroupBodies.signalHead(body, "b-1", GroupBodies.ACTION_CLOSE_ALL);
        GroupBodies.signal(body, "", null, null, null, 0, 0, 0, 0, 0, 0, 0, 0);
        GroupBodies.signalTail(body, "alert-1", 42L);
        final List<?> results = (List<?>)((java.util.Map<?, ?>)((java.util.Map<?, ?>)Mt5Driver.json(driver.finish(closeAll))
            .get("data"))).get("results");
        final long closingOrderId = Long.parseLong((String)((java.util.Map<?, ?>)results.get(0)).get("order_id"));

        final CommandEvent executed = driver.closeResult("exe-1", "ord_" + closingOrderId, 7001, "3.5", 0);

        assertEquals(ResultCode.OK, executed.result, executed.resultMessage);
        assertEquals("filled", driver.order(closingOrderId).order.status.wireName());
    }
}
