package io.ordergate.mt5;

import io.ordergate.engine.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;

/** The engine-thread half of the connector, through real command frames: registry, queues, venue, results, recovery. */
class Mt5ConnectorTest
{
    private Mt5Driver driver;

    @BeforeEach
    void setUp()
    {
        driver = new Mt5Driver();
        assertEquals(ResultCode.CREATED, driver.mt5Account("mt5-1").result);
        assertEquals(ResultCode.CREATED, driver.createExecutor("exe-1", "mt5-1").result);
        driver.quote("1.08420", "1.08428");
    }

    @Test
    void shouldRejectAnExecutorForAnAccountThatIsNotMt5OrAlreadyServed()
    {
        assertEquals(ResultCode.VALIDATION_ERROR, driver.createExecutor("exe-2", "nope").result);
        assertEquals(ResultCode.CONFLICT, driver.createExecutor("exe-2", "mt5-1").result);
        assertEquals(ResultCode.CONFLICT, driver.createExecutor("exe-1", "mt5-1").result);
    }

    @Test
    void shouldRejectOrdersWithExecutorOfflineUntilAHeartbeatAndAgainAfterTheOfflineWindow()
    {
        final CommandEvent first = driver.buy("mt5-1", "0.10");
        assertEquals(ResultCode.EXECUTOR_OFFLINE, first.result);
        assertEquals("rejected", first.order.status.wireName());

        driver.heartbeat("exe-1");
        assertEquals(ResultCode.CREATED, driver.buy("mt5-1", "0.10").result);

        driver.now += 300_000_000L;
        assertEquals(ResultCode.EXECUTOR_OFFLINE, driver.buy("mt5-1", "0.10").result);
        assertEquals("offline", Mt5Driver.json(driver.read(CommandType.GET_EXECUTOR, "exe-1")).get("status"));
    }

    @Test
    void shouldValueAnMt5AccountsTicketsInItsEquityMarginAndRisk()
    {
        driver.heartbeat("exe-1");
        driver.tradeOpen("exe-1", 8001, "EURUSD", "1.00", "1.08400");
        final Map<String, Object> account = Mt5Driver.json(driver.account("mt5-1"));
        // Long 1 lot from 1.08400, marked at the bid 1.08420: +20 points x 100,000 = 20.00 USD.
        assertEquals(new BigDecimal("20"), account.get("unrealized_pnl"));
        // The heartbeat said 10600.25, but the gateway values the open ticket itself: balance 10500.50 + 20.00.
        assertEquals(new BigDecimal("10520.5"), account.get("equity"));
        // 1 lot x 100,000 x 1.08420 / leverage 100 = 1084.20 USD of margin.
        assertEquals(new BigDecimal("1084.2"), account.get("margin_used"));
        assertEquals(new BigDecimal("9436.3"), account.get("margin_available"));
        driver.quote("1.08520", "1.08528");
        assertEquals(new BigDecimal("10620.5"), Mt5Driver.json(driver.account("mt5-1")).get("equity"), "it moves with the quote");
        driver.quote("1.08420", "1.08428");

        // 9 lots more need 9 x 1084.28 = 9758.52 > 9436.30 free: the ticket's margin counts against the order.
        assertEquals(ResultCode.INSUFFICIENT_MARGIN, driver.buy("mt5-1", "9.00").result);
        assertEquals(ResultCode.CREATED, driver.buy("mt5-1", "8.00").result);
    }

