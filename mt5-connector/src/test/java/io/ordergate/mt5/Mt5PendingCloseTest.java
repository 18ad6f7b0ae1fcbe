package io.ordergate.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.Json;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;

/**
 * A ticket whose whole close was sent and not answered yet is not sent CLOSE_POSITION again: a retried terminate (or
 * close) answers with the closing order already on its way, so a slow executor never gets two closes for one ticket.
 * The executor's answer ends the wait: after a failed close, a retry sends one again.
 */
class Mt5PendingCloseTest
{
    private final Mt5Driver driver = new Mt5Driver();
    private long positionA;
    private long positionB;

    @BeforeEach
    void twoOpenTickets()
    {
        driver.mt5Account("mt5-1");
        driver.createExecutor("exe-1", "mt5-1");
        driver.quote("1.08420", "1.08428");
        driver.heartbeat("exe-1");
        assertEquals(ResultCode.OK, driver.result("exe-1", "ord_" + driver.buy("mt5-1", "0.10").order.orderId, true, 9001L, "1.08428", "0.10",
            null).result);
        assertEquals(ResultCode.OK, driver.result("exe-1", "ord_" + driver.buy("mt5-1", "0.20").order.orderId, true, 9002L, "1.08428", "0.20",
            null).result);
        positionA = driver.connector.tickets().byTicket(0, 9001L).positionId;
        positionB = driver.connector.tickets().byTicket(0, 9002L).positionId;
    }

    @Test
    void shouldAnswerARetriedTerminateWithTheClosesStillPendingInsteadOfSendingThemAgain()
    {
        final CommandEvent first = driver.terminate("mt5-1");
        assertEquals(ResultCode.OK, first.result, first.resultMessage);
        final List<Map<String, Object>> sent = closes(first);
        assertEquals(2, sent.size(), sent.toString());

        final CommandEvent retried = driver.terminate("mt5-1");
        assertEquals(ResultCode.OK, retried.result, retried.resultMessage);
        assertEquals(List.of(), closes(retried), "no second CLOSE_POSITION for a ticket whose close is pending");
        assertEquals(orderIds(first), orderIds(retried), "the retry answers the closing orders already on their way");

        // The executor refuses ticket 9002's close and closes 9001: the refusal ends the wait, so a retry sends 9002's again.
        final String closeB = commandIdFor(sent, "9002");
        assertEquals(ResultCode.OK, driver.result("exe-1", closeB, false, 0, null, null, "Market closed").result);
        assertEquals(ResultCode.OK, driver.closeResult("exe-1", commandIdFor(sent, "9001"), 9001L, "1.50", 0).result);
        final List<Map<String, Object>> again = closes(driver.terminate("mt5-1"));
        assertEquals(1, again.size(), again.toString());
        assertEquals("9002", ((Map<?, ?>)again.get(0).get("parameters")).get("ticket"));
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldAnswerARepeatedWholeCloseWithTheFirstClosingOrderAndRefuseAPartOfIt()
    {
        final CommandEvent first = driver.close(positionA, null);
        assertEquals(ResultCode.OK, first.result, first.resultMessage);
        assertEquals(1, closes(first).size());

        final CommandEvent repeated = driver.close(positionA, null);
        assertEquals(ResultCode.OK, repeated.result, repeated.resultMessage);
        assertEquals(List.of(), closes(repeated), "not sent again");
        assertEquals(first.order.orderId, repeated.order.orderId, "the closing order already on its way");

        final CommandEvent part = driver.close(positionA, "0.05");
        assertEquals(ResultCode.CONFLICT, part.result, "a part of a ticket whose whole close is pending");
        assertTrue(part.resultMessage.contains("ord_" + first.order.orderId), part.resultMessage);
        assertEquals(List.of(), closes(part));

        // Another ticket is not held back by it.
        assertEquals(1, closes(driver.close(positionB, null)).size());
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldStillSendPartialClosesOneAfterAnother()
    {
        assertEquals(1, closes(driver.close(positionB, "0.05")).size());
        assertEquals(1, closes(driver.close(positionB, "0.05")).size(), "two parts are two closes, not a repeat");
        final CommandEvent whole = driver.close(positionB, null);
        assertEquals(1, closes(whole).size(), "the rest, whatever the parts leave");
        assertNull(whole.resultMessage);
    }

    @Test
    void shouldRefuseAPartialCloseBeyondWhatThePendingPartsLeave()
    {
        assertEquals(1, closes(driver.close(positionB, "0.15")).size());
        final CommandEvent tooMuch = driver.close(positionB, "0.10");
        assertEquals(ResultCode.VALIDATION_ERROR, tooMuch.result, "0.15 of 0.20 is closing already: 0.05 is left to close");
        assertEquals(List.of(), closes(tooMuch));
        assertEquals(1, closes(driver.close(positionB, "0.05")).size(), "what is left");
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    private static List<Map<String, Object>> closes(final CommandEvent event)
    {
        return Mt5Driver.outbox(event).stream().map(entry -> Json.object(entry.getValue()))
            .filter(command -> "CLOSE_POSITION".equals(command.get("command"))).toList();
    }

    private static String commandIdFor(final List<Map<String, Object>> commands, final String ticket)
    {
        return commands.stream().filter(c -> ticket.equals(((Map<?, ?>)c.get("parameters")).get("ticket"))).map(c -> String.valueOf(c.get("id")))
            .findFirst().orElseThrow();
    }

    private static List<?> orderIds(final CommandEvent terminate)
    {
        return ((List<?>)Mt5Driver.json(terminate).get("orders")).stream().map(o -> ((Map<?, ?>)o).get("order_id")).toList();
    }
}
