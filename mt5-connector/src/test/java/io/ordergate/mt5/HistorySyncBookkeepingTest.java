package io.ordergate.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.Json;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.snapshot.SnapshotRoundTrip;

/**
 * A history sync against what the gateway booked itself: the deals of tickets traded through the gateway stay booked
 * once their ticket slots are reused for newer tickets, so a first sync of the whole history adds nothing to them; and
 * a deal a full synced-deal set refused is asked for again by the next sync.
 */
class HistorySyncBookkeepingTest
{
    private static final String SEALED = "v1:k1:c2VhbGVkLXRleHQ=";
    private static final long START = Mt5Driver.START_MICROS;

    private Mt5Driver driver;

    private void start(final String config)
    {
        driver = new Mt5Driver(config);
        driver.mt5Account("mt5-1");
        driver.createExecutor("exe-1", "mt5-1");
        driver.quote("1.08420", "1.08428");
        driver.heartbeat("exe-1");
    }

    @Test
    void shouldSkipTheDealsOfTicketsBookedFromReportsAfterTheirSlotsWereReused()
    {
        start(Mt5Driver.CONFIG.replace("max_tickets: 16", "max_tickets: 2"));
        trade(1001, 1003);  // three tickets through two slots: 1001's slot is reused
        final Object realized = Json.output(driver.account("mt5-1")).get("realized_pnl");
        assertEquals(new BigDecimal("3"), realized);
        assertEquals(3, closed().size());

        connect();
        final CommandEvent sync = driver.investorAccount(CommandType.INVESTOR_SYNC, "mt5-1");
        final String syncId = commandId(sync);
        final CommandEvent page = driver.resultWithParts("exe-1", syncId, true, "3 closed deals", body ->
        {
            ResultParts.deals(body, 3);
            deal(body, 2001, 1001, "1", START + 10_000_000L);
            deal(body, 2002, 1002, "1", START + 11_000_000L);
            deal(body, 2003, 1003, "1", START + 12_000_000L);
            ResultParts.page(body, false, 0, 5001);
        });
        assertEquals(sync.resultId, page.resultId);
        final Map<String, Object> answer = Json.output(driver.outcome(sync.resultId));
        assertEquals(new BigDecimal("0"), answer.get("synced"), answer.toString());
        assertEquals(new BigDecimal("3"), answer.get("skipped"), answer.toString());
        assertEquals(realized, Json.output(driver.account("mt5-1")).get("realized_pnl"), "nothing booked twice");
        assertEquals(3, closed().size(), "no second closed position");
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldKeepTheMarksOfForgottenTicketsInASnapshotAndMarkOnAfterARestore()
    {
        final String config = Mt5Driver.CONFIG.replace("max_tickets: 16", "max_tickets: 2");
        start(config);
        trade(1001, 1003);
        final Mt5Driver restored = new Mt5Driver(config);
        assertEquals(driver.engine.stateDigest(), SnapshotRoundTrip.check(driver.engine, restored.engine), "1001's mark travels");
        restored.now = driver.now;
        driver = restored;
        trade(1004, 1004);  // forgets 1002: the restored ticket table marks it in the restored set
        final Object realized = Json.output(driver.account("mt5-1")).get("realized_pnl");

        connect();
        final CommandEvent sync = driver.investorAccount(CommandType.INVESTOR_SYNC, "mt5-1");
        driver.resultWithParts("exe-1", commandId(sync), true, "4 closed deals", body ->
        {
            ResultParts.deals(body, 4);
            for (int i = 1; i <= 4; i++)
            {
                deal(body, 2000 + i, 1000 + i, "1", START + (10 + i) * 1_000_000L);
            }
            ResultParts.page(body, false, 0, 5001);
        });
        final Map<String, Object> answer = Json.output(driver.outcome(sync.resultId));
        assertEquals(new BigDecimal("0"), answer.get("synced"), answer.toString());
        assertEquals(new BigDecimal("4"), answer.get("skipped"), answer.toString());
        assertEquals(realized, Json.output(driver.account("mt5-1")).get("realized_pnl"));
    }

    @Test
    void shouldStoreNoDealOfAForgottenTicketWhenItsMarkFoundNoRoom()
    {
        start(Mt5Driver.CONFIG.replace("max_tickets: 16", "max_tickets: 1")
            .replace("offline_after_seconds: 300", "offline_after_seconds: 300, max_forgotten_tickets: 16"));
        trade(1001, 1018);  // 1001..1017 forgotten: 1001..1016 marked (16), no room for 1017's mark
        final Object realized = Json.output(driver.account("mt5-1")).get("realized_pnl");

        connect();
        final CommandEvent sync = driver.investorAccount(CommandType.INVESTOR_SYNC, "mt5-1");
        driver.resultWithParts("exe-1", commandId(sync), true, "3 closed deals", body ->
        {
            ResultParts.deals(body, 3);
            deal(body, 2016, 1016, "1", START + 10_000_000L);
            deal(body, 2017, 1017, "1", START + 11_000_000L);
            deal(body, 2018, 1018, "1", START + 12_000_000L);
            ResultParts.page(body, false, 0, 5001);
        });
        final Map<String, Object> answer = Json.output(driver.outcome(sync.resultId));
        assertEquals(new BigDecimal("0"), answer.get("synced"), answer.toString());
        assertEquals(new BigDecimal("2"), answer.get("skipped"), "1016 by its mark, 1018 by its ticket: " + answer);
        assertEquals(List.of("deal 2017: not stored: a closed ticket's mark found no room (executors.max_forgotten_tickets), lest a deal"
            + " be booked twice"), answer.get("errors"));
        assertEquals(realized, Json.output(driver.account("mt5-1")).get("realized_pnl"), "a full set refuses rather than books twice");
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldKeepMarksAndSyncedDealsEachWithinItsOwnBound()
    {
        start(Mt5Driver.CONFIG.replace("max_tickets: 16", "max_tickets: 1")
            .replace("offline_after_seconds: 300", "offline_after_seconds: 300, max_synced_deals: 16, max_forgotten_tickets: 32"));
        trade(1001, 1021);  // 20 tickets forgotten: 20 marks, more than max_synced_deals, and no room taken from the syncs
        connect();
        final CommandEvent sync = driver.investorAccount(CommandType.INVESTOR_SYNC, "mt5-1");
        driver.resultWithParts("exe-1", commandId(sync), true, "16 closed deals", body ->
        {
            ResultParts.deals(body, 16);
            for (int i = 1; i <= 16; i++)
            {
                deal(body, 3000 + i, 4000 + i, "1", START + i * 1_000_000L);
            }
            ResultParts.page(body, false, 0, 5001);
        });
        final Map<String, Object> first = Json.output(driver.outcome(sync.resultId));
        assertEquals(new BigDecimal("16"), first.get("synced"), "every deal stored beside the 20 marks: " + first);
        assertEquals(List.of(), first.get("errors"));

        trade(1022, 1023);  // the synced deals are at their bound: 1021 and 1022 forgotten, and still marked
        final Object realized = Json.output(driver.account("mt5-1")).get("realized_pnl");
        final CommandEvent again = driver.investorAccount(CommandType.INVESTOR_SYNC, "mt5-1");
        driver.resultWithParts("exe-1", commandId(again), true, "2 closed deals", body ->
        {
            ResultParts.deals(body, 2);
            deal(body, 2021, 1021, "1", START + 30_000_000L);
            deal(body, 2022, 1022, "1", START + 31_000_000L);
            ResultParts.page(body, false, 0, 5001);
        });
        final Map<String, Object> second = Json.output(driver.outcome(again.resultId));
        assertEquals(new BigDecimal("2"), second.get("skipped"), "booked by the gateway, known by their marks: " + second);
        assertEquals(List.of(), second.get("errors"));
        assertEquals(realized, Json.output(driver.account("mt5-1")).get("realized_pnl"), "nothing booked twice");
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    @Test
    void shouldAskAgainForEveryDealTheFullSetRefused()
    {
        start(Mt5Driver.CONFIG.replace("offline_after_seconds: 300", "offline_after_seconds: 300, max_synced_deals: 16"));
        connect();
        final CommandEvent sync = driver.investorAccount(CommandType.INVESTOR_SYNC, "mt5-1");
        driver.resultWithParts("exe-1", commandId(sync), true, "20 closed deals", body ->
        {
            ResultParts.deals(body, 20);
            for (int i = 1; i <= 16; i++)
            {
                deal(body, 3000 + i, 4000 + i, "1", START + i * 1_000_000L);
            }
            deal(body, 3005, 4005, "1", START + 20_000_000L);  // a repeat out of time order, ahead of the refused deals
            deal(body, 3017, 4017, "1", START + 17_000_000L);  // refused: the set is full
            deal(body, 3010, 4010, "1", START + 18_000_000L);  // a repeat past the refused deal
            deal(body, 3018, 4018, "1", START + 19_000_000L);  // refused too
            ResultParts.page(body, false, 0, 5001);
        });
        final Map<String, Object> answer = Json.output(driver.outcome(sync.resultId));
        assertEquals(new BigDecimal("16"), answer.get("synced"), answer.toString());
        assertEquals(2, ((List<?>)answer.get("errors")).size(), answer.toString());

        final CommandEvent again = driver.investorAccount(CommandType.INVESTOR_SYNC, "mt5-1");
        final Object from = ((Map<?, ?>)Json.object(Mt5Driver.outbox(again).get(0).getValue()).get("parameters")).get("from");
        assertEquals(START + 17_000_000L, micros((String)from), "the next sync asks again from the first deal refused: " + from);
        assertEquals(driver.engine.stateDigest(), driver.replayed().engine.stateDigest());
    }

    private static long micros(final String utc)
    {
        final java.time.Instant instant = java.time.Instant.parse(utc);
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    /** Opens and closes tickets {@code first..last} through the gateway: an order, its result, the close report (profit 1). */
    private void trade(final long first, final long last)
    {
        for (long ticket = first; ticket <= last; ticket++)
        {
            final CommandEvent order = driver.buy("mt5-1", "0.10");
            assertEquals(ResultCode.CREATED, order.result);
            assertEquals(ResultCode.OK, driver.result("exe-1", "ord_" + order.order.orderId, true, ticket, "1.08428", "0.10", null).result);
            assertEquals(ResultCode.OK, driver.tradeClose("exe-1", ticket, "1", "0", "0").result);
            driver.now += 1_000_000;
        }
    }

    private void connect()
    {
        final CommandEvent connect = driver.investor(CommandType.INVESTOR_CONNECT, "mt5-1", 5001, SEALED);
        assertEquals(connect.resultId, driver.resultWithParts("exe-1", commandId(connect), true, "ok", body -> { }).resultId);
    }

    private List<?> closed()
    {
        return (List<?>)Json.output(driver.closedPositions("mt5-1")).get("positions");
    }

    private static String commandId(final CommandEvent event)
    {
        return (String)Json.object(Mt5Driver.outbox(event).get(0).getValue()).get("id");
    }

    private static void deal(final BodyWriter body, final long ticket, final long position, final String profit, final long exitMicros)
    {
        ResultParts.historyDeal(body, ResultParts.DEAL_ENTRY_TIME | ResultParts.DEAL_ENTRY_PRICE, ticket, position, "EURUSD",
            Side.BUY.code(), Mt5Driver.wire("0.10"), exitMicros - 60_000_000L, exitMicros, Mt5Driver.wire("1.08428"),
            Mt5Driver.wire("1.1"), Mt5Driver.wire(profit), 0, 0);
    }
}