    @Test
    void shouldCountAnMt5AccountsOpenTicketsAgainstItsMaxPositionQuantity()
    {
        driver.heartbeat("exe-1");
        final long[] limits = new long[CommandBodies.RISK_FIELD_COUNT];
        limits[1] = Mt5Driver.wire("2");
        final CommandEvent risk = new CommandEvent();
        CommandBodies.setRisk(driver.begin(risk, CommandType.SET_RISK), "mt5-1", CommandBodies.RISK_MAX_POSITION_QUANTITY, limits);
        assertEquals(ResultCode.OK, driver.finish(risk).result);
        driver.tradeOpen("exe-1", 8001, "EURUSD", "1.00", "1.08400");
        driver.tradeOpen("exe-1", 8002, "EURUSD", "0.50", "1.08410");
        // 1.50 lots open in two tickets (the engine's own EURUSD slot stays flat): 0.60 more would make 2.10 > 2
        assertEquals(ResultCode.RISK_MAX_POSITION, driver.buy("mt5-1", "0.60").result);
        assertEquals(ResultCode.CREATED, driver.buy("mt5-1", "0.50").result, "1.50 + 0.50 = 2: at the limit, allowed");
    }

    @Test
    void shouldCloseTicketsOfAnMt5AccountWhenABotSignalsCloseLongOrCloseAll()
    {
        driver.heartbeat("exe-1");
        driver.tradeOpen("exe-1", 7001, "EURUSD", "0.10", "1.08428");
        final CommandEvent bot = new CommandEvent();
        io.ordergate.engine.command.GroupBodies.createBot(driver.begin(bot, CommandType.CREATE_BOT), "b-1", "bot", "",
            List.of("mt5-1"), new byte[32], new byte[0]);
        assertEquals(ResultCode.CREATED, driver.finish(bot).result);

        final CommandEvent shorts = signal("b-1", io.ordergate.engine.command.GroupBodies.ACTION_CLOSE_SHORT, "EURUSD");
        assertEquals(0, Mt5Driver.outbox(shorts).size(), "the ticket is long: close-short leaves it");

        final CommandEvent all = signal("b-1", io.ordergate.engine.command.GroupBodies.ACTION_CLOSE_ALL, "");
        final List<Map.Entry<Integer, String>> outbox = Mt5Driver.outbox(all);
        assertEquals(1, outbox.size(), Mt5Driver.json(all).toString());
        final Map<String, Object> command = Json.object(outbox.get(0).getValue());
        assertEquals("CLOSE_POSITION", command.get("command"));
        assertEquals("7001", ((Map<?, ?>)command.get("parameters")).get("ticket"));
        final Map<?, ?> answer = (Map<?, ?>)Mt5Driver.json(all).get("data");
        assertEquals(1L, ((Number)answer.get("success_count")).longValue());
        assertEquals("routed", ((Map<?, ?>)((List<?>)answer.get("results")).get(0)).get("status"));
    }

    private CommandEvent signal(final String botId, final int action, final String symbol)
    {
        final CommandEvent event = new CommandEvent();
        final io.ordergate.engine.command.BodyWriter body = driver.begin(event, CommandType.WEBHOOK_SIGNAL);
        io.ordergate.engine.command.GroupBodies.signalHead(body, botId, action);
        io.ordergate.engine.command.GroupBodies.signal(body, symbol, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0);
        io.ordergate.engine.command.GroupBodies.signalTail(body, "", action * 7919L);
        return driver.finish(event);
    }

    @Test
    void shouldSendAGroupMembersVenueSymbolToTheExecutor()
    {
        driver.heartbeat("exe-1");
        final CommandEvent group = new CommandEvent();
        io.ordergate.engine.command.GroupBodies.group(driver.begin(group, CommandType.CREATE_GROUP), "g-1",
            io.ordergate.engine.command.GroupBodies.SET_MEMBERS, "", "", 0, 0, List.of(new io.ordergate.engine.command.GroupBodies.Member(
                "mt5-1", io.ordergate.engine.command.GroupBodies.SIZING_MULTIPLIER, Mt5Driver.wire("2"), ".m", List.of())));
        assertEquals(ResultCode.CREATED, driver.finish(group).result);

        final CommandEvent signal = new CommandEvent();
        final io.ordergate.engine.command.BodyWriter body = driver.begin(signal, CommandType.GROUP_ORDER);
        io.ordergate.engine.command.GroupBodies.groupOrderHead(body, "g-1");
        io.ordergate.engine.command.GroupBodies.signal(body, "EURUSD", io.ordergate.engine.command.Side.BUY,
            io.ordergate.engine.command.OrderType.MARKET, null, io.ordergate.engine.command.GroupBodies.HAS_QUANTITY,
            Mt5Driver.wire("0.10"), 0, 0, 0, 0, 0, 0);
        body.putString("");
        assertEquals(ResultCode.CREATED, driver.finish(signal).result);

        final List<Map.Entry<Integer, String>> outbox = Mt5Driver.outbox(signal);
        assertEquals(1, outbox.size());
        final Map<?, ?> parameters = (Map<?, ?>)Json.object(outbox.get(0).getValue()).get("parameters");
        assertEquals("EURUSD.m", parameters.get("symbol"), "the broker's name for the instrument");
        assertEquals(new BigDecimal("0.2"), parameters.get("lots"), "sized by the member's multiplier");
    }

