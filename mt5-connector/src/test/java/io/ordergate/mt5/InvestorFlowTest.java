package io.ordergate.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.Json;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/**
 * Seed 004 on the engine thread through real frames: a connect carries only the sealed password (as a marker the
 * gateway opens), the terminal's answers bind or refuse the account, a sync stores each deal once under its key,
 * pages on, lists the deals it could not store, and a disconnect forgets the password and cancels what would carry it.
 */
class InvestorFlowTest
{
    private static final String SEALED = "v1:k1:c2VhbGVkLXRleHQ=";
    private static final long START = Mt5Driver.START_MICROS;

    private Mt5Driver driver;

    @BeforeEach
    void setUp()
    {
        driver = Mt5Driver.withExecutorOnline();
    }

    @Test
    void shouldSendTheSealedPasswordAsAMarkerAndShowItSealedToAnAdmin()
    {
        final CommandEvent connect = driver.investor(CommandType.INVESTOR_CONNECT, "mt5-1", 5001, SEALED);
        assertEquals(ResultCode.ACCEPTED, connect.result);
        final String pushed = Mt5Driver.outbox(connect).get(0).getValue();
        assertTrue(pushed.contains("\"command\":\"CONNECT_INVESTOR\""), pushed);
        assertTrue(pushed.contains("\"investorPassword\":\"og-sealed:mt5/investor_password/mt5-1|" + SEALED + "\""), pushed);
        assertTrue(pushed.contains("\"mt5Login\":5001"), pushed);
        final String admin = Json.output(driver.read(CommandType.GET_EXECUTOR, "exe-1")).toString();
        assertTrue(admin.contains("investorPassword=[sealed]"), admin);
        assertFalse(admin.contains(SEALED), "an admin sees neither the password nor its ciphertext");
    }

    @Test
    void shouldConnectOnTheTerminalsWordAndRefuseWithItsMessage()
    {
        final long op = driver.investor(CommandType.INVESTOR_CONNECT, "mt5-1", 5001, SEALED).resultId;
        assertEquals(ResultCode.ACCEPTED, driver.outcome(op).result, "not answered yet");
        final CommandEvent done = driver.resultWithParts("exe-1", "inv_1", true, "ok",
            body -> ResultParts.account(body, ResultParts.ACCOUNT_BALANCE | ResultParts.ACCOUNT_EQUITY, 5001, Mt5Driver.wire("12000.5"),
                Mt5Driver.wire("12100"), "{\"login\":5001}".getBytes()));
        assertEquals(op, done.resultId, "the result names the finished operation");
        assertEquals("CONNECTED", Json.output(driver.outcome(op)).get("status"));
        assertEquals("CONNECTED", status().get("status"));
        assertEquals(new BigDecimal("12000.5"), Json.output(driver.account("mt5-1")).get("balance"));

        final long refused = driver.investor(CommandType.INVESTOR_CONNECT, "mt5-1", 5001, SEALED).resultId;
        driver.resultWithParts("exe-1", "inv_2", false, "MT5 login 5001 failed: -6 Terminal: Authorization failed",
            body -> ResultParts.status(body, "ERROR", "Terminal: Authorization failed"));
        assertEquals(ResultCode.VALIDATION_ERROR, driver.outcome(refused).result);
        assertEquals("ERROR", status().get("status"));
        assertEquals("MT5 login 5001 failed: -6 Terminal: Authorization failed", status().get("errorMessage"));
        assertEquals(ResultCode.NOT_FOUND, driver.investorAccount(CommandType.INVESTOR_SYNC, "mt5-1").result, "a refused password is not kept");
    }

