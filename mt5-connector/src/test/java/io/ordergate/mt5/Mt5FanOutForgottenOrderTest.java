package io.ordergate.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.ResultCode;

/**
 * A bot's close-all closes an MT5 ticket whose symbol the gateway does not know: its child has no instrument, only
 * its closing order names the symbol. Once that order has left the orders table (more than engine.max_orders made
 * after it), the fan-out is still read again (a retried alert), and it must answer with what it recorded.
 */
class Mt5FanOutForgottenOrderTest
{
    private static final int MAX_ORDERS = 8;

    private final Mt5Driver driver = new Mt5Driver(Mt5Driver.CONFIG.replace("max_orders: 64", "max_orders: " + MAX_ORDERS));

    @Test
    void shouldAnswerARetriedAlertWhoseClosingOrderOfAnUnknownSymbolWasForgotten()
    {
        driver.mt5Account("mt5-1");
        driver.createExecutor("exe-1", "mt5-1");
        driver.quote("1.08420", "1.08428");
        driver.heartbeat("exe-1");
        driver.tradeOpen("exe-1", 7001, "XAUUSD.r", "0.10", "2650.10");
        final CommandEvent bot = new CommandEvent();
        GroupBodies.createBot(driver.begin(bot, CommandType.CREATE_BOT), "b-1", "bot", "", List.of("mt5-1"), new byte[32], new byte[0]);
        assertEquals(ResultCode.CREATED, driver.finish(bot).result);

        final CommandEvent first = closeAll("alert-1");
        final Map<?, ?> firstChild = child(first);
        assertEquals("XAUUSD.r", firstChild.get("symbol"), "the ticket's own symbol, carried by its closing order");
        final long closingOrderId = Long.parseLong((String)firstChild.get("order_id"));
        // refused by the terminal, so the closing order is done (an executed close of such a ticket: see the helper's report)
        driver.result("exe-1", "ord_" + closingOrderId, false, 0, null, null, "Market is closed");
        assertEquals("rejected", driver.order(closingOrderId).order.status.wireName());
        for (int i = 0; i < MAX_ORDERS; i++)
        {
            assertEquals(ResultCode.CREATED, driver.buy("mt5-1", "0.01").result);
        }
        assertEquals(ResultCode.NOT_FOUND, driver.order(closingOrderId).result, "the closing order has left the table");

        final CommandEvent retried = closeAll("alert-1");
        assertEquals(Boolean.TRUE, ((Map<?, ?>)Mt5Driver.json(retried).get("data")).get("duplicate"), retried.resultMessage);
        final Map<?, ?> child = child(retried);
        assertEquals("XAUUSD.r", child.get("symbol"));
        assertEquals(String.valueOf(closingOrderId), child.get("order_id"));
        assertEquals("routed", child.get("status"), "the last status the fan-out saw of it");
        assertEquals("0.1", child.get("quantity").toString());
    }

    private CommandEvent closeAll(final String alertId)
    {
        final CommandEvent event = new CommandEvent();
        final BodyWriter body = driver.begin(event, CommandType.WEBHOOK_SIGNAL);
        GroupBodies.signalHead(body, "b-1", GroupBodies.ACTION_CLOSE_ALL);
        GroupBodies.signal(body, "", null, null, null, 0, 0, 0, 0, 0, 0, 0, 0);
        GroupBodies.signalTail(body, alertId, 42L);
        return driver.finish(event);
    }

    private static Map<?, ?> child(final CommandEvent event)
    {
        final List<?> results = (List<?>)((Map<?, ?>)Mt5Driver.json(event).get("data")).get("results");
        assertEquals(1, results.size(), Mt5Driver.json(event).toString());
        return (Map<?, ?>)results.get(0);
    }
}
