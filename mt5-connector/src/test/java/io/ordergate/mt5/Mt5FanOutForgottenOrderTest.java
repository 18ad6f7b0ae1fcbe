package io.ordergate.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.CommandEvent;
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
        UnknownSymbolTickets.ticketAndBot(driver);

        final CommandEvent first = UnknownSymbolTickets.closeAll(driver, "alert-1");
        final Map<?, ?> firstChild = UnknownSymbolTickets.child(first);
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

        final CommandEvent retried = UnknownSymbolTickets.closeAll(driver, "alert-1");
        assertEquals(Boolean.TRUE, ((Map<?, ?>)Mt5Driver.json(retried).get("data")).get("duplicate"), retried.resultMessage);
        final Map<?, ?> child = UnknownSymbolTickets.child(retried);
        assertEquals("XAUUSD.r", child.get("symbol"));
        assertEquals(String.valueOf(closingOrderId), child.get("order_id"));
        assertEquals("routed", child.get("status"), "the last status the fan-out saw of it");
        assertEquals("0.1", child.get("quantity").toString());
    }
}
