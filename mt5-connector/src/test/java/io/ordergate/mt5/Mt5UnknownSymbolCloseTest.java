package io.ordergate.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.CommandEvent;
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
        UnknownSymbolTickets.ticketAndBot(driver);
        final long closingOrderId = Long.parseLong((String)UnknownSymbolTickets.child(UnknownSymbolTickets.closeAll(driver, "alert-1")).get("order_id"));

        final CommandEvent executed = driver.closeResult("exe-1", "ord_" + closingOrderId, 7001, "3.5", 0);

        assertEquals(ResultCode.OK, executed.result, executed.resultMessage);
        assertEquals("filled", driver.order(closingOrderId).order.status.wireName());
    }
}