    @Test
    void shouldStoreEachDealOnceAcrossSyncsAndPages()
    {
        connect();
        final long sync = driver.investorAccount(CommandType.INVESTOR_SYNC, "mt5-1").resultId;
        driver.now += 1_000_000;
        final CommandEvent page1 = driver.resultWithParts("exe-1", "syn_2", true, "2 closed deals", body ->
        {
            ResultParts.deals(body, 2);
            deal(body, 9001, 800, "EURUSD", "0.10", "1.08500", "8", START - 3_600_000_000L);
            deal(body, 9002, 801, "GER40.cash", "1.5", "18000.5", "-30", START - 1_800_000_000L);
            ResultParts.badDeal(body, "9003", "exitPrice is required");
            ResultParts.page(body, true, START - 1_800_000_000L, 5001);
        });
        assertEquals(-1, page1.resultId, "truncated: the sync goes on");
        final String next = Mt5Driver.outbox(page1).get(0).getValue();
        assertTrue(next.contains("\"command\":\"SYNC_HISTORY\"") && next.contains("\"from\":"), next);
        final CommandEvent page2 = driver.resultWithParts("exe-1", "syn_3", true, "1 closed deal", body ->
        {
            ResultParts.deals(body, 2);
            deal(body, 9002, 801, "GER40.cash", "1.5", "18000.5", "-30", START - 1_800_000_000L);
            deal(body, 9004, 802, "EURUSD", "0.20", "1.08000", "-12.5", START - 600_000_000L);
            ResultParts.page(body, false, 0, 5001);
        });
        assertEquals(sync, page2.resultId);
        final Map<String, Object> answer = Json.output(driver.outcome(sync));
        assertEquals(new BigDecimal("3"), answer.get("synced"));
        assertEquals(new BigDecimal("1"), answer.get("skipped"));
        assertEquals(List.of("deal 9003: exitPrice is required"), answer.get("errors"));
        assertEquals(new BigDecimal("5"), answer.get("total"));
        assertEquals("Synced 3 trades, skipped 1 duplicates", answer.get("message"));
        assertEquals(new BigDecimal("-34.5"), Json.output(driver.account("mt5-1")).get("realized_pnl"));
        assertNotEquals(null, status().get("lastSyncAt"));

        final List<?> closed = (List<?>)Json.output(driver.closedPositions("mt5-1")).get("positions");
        assertEquals(3, closed.size());
        assertEquals("mt5_802_9004", ((Map<?, ?>)closed.get(0)).get("terminal_trade_id"), "newest first by close time");
        assertEquals("GER40.cash", ((Map<?, ?>)closed.get(1)).get("symbol"));

        final long again = driver.investorAccount(CommandType.INVESTOR_SYNC, "mt5-1").resultId;
        final CommandEvent repeat = driver.resultWithParts("exe-1", "syn_4", true, "3", body ->
        {
            ResultParts.deals(body, 3);
            deal(body, 9001, 800, "EURUSD", "0.10", "1.08500", "8", START - 3_600_000_000L);
            deal(body, 9002, 801, "GER40.cash", "1.5", "18000.5", "-30", START - 1_800_000_000L);
            deal(body, 9004, 802, "EURUSD", "0.20", "1.08000", "-12.5", START - 600_000_000L);
            ResultParts.page(body, false, 0, 5001);
        });
        assertEquals(again, repeat.resultId);
        final Map<String, Object> second = Json.output(driver.outcome(again));
        assertEquals(new BigDecimal("0"), second.get("synced"));
        assertEquals(new BigDecimal("3"), second.get("skipped"));
        assertEquals(new BigDecimal("-34.5"), Json.output(driver.account("mt5-1")).get("realized_pnl"), "nothing doubled");
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldForgetThePasswordAndCancelItsCommandsOnDisconnect()
    {
        connect();
        final long sync = driver.investorAccount(CommandType.INVESTOR_SYNC, "mt5-1").resultId;
        assertEquals(ResultCode.CONFLICT, driver.investorAccount(CommandType.INVESTOR_SYNC, "mt5-1").result, "one sync at a time");
        final CommandEvent disconnect = driver.investorAccount(CommandType.INVESTOR_DISCONNECT, "mt5-1");
        assertEquals(ResultCode.OK, disconnect.result);
        assertTrue(Mt5Driver.outbox(disconnect).get(0).getValue().contains("DISCONNECT_INVESTOR"));
        final List<?> pending = (List<?>)Json.output(driver.heartbeat("exe-1")).get("pendingCommands");
        assertEquals(1, pending.size(), "only DISCONNECT_INVESTOR is left: the sync carrying the password was cancelled");
        assertFalse(pending.toString().contains("og-sealed"));
        assertEquals("DISCONNECTED", status().get("status"));
        assertEquals(Boolean.FALSE, Json.output(driver.outcome(sync)).get("success"));
        assertEquals(ResultCode.NOT_FOUND, driver.investorAccount(CommandType.INVESTOR_SYNC, "mt5-1").result);
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldKeepTakingConnectionTestsWhileOneNobodyAnswersWaitsForEver()
    {
        final CommandEvent stuck = driver.investor(CommandType.INVESTOR_TEST, "mt5-1", 5001, SEALED);
        assertEquals(ResultCode.ACCEPTED, stuck.result);
        for (int i = 0; i < 300; i++)  // more than the 256 operations remembered at once
        {
            final CommandEvent test = driver.investor(CommandType.INVESTOR_TEST, "mt5-1", 5001, SEALED);
            assertEquals(ResultCode.ACCEPTED, test.result, "test " + i + ": " + test.resultMessage);
            final String commandId = (String)Json.object(Mt5Driver.outbox(test).get(0).getValue()).get("id");
            assertEquals(test.resultId, driver.resultWithParts("exe-1", commandId, true, "ok", body -> { }).resultId);
        }
        assertEquals(ResultCode.ACCEPTED, driver.outcome(stuck.resultId).result, "the first still waits, under its own id");
        final CommandEvent late = driver.resultWithParts("exe-1", "inv_1", true, "ok", body -> { });
        assertEquals(stuck.resultId, late.resultId);
        assertEquals(Boolean.TRUE, Json.output(driver.outcome(stuck.resultId)).get("success"));
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldLeaveOneDisconnectWaitingForAnOfflineExecutorHoweverOftenTheAccountIsDisconnected()
    {
        connect();
        driver.now += 301_000_000L;
        for (int i = 0; i < 3; i++)
        {
            assertEquals(ResultCode.OK, driver.investorAccount(CommandType.INVESTOR_DISCONNECT, "mt5-1").result);
        }
        assertEquals(1, driver.connector.executors().find("exe-1").pendingCount());
        final List<?> pending = (List<?>)Json.output(driver.heartbeat("exe-1")).get("pendingCommands");
        assertEquals(List.of("inv_4"), pending.stream().map(c -> ((Map<?, ?>)c).get("id")).toList(), "the latest, for when it comes back");
    }

    @Test
    void shouldNeverOverwriteAnotherExecutorsPendingCommandWithASyncsNextPage()
    {
        // cmd_1 waits on exe-2, which never answers; the driver's table holds 32 commands, so seq 33 would land in its slot
        driver.mt5Account("mt5-2");
        driver.createExecutor("exe-2", "mt5-2");
        assertEquals(ResultCode.CREATED, driver.control("exe-2", ExecutorCommandType.GET_STATUS, CommandPriority.LOW).result);
        final long connect = driver.investor(CommandType.INVESTOR_CONNECT, "mt5-1", 5001, SEALED).resultId;
        assertEquals(connect, driver.resultWithParts("exe-1", "inv_2", true, "ok", body -> { }).resultId);
        final long sync = driver.investorAccount(CommandType.INVESTOR_SYNC, "mt5-1").resultId;
        for (int seq = 4; seq <= 32; seq++)
        {
            driver.control("exe-1", ExecutorCommandType.GET_STATUS, CommandPriority.LOW);
            assertEquals(ResultCode.OK, driver.result("exe-1", "cmd_" + seq, true, 0, null, null, null).result);
        }

        final CommandEvent page1 = driver.resultWithParts("exe-1", "syn_3", true, "1 closed deal", body ->
        {
            ResultParts.deals(body, 1);
            deal(body, 9001, 800, "EURUSD", "0.10", "1.08500", "8", START - 3_600_000_000L);
            ResultParts.page(body, true, START - 3_600_000_000L, 5001);
        });

        final List<?> waiting = (List<?>)Json.output(driver.heartbeat("exe-2")).get("pendingCommands");
        assertEquals(List.of("cmd_1"), waiting.stream().map(c -> ((Map<?, ?>)c).get("id")).toList(), "exe-2's command is still its own");
        assertEquals(ResultCode.OK, driver.result("exe-2", "cmd_1", true, 0, null, null, null).result, "and its result still finds it");
        assertEquals(-1, page1.resultId, "the sync goes on");
        final String next = Mt5Driver.outbox(page1).get(0).getValue();
        assertTrue(next.contains("\"id\":\"syn_34\""), "in the next free slot, past the one exe-2's command holds: " + next);
        final CommandEvent page2 = driver.resultWithParts("exe-1", "syn_34", true, "1 closed deal", body ->
        {
            ResultParts.deals(body, 1);
            deal(body, 9002, 801, "EURUSD", "0.10", "1.08600", "10", START - 600_000_000L);
            ResultParts.page(body, false, 0, 5001);
        });
        assertEquals(sync, page2.resultId);
        assertEquals(new BigDecimal("2"), Json.output(driver.outcome(sync)).get("synced"));
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldRefuseAnAccountThatIsNotMt5OrWhoseExecutorIsOffline()
    {
        assertEquals(ResultCode.NOT_FOUND, driver.investor(CommandType.INVESTOR_CONNECT, "nope", 5001, SEALED).result);
        driver.mt5Account("mt5-2");
        assertEquals(ResultCode.EXECUTOR_OFFLINE, driver.investor(CommandType.INVESTOR_CONNECT, "mt5-2", 5001, SEALED).result);
        driver.now += 301_000_000L;
        assertEquals(ResultCode.EXECUTOR_OFFLINE, driver.investor(CommandType.INVESTOR_CONNECT, "mt5-1", 5001, SEALED).result);
        assertEquals(ResultCode.NOT_FOUND, driver.investorAccount(CommandType.INVESTOR_STATUS, "mt5-1").result, "nothing was kept");
    }

    private void connect()
    {
        final long op = driver.investor(CommandType.INVESTOR_CONNECT, "mt5-1", 5001, SEALED).resultId;
        assertEquals(op, driver.resultWithParts("exe-1", "inv_1", true, "ok", body -> { }).resultId);
    }

    private Map<String, Object> status()
    {
        return Json.output(driver.investorAccount(CommandType.INVESTOR_STATUS, "mt5-1"));
    }

    private static void deal(final BodyWriter body, final long ticket, final long position, final String symbol, final String volume,
        final String exitPrice, final String profit, final long exitMicros)
    {
        ResultParts.historyDeal(body, ResultParts.DEAL_ENTRY_TIME | ResultParts.DEAL_ENTRY_PRICE | ResultParts.DEAL_COMMISSION, ticket,
            position, symbol, Side.BUY.code(), Mt5Driver.wire(volume), exitMicros - 60_000_000L, exitMicros, Mt5Driver.wire(exitPrice),
            Mt5Driver.wire(exitPrice), Mt5Driver.wire(profit), 0, 0);
    }
}