    @Test
    void shouldRouteAMarketOrderAsOpenPositionWithAnIdStableForTheOrderAndPushItToTheOutbox()
    {
        driver.heartbeat("exe-1");
        final CommandEvent order = driver.buy("mt5-1", "0.10");
        assertEquals(ResultCode.CREATED, order.result);
        assertEquals("routed", order.order.status.wireName());

        final List<Map.Entry<Integer, String>> outbox = Mt5Driver.outbox(order);
        assertEquals(1, outbox.size());
        assertEquals(0, outbox.get(0).getKey());
        final Map<String, Object> command = Json.object(outbox.get(0).getValue());
        assertEquals("ord_" + order.order.orderId, command.get("id"));
        assertEquals("OPEN_POSITION", command.get("command"));
        assertEquals("HIGH", command.get("priority"));
        final Map<?, ?> parameters = (Map<?, ?>)command.get("parameters");
        assertEquals("EURUSD", parameters.get("symbol"));
        assertEquals("BUY", parameters.get("type"));
        assertEquals(new BigDecimal("0.1"), parameters.get("lots"));
        assertEquals(String.valueOf(order.order.orderId), parameters.get("orderId"));

        final List<?> pending = (List<?>)Mt5Driver.json(driver.heartbeat("exe-1")).get("pendingCommands");
        assertEquals(List.of(command), pending);
    }

    @Test
    void shouldListPendingCommandsByPriorityThenArrival()
    {
        driver.control("exe-1", ExecutorCommandType.GET_STATUS, CommandPriority.LOW);
        driver.control("exe-1", ExecutorCommandType.PAUSE, CommandPriority.HIGH);
        driver.control("exe-1", ExecutorCommandType.RESUME, CommandPriority.NORMAL);
        driver.control("exe-1", ExecutorCommandType.CLOSE_ALL_POSITIONS, CommandPriority.URGENT);
        driver.control("exe-1", ExecutorCommandType.STOP_ALL, CommandPriority.HIGH);

        final List<?> pending = (List<?>)Mt5Driver.json(driver.heartbeat("exe-1")).get("pendingCommands");
        assertEquals(List.of("CLOSE_ALL_POSITIONS", "PAUSE", "STOP_ALL", "RESUME", "GET_STATUS"),
            pending.stream().map(c -> ((Map<?, ?>)c).get("command")).toList());
        assertEquals(List.of("cmd_4", "cmd_2", "cmd_5", "cmd_3", "cmd_1"), pending.stream().map(c -> ((Map<?, ?>)c).get("id")).toList());
        assertEquals(ResultCode.VALIDATION_ERROR, driver.control("exe-1", ExecutorCommandType.OPEN_POSITION, CommandPriority.LOW).result);
    }

