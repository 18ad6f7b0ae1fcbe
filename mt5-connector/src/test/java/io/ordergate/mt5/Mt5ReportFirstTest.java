package io.ordergate.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.Json;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;

/**
 * The terminal's open report of a ticket may come before the result of the command that opened it. The ticket is the
 * order's all the same: its instrument (a group member's broker name for the symbol, {@code symbol_suffix}, is only what
 * the terminal is sent) and its trailing stop, which only the order knows.
 */
class Mt5ReportFirstTest
{
    private final Mt5Driver driver = new Mt5Driver();

    @Test
    void shouldKeepTheGatewaysInstrumentForATicketWhoseOpenReportNamedTheBrokersSymbolFirst()
    {
        driver.mt5Account("mt5-1");
        driver.createExecutor("exe-1", "mt5-1");
        driver.quote("1.08420", "1.08428");
        driver.heartbeat("exe-1");
        final CommandEvent group = new CommandEvent();
        GroupBodies.group(driver.begin(group, CommandType.CREATE_GROUP), "g-1", GroupBodies.SET_NAME | GroupBodies.SET_MEMBERS, "copy", "", 0, 0,
            List.of(new GroupBodies.Member("mt5-1", GroupBodies.SIZING_MULTIPLIER, Mt5Driver.wire("1"), ".m", List.of())));
        assertEquals(ResultCode.CREATED, driver.finish(group).result, group.resultMessage);

        final CommandEvent order = new CommandEvent();
        final BodyWriter body = driver.begin(order, CommandType.GROUP_ORDER);
        GroupBodies.groupOrderHead(body, "g-1");
        GroupBodies.signal(body, "EURUSD", Side.BUY, OrderType.MARKET, TimeInForce.IOC, GroupBodies.HAS_QUANTITY, Mt5Driver.wire("0.10"), 0, 0, 0,
            0, 0, 0);
        body.putString("");
        driver.finish(order);
        final Map<String, Object> open = Json.object(Mt5Driver.outbox(order).get(0).getValue());
        assertEquals("EURUSD.m", ((Map<?, ?>)open.get("parameters")).get("symbol"), "the broker's name goes to the terminal");

        // The terminal's open report comes before the command's result, naming the ticket by the broker's symbol.
        assertEquals(ResultCode.OK, driver.tradeOpen("exe-1", 9001L, "EURUSD.m", "0.10", "1.08428").result);
        assertEquals(ResultCode.OK, driver.result("exe-1", String.valueOf(open.get("id")), true, 9001L, "1.08428", "0.10", null).result);

        final Map<?, ?> position = (Map<?, ?>)((List<?>)Mt5Driver.json(driver.positions("mt5-1")).get("positions")).get(0);
        assertEquals("EURUSD", position.get("symbol"), position.toString());
        assertEquals(0, driver.connector.tickets().byTicket(0, 9001L).instrumentIndex, "valued, counted by risk and trailed as EURUSD");
        assertEquals(10, driver.connector.tickets().byTicket(0, 9001L).lots, "0.10 at the instrument's 2 digits");
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldTrailATicketWhoseOpenReportCameBeforeItsResult()
    {
        driver.mt5Account("mt5-1");
        driver.createExecutor("exe-1", "mt5-1");
        driver.quote("1.08420", "1.08428");
        driver.heartbeat("exe-1");
        final CommandEvent order = new CommandEvent();
        NewOrderBody.encode(driver.begin(order, CommandType.NEW_ORDER), "mt5-1", "EURUSD", Side.BUY, OrderType.MARKET, null,
            NewOrderBody.HAS_TRAILING_STOP_PIPS, Mt5Driver.wire("0.10"), 0, 0, 0, 0, 0, 0, 0, 0, Mt5Driver.wire("10"), "");
        assertEquals(ResultCode.CREATED, driver.finish(order).result);
        assertEquals(ResultCode.OK, driver.tradeOpen("exe-1", 9001L, "EURUSD", "0.10", "1.08428").result);
        assertEquals(ResultCode.OK, driver.result("exe-1", "ord_" + order.order.orderId, true, 9001L, "1.08428", "0.10", null).result);

        final Map<?, ?> position = (Map<?, ?>)((List<?>)Mt5Driver.json(driver.positions("mt5-1")).get("positions")).get(0);
        assertEquals(Map.of("distance", new java.math.BigDecimal("0.001")), position.get("trailing_stop"), position.toString());
        final List<Map<String, Object>> sent = Mt5Driver.outbox(driver.quote("1.08500", "1.08508")).stream()
            .map(entry -> Json.object(entry.getValue())).filter(command -> "MODIFY_POSITION".equals(command.get("command"))).toList();
        assertEquals(1, sent.size(), "the price went up 8 pips: the trailing stop moves");
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }
}
