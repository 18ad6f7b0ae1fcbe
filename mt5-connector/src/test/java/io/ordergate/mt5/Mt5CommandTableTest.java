package io.ordergate.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.Json;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;

/**
 * The executor command table (engine.max_executor_commands, 32 in the driver) is shared by every executor: a command
 * nobody answers keeps its slot but blocks no one else's, and new commands are refused only when every slot waits.
 */
class Mt5CommandTableTest
{
    private static final int TABLE = 32;

    private final Mt5Driver driver = new Mt5Driver();

    @BeforeEach
    void setUp()
    {
        driver.mt5Account("mt5-1");
        driver.createExecutor("exe-1", "mt5-1");
        driver.mt5Account("mt5-2");
        driver.createExecutor("exe-2", "mt5-2");
        driver.quote("1.08420", "1.08428");
        driver.heartbeat("exe-1");
        driver.heartbeat("exe-2");
    }

    @Test
    void shouldKeepTradingOnEveryAccountWhileAnExecutorGoneForGoodHoldsACommand()
    {
        final CommandEvent stuck = driver.buy("mt5-2", "0.10");
        assertEquals(ResultCode.CREATED, stuck.result);
        final long stuckOrder = stuck.order.orderId;
        driver.now += 301_000_000L;  // exe-2 is gone: no heartbeat, no result, ever

        for (int i = 0; i < 3 * TABLE; i++)
        {
            driver.heartbeat("exe-1");
            final CommandEvent order = driver.buy("mt5-1", "0.10");
            assertEquals(ResultCode.CREATED, order.result, "order " + i + " on mt5-1: " + order.resultMessage);
            final long ticket = 1000 + i;
            assertEquals(ResultCode.OK, driver.result("exe-1", "ord_" + order.order.orderId, true, ticket, "1.08428", "0.10", null).result);
            driver.tradeClose("exe-1", ticket, "1", "0", "0");
            driver.now += 1000;
        }
        assertEquals(1, driver.connector.commands().pendingCount(), "only the stuck command waits");

        // exe-2 comes back three laps later: its command is still there, under its own id, and its result settles the order
        final List<?> waiting = (List<?>)Mt5Driver.json(driver.heartbeat("exe-2")).get("pendingCommands");
        assertEquals(List.of("ord_" + stuckOrder), waiting.stream().map(c -> ((Map<?, ?>)c).get("id")).toList());
        assertEquals(ResultCode.OK, driver.result("exe-2", "ord_" + stuckOrder, true, 77L, "1.08428", "0.10", null).result);
        assertEquals("filled", driver.order(stuckOrder).order.status.wireName());
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldRefuseNewCommandsOnlyWhenEverySlotHoldsAPendingOne()
    {
        for (int seq = 1; seq <= TABLE; seq++)
        {
            assertEquals(ResultCode.CREATED, driver.control("exe-1", ExecutorCommandType.GET_STATUS, CommandPriority.LOW).result);
        }
        assertEquals(ResultCode.CONFLICT, driver.control("exe-2", ExecutorCommandType.GET_STATUS, CommandPriority.LOW).result);
        assertEquals(ResultCode.VENUE_UNAVAILABLE, driver.buy("mt5-2", "0.10").result);

        // one settled in the middle of the table: the next command takes that slot, past the waiting ones
        assertEquals(ResultCode.OK, driver.result("exe-1", "cmd_20", true, 0, null, null, null).result);
        final CommandEvent order = driver.buy("mt5-2", "0.10");
        assertEquals(ResultCode.CREATED, order.result);
        assertEquals(driver.connector.commands().get(TABLE + 20), driver.connector.commands().forOrder(order.order.orderId),
            "sequences 33 to 51 were skipped: their slots still wait");
        assertEquals(ResultCode.VENUE_UNAVAILABLE, driver.buy("mt5-2", "0.10").result, "full again");
        assertEquals(ResultCode.OK, driver.result("exe-1", "cmd_1", true, 0, null, null, null).result, "the first still finds its slot");
        assertEquals(ResultCode.OK, driver.result("exe-2", "ord_" + order.order.orderId, true, 5L, "1.08428", "0.10", null).result);
        assertEquals(TABLE - 2, driver.connector.commands().pendingCount());
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldAnswerAKillSwitchWithWhyNoCloseWasSentInsteadOfSuccess()
    {
        driver.mt5Account("mt5-3");
        final CommandEvent noExecutor = driver.closeAll("mt5-3");
        assertEquals(ResultCode.EXECUTOR_OFFLINE, noExecutor.result);
        assertTrue(noExecutor.resultMessage.contains("no executor serves the account"), noExecutor.resultMessage);

        driver.now += 301_000_000L;
        final CommandEvent offline = driver.closeAll("mt5-2");
        assertEquals(ResultCode.EXECUTOR_OFFLINE, offline.result, "nothing would close until exe-2 came back");
        assertEquals(0, Mt5Driver.outbox(offline).size());
        assertEquals("paused", Mt5Driver.json(driver.account("mt5-2")).get("status"), "the account is paused all the same");

        driver.heartbeat("exe-1");
        for (int seq = 1; seq <= TABLE; seq++)
        {
            driver.control("exe-1", ExecutorCommandType.GET_STATUS, CommandPriority.LOW);
        }
        final CommandEvent full = driver.closeAll("mt5-1");
        assertEquals(ResultCode.VENUE_UNAVAILABLE, full.result);
        assertTrue(full.resultMessage.contains("engine.max_executor_commands"), full.resultMessage);

        driver.result("exe-1", "cmd_7", true, 0, null, null, null);
        final CommandEvent sent = driver.closeAll("mt5-1");
        assertEquals(ResultCode.OK, sent.result);
        final Map<String, Object> command = Json.object(Mt5Driver.outbox(sent).get(0).getValue());
        assertEquals("CLOSE_ALL_POSITIONS", command.get("command"));
        assertEquals("URGENT", command.get("priority"));
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldAnswerATerminateThatCouldNotSendEveryCloseWithWhichTicketsStayOpen()
    {
        final List<Object> positionIds = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++)
        {
            final CommandEvent order = driver.buy("mt5-1", "0.10");
            assertEquals(ResultCode.OK, driver.result("exe-1", "ord_" + order.order.orderId, true, 1001 + i, "1.08428", "0.10", null).result);
        }
        for (final Object position : (List<?>)Mt5Driver.json(driver.positions("mt5-1")).get("positions"))
        {
            positionIds.add(((Map<?, ?>)position).get("position_id"));
        }
        assertEquals(3, positionIds.size());
        final List<Object> waiting = new java.util.ArrayList<>();
        for (int seq = 1; seq <= TABLE; seq++)
        {
            waiting.add(Mt5Driver.json(driver.control("exe-1", ExecutorCommandType.GET_STATUS, CommandPriority.LOW)).get("command_id"));
        }
        driver.result("exe-1", (String)waiting.get(0), true, 0, null, null, null);
        driver.result("exe-1", (String)waiting.get(1), true, 0, null, null, null);  // room for two closes of three

        final CommandEvent terminated = driver.terminate("mt5-1");
        assertEquals(ResultCode.VENUE_UNAVAILABLE, terminated.result, "not success: a ticket's close was not sent");
        assertTrue(terminated.resultMessage.contains("2 closing orders sent; 1 positions not closed: position " + positionIds.get(2))
            && terminated.resultMessage.contains("engine.max_executor_commands"), terminated.resultMessage);
        assertEquals(2, Mt5Driver.outbox(terminated).size(), "the two closes that had room were sent all the same");
        assertEquals(ResultCode.CONFLICT, driver.control("exe-1", ExecutorCommandType.GET_STATUS, CommandPriority.LOW).result, "full again");

        final CommandEvent ticketsFound = driver.positions("mt5-1");
        assertEquals(3, ((List<?>)Mt5Driver.json(ticketsFound).get("positions")).size(), "every ticket open until its close's result");
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldNameInATerminateTheTicketsNoClosingOrderCouldBeMadeFor()
    {
        final Mt5Driver small = new Mt5Driver(Mt5Driver.CONFIG.replace("max_orders: 64", "max_orders: 16")
            .replace("max_executor_commands: 32", "max_executor_commands: 128"));
        small.mt5Account("mt5-1");
        small.createExecutor("exe-1", "mt5-1");
        small.quote("1.08420", "1.08428");
        small.heartbeat("exe-1");
        final CommandEvent filled = small.buy("mt5-1", "0.10");
        assertEquals(ResultCode.OK, small.result("exe-1", "ord_" + filled.order.orderId, true, 1001, "1.08428", "0.10", null).result);
        int open = 0;
        while (small.buy("mt5-1", "0.10").result == ResultCode.CREATED)  // routed, never answered: the order table fills with open orders
        {
            assertTrue(++open < 100, "the order table never filled");
        }

        final CommandEvent terminated = small.terminate("mt5-1");
        assertEquals(ResultCode.RISK_MAX_OPEN_ORDERS, terminated.result, "not success: the ticket has no closing order");
        assertTrue(terminated.resultMessage.contains("0 closing orders sent; 1 positions not closed"), terminated.resultMessage);
        assertEquals(small.engine.stateDigest(), small.replayed().engine.stateDigest());
    }
}