    @Test
    void shouldFillTheOrderOnceAndOpenOnePositionWhateverOrderResultAndTradeReportArriveIn()
    {
        driver.heartbeat("exe-1");
        final long orderId = driver.buy("mt5-1", "0.10").order.orderId;
        final String commandId = "ord_" + orderId;

        assertEquals(ResultCode.OK, driver.tradeOpen("exe-1", 12345678L, "EURUSD", "0.10", "1.08428").result);
        final CommandEvent result = driver.result("exe-1", commandId, true, 12345678L, "1.08428", "0.10", null);
        final Map<String, Object> answer = Mt5Driver.json(result);
        assertEquals("executed", Json.at(answer, "command", "status"));
        final CommandEvent repeat = driver.result("exe-1", commandId, true, 99999999L, "1.2", "0.10", null);
        assertEquals(answer, Mt5Driver.json(repeat));
        driver.tradeOpen("exe-1", 12345678L, "EURUSD", "0.10", "1.08428");

        final CommandEvent order = driver.order(orderId);
        assertEquals("filled", order.order.status.wireName());
        assertEquals(12345678L, order.order.venueOrderId);
        final List<?> positions = (List<?>)Mt5Driver.json(driver.positions("mt5-1")).get("positions");
        assertEquals(1, positions.size());
        assertEquals("12345678", ((Map<?, ?>)positions.get(0)).get("ticket"));
        assertEquals(0, ((List<?>)Mt5Driver.json(driver.heartbeat("exe-1")).get("pendingCommands")).size());
    }

