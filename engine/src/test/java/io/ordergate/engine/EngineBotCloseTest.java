package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/**
 * A bot's terminate and its closing signals close what the accounts hold whatever the accounts' order limits and the
 * instrument's max_quantity: they are the engine's own closing orders, as a close by id or close-all are.
 */
class EngineBotCloseTest
{
    private EngineDriver driver;
    private long bodyHash;

    @BeforeEach
    void setUp()
    {
        driver = EngineDriver.withPaperAccount();
        expect(ResultCode.ACCEPTED, driver.quote("EURUSD", "1.08420", "1.08428"));
        expect(ResultCode.ACCEPTED, driver.quote("BTCUSD", "60000.00", "60010.00"));
    }

    @Test
    void terminateClosesAPositionLargerThanTheAccountsMaxOrderQuantity()
    {
        botHoldingTwoBuys("max_order_quantity", "5", "EURUSD", "5");

        final Map<String, Object> answer = Json.output(expect(ResultCode.OK, terminate("b-1")));
        assertEquals(true, answer.get("success"), answer.toString());
        assertEquals(List.of(), answer.get("errors"));
        assertEquals(1L, ((Number)answer.get("closed_positions")).longValue());
        assertNull(driver.position("paper-1", "EURUSD"), "the 10 lots are closed, though an order of the account may be 5 at most");
        final Object closing = Json.at(answer, "results", 0);
        assertEquals("filled", Json.at(closing, "status"));
        assertTrue(Json.matches(Json.at(closing, "quantity"), "10"), closing.toString());
        assertEquals("terminate", Json.order(driver.getOrder(orderId(closing)).order).get("origin"));
    }

    @Test
    void aCloseAllSignalClosesAPositionPastTheInstrumentsMaxQuantityInOneOrder()
    {
        // BTCUSD's max_quantity is 10: 20 are held, and closed by one order of 20, as a close by id would be.
        botHoldingTwoBuys(null, null, "BTCUSD", "10");

        final Object data = signalData(GroupBodies.ACTION_CLOSE_ALL, "");
        assertEquals(1L, ((Number)Json.at(data, "success_count")).longValue(), data.toString());
        assertEquals(0L, ((Number)Json.at(data, "error_count")).longValue());
        assertTrue(Json.matches(Json.at(data, "results", 0, "quantity"), "20"), data.toString());
        assertNull(driver.position("paper-1", "BTCUSD"));
    }

    @Test
    void aCloseLongSignalPassesTheAccountsOrderThrottle()
    {
        botHoldingTwoBuys("max_orders_per_second", "2", "EURUSD", "0.10");
        assertEquals(ResultCode.RISK_THROTTLE, driver.market("paper-1", Side.BUY, "EURUSD", "0.10").order.rejectCode,
            "the account's orders are at their limit for this second");

        final Object data = signalData(GroupBodies.ACTION_CLOSE_LONG, "EURUSD");
        assertEquals("filled", Json.at(data, "results", 0, "status"), data.toString());
        assertNull(driver.position("paper-1", "EURUSD"));
    }

    @Test
    void aCloseSignalPassesTheAccountsMaxNotional()
    {
        // 5 lots x 100,000 x 1.08428 = 542,140 each; the close of 10 lots is twice that.
        botHoldingTwoBuys("max_notional", "600000", "EURUSD", "5");

        final Object data = signalData(GroupBodies.ACTION_CLOSE, "EURUSD");
        assertEquals("filled", Json.at(data, "results", 0, "status"), data.toString());
        assertNull(driver.position("paper-1", "EURUSD"));
    }

    @Test
    void aGroupMembersCloseCarriesItsVenueSymbolAndTheFanOut()
    {
        expect(ResultCode.CREATED, createGroup("g-1", "paper-1", ".m"));
        expect(ResultCode.CREATED, createBot("b-1", "g-1"));
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.10"));
        assertNotNull(driver.position("paper-1", "EURUSD"));

        final Object closing = Json.at(Json.output(expect(ResultCode.OK, terminate("b-1"))), "results", 0);
        assertEquals("EURUSD.m", Json.at(closing, "venue_symbol"));
        final Map<String, Object> order = Json.order(driver.getOrder(orderId(closing)).order);
        assertEquals("EURUSD.m", order.get("venue_symbol"), "the venue is sent the member's name for the instrument");
        assertNotNull(order.get("group_order_id"), order.toString());
        assertNull(driver.position("paper-1", "EURUSD"));
    }

    @Test
    void theClosesReplayToTheSameState()
    {
        final EngineDriver original = driver;
        setUp();
        final EngineDriver replayed = driver;
        for (final EngineDriver each : List.of(original, replayed))
        {
            driver = each;
            bodyHash = 0;
            botHoldingTwoBuys("max_order_quantity", "5", "EURUSD", "5");
            expect(ResultCode.OK, signal("b-1", GroupBodies.ACTION_CLOSE_ALL, ""));
        }
        assertEquals(original.digest(), replayed.digest());
    }

    /** Bot b-1 over paper-1, one risk limit of the account set (or none), then two buys of {@code lots}. */
    private void botHoldingTwoBuys(final String riskField, final String riskValue, final String symbol, final String lots)
    {
        expect(ResultCode.CREATED, createBot("b-1", "", "paper-1"));
        if (riskField != null)
        {
            expect(ResultCode.OK, driver.setRisk("paper-1", riskField, riskValue));
        }
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, symbol, lots));
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, symbol, lots));
    }

    /** The {@code data} of bot b-1's closing signal, which must have been taken. */
    private Object signalData(final int action, final String symbol)
    {
        return Json.at(Json.output(expect(ResultCode.OK, signal("b-1", action, symbol))), "data");
    }

    private static long orderId(final Object result)
    {
        return Long.parseLong((String)Json.at(result, "order_id"));
    }

    private CommandEvent createGroup(final String groupId, final String accountId, final String symbolSuffix)
    {
        final CommandEvent event = new CommandEvent();
        GroupBodies.group(driver.begin(event, CommandType.CREATE_GROUP), groupId, GroupBodies.SET_MEMBERS, "", "", 0, 0,
            List.of(new GroupBodies.Member(accountId, GroupBodies.SIZING_MULTIPLIER, EngineDriver.wire("1"), symbolSuffix, List.of())));
        driver.finish(event);
        return driver.apply(event);
    }

    private CommandEvent createBot(final String botId, final String groupId, final String... accountIds)
    {
        final CommandEvent event = new CommandEvent();
        GroupBodies.createBot(driver.begin(event, CommandType.CREATE_BOT), botId, botId, groupId, List.of(accountIds), new byte[32], new byte[0]);
        driver.finish(event);
        return driver.apply(event);
    }

    private CommandEvent terminate(final String botId)
    {
        final CommandEvent event = new CommandEvent();
        GroupBodies.botId(driver.begin(event, CommandType.TERMINATE_BOT), botId);
        driver.finish(event);
        return driver.apply(event);
    }

    private CommandEvent signal(final String botId, final int action, final String symbol)
    {
        final CommandEvent event = new CommandEvent();
        final BodyWriter body = driver.begin(event, CommandType.WEBHOOK_SIGNAL);
        GroupBodies.signalHead(body, botId, action);
        GroupBodies.signal(body, symbol, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0);
        GroupBodies.signalTail(body, "", ++bodyHash);
        driver.finish(event);
        return driver.apply(event);
    }
}