    @Test
    void shouldRejectTheOrderWithTheExecutorsMessageOnAFailedResult()
    {
        driver.heartbeat("exe-1");
        final long orderId = driver.buy("mt5-1", "0.10").order.orderId;
        driver.result("exe-1", "ord_" + orderId, false, 0, null, null, "market closed");
        final CommandEvent order = driver.order(orderId);
        assertEquals("rejected", order.order.status.wireName());
        assertEquals(ResultCode.VENUE_REJECTED, order.order.rejectCode);
        assertEquals("market closed", order.order.rejectMessage);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownCommandOrAnotherExecutorsCommand()
    {
        assertEquals(ResultCode.NOT_FOUND, driver.result("exe-1", "cmd_99", true, 0, null, null, null).result);
        assertEquals(ResultCode.NOT_FOUND, driver.result("exe-1", "bogus", true, 0, null, null, null).result);
        assertEquals(ResultCode.EXECUTOR_NOT_FOUND, driver.result("exe-9", "cmd_1", true, 0, null, null, null).result);
    }

    @Test
    void shouldBookProfitCommissionAndSwapOnceWhenATradeClosesAndKeepUnknownSymbolsAsText()
    {
        driver.heartbeat("exe-1");
        driver.tradeOpen("exe-1", 777L, "GER40.cash", "1.5", "18000.5");
        final List<?> positions = (List<?>)Mt5Driver.json(driver.positions("mt5-1")).get("positions");
        assertEquals("GER40.cash", ((Map<?, ?>)positions.get(0)).get("symbol"));

        driver.tradeClose("exe-1", 777L, "30", "-0.5", "0.1");
        driver.tradeClose("exe-1", 777L, "30", "-0.5", "0.1");
        final Map<String, Object> account = Mt5Driver.json(driver.account("mt5-1"));
        assertEquals(new BigDecimal("10530.1"), account.get("balance"));
        assertEquals(0, ((List<?>)Mt5Driver.json(driver.positions("mt5-1")).get("positions")).size());
        assertEquals(ResultCode.NOT_FOUND, driver.tradeClose("exe-1", 1L, "1", "0", "0").result);
    }

    @Test
    void shouldShowRoutedOrdersUnknownAfterRecoveryUntilTheRedeliveredCommandSettlesThem()
    {
        driver.heartbeat("exe-1");
        final long orderId = driver.buy("mt5-1", "0.10").order.orderId;
        final Mt5Driver restarted = driver.replayed();
        restarted.recover();
        assertEquals("unknown", restarted.order(orderId).order.status.wireName());

        final List<?> pending = (List<?>)Mt5Driver.json(restarted.heartbeat("exe-1")).get("pendingCommands");
        assertEquals("ord_" + orderId, ((Map<?, ?>)pending.get(0)).get("id"));
        final CommandEvent sync = restarted.read(CommandType.EXECUTOR_SYNC, "exe-1");
        assertEquals(1, Mt5Driver.outbox(sync).size());

        restarted.result("exe-1", "ord_" + orderId, true, 555L, "1.08428", "0.10", null);
        assertEquals("filled", restarted.order(orderId).order.status.wireName());
        assertEquals(1, ((List<?>)Mt5Driver.json(restarted.positions("mt5-1")).get("positions")).size());
    }

    @Test
    void shouldShowARoutedOrderUnknownAfterRecoveryAlsoOnceNewerOrdersDisplacedItFromItsSlot()
    {
        driver.heartbeat("exe-1");
        final long longLived = driver.buy("mt5-1", "0.10").order.orderId;
        for (int i = 0; i < 64; i++)  // the driver's table holds 64 orders: the 64th after it needs its slot and displaces it
        {
            final CommandEvent order = driver.buy("mt5-1", "0.10");
            assertEquals(ResultCode.CREATED, order.result);
            driver.result("exe-1", "ord_" + order.order.orderId, false, 0, null, null, "not enough money");
            assertEquals("rejected", driver.order(order.order.orderId).order.status.wireName());
        }
        assertEquals(1, driver.engine.context().orders().overflowCount(), "displaced, still routed");
        final Mt5Driver restarted = driver.replayed();
        assertEquals(BigDecimal.ONE, Mt5Driver.json(restarted.recover()).get("unknown_orders"), "the displaced order too");
        assertEquals("unknown", restarted.order(longLived).order.status.wireName());
        assertEquals(restarted.engine.stateDigest(), restarted.replayed().engine.stateDigest());
    }

    @Test
    void shouldRebuildTheSameStateOnReplay()
    {
        driver.heartbeat("exe-1");
        final long orderId = driver.buy("mt5-1", "0.10").order.orderId;
        driver.control("exe-1", ExecutorCommandType.PAUSE, CommandPriority.HIGH);
        driver.result("exe-1", "ord_" + orderId, true, 42L, "1.08428", "0.10", null);
        driver.tradeOpen("exe-1", 43L, "EURUSD", "0.2", "1.08");
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
        assertEquals(Mt5Driver.json(driver.read(CommandType.GET_EXECUTOR, "exe-1")),
            Mt5Driver.json(driver.replayed().read(CommandType.GET_EXECUTOR, "exe-1")));
        // the venue's tickets, executors (their metadata) and command queues (a pending command's JSON) are in a
        // snapshot too: the cluster's restart, after which the leader delivers what is pending
        final long pending = driver.buy("mt5-1", "0.20").order.orderId;
        final Mt5Driver restored = new Mt5Driver();
        assertEquals(driver.engine.stateDigest(), io.ordergate.engine.snapshot.SnapshotRoundTrip.check(driver.engine, restored.engine));
        restored.now = driver.now;
        assertEquals(Mt5Driver.json(driver.read(CommandType.GET_EXECUTOR, "exe-1")), Mt5Driver.json(restored.read(CommandType.GET_EXECUTOR, "exe-1")));
        final Object delivered = Mt5Driver.json(restored.heartbeat("exe-1")).get("pendingCommands");
        assertEquals(Mt5Driver.json(driver.heartbeat("exe-1")).get("pendingCommands"), delivered);
        assertTrue(((List<?>)delivered).stream().anyMatch(command -> ("ord_" + pending).equals(((Map<?, ?>)command).get("id"))), delivered.toString());
    }

    @Test
    void shouldShowHeartbeatBalanceAndEquityOnTheAccount()
    {
        driver.heartbeat("exe-1");
        final Map<String, Object> account = Mt5Driver.json(driver.account("mt5-1"));
        assertEquals(new BigDecimal("10500.5"), account.get("balance"));
        assertEquals(new BigDecimal("10600.25"), account.get("equity"), "no open ticket: the terminal's own word");
        final Map<String, Object> executor = Mt5Driver.json(driver.read(CommandType.GET_EXECUTOR, "exe-1"));
        assertEquals("online", executor.get("status"));
        assertTrue(executor.get("metadata") instanceof Map);
    }
}
