package io.ordergate.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.ordergate.exchange.client.ExchangeClient;
import io.ordergate.exchange.client.OrderSession;
import io.ordergate.exchange.spi.OrderState.Status;
import io.ordergate.exchange.spi.OrderTicket;
import io.ordergate.simulators.exchange.Faults;
import io.ordergate.simulators.exchange.SimulatedExchange;

/**
 * The connector against each fault of the simulated exchange, over real sockets: every order ends known, and the
 * exchange holds exactly one order per client order id (none doubled, none lost).
 */
class ExchangeConnectorFaultsTest
{
    private ConnectorFixture fixture;

    @AfterEach
    void stop() throws InterruptedException
    {
        fixture.close();
    }

    @Test
    void shouldFillAMarketOrderAndAnswerItsAveragePrice() throws Exception
    {
        fixture = new ConnectorFixture(6_000, 100);
        final OrderTicket ticket = fixture.market(1, "BUY", "0.01");
        fixture.session.place(ticket);
        final RecordedReports.Report filled = fixture.reports.awaitStatus(1, Status.FILLED);
        assertEquals(new BigDecimal("65001.00"), filled.state().averagePrice(2));
        assertEquals(1, fixture.atExchange(ticket));
        assertEquals(0, fixture.session.openOrders());
    }

    @Test
    void shouldReconcileAn503AfterWhichTheOrderExists() throws Exception
    {
        fixture = new ConnectorFixture(6_000, 100);
        fixture.exchange.faults().failAfterPlacing(1, Faults.FailMode.STATUS_503);
        final OrderTicket ticket = fixture.market(2, "BUY", "0.01");
        fixture.session.place(ticket);
        fixture.reports.awaitStatus(2, Status.FILLED);
        assertTrue(fixture.reports.saw(2, "unknown"), "a 503 makes the order unknown first");
        assertFalse(fixture.reports.saw(2, "rejected"));
        assertEquals(1, fixture.atExchange(ticket));
    }

    @Test
    void shouldReconcileATimeoutAfterWhichTheOrderExists() throws Exception
    {
        fixture = new ConnectorFixture(6_000, 100);
        fixture.connect(Duration.ofMillis(400));
        fixture.exchange.faults().failAfterPlacing(1, Faults.FailMode.NO_ANSWER);
        final OrderTicket ticket = fixture.market(3, "SELL", "0.01");
        fixture.session.place(ticket);
        fixture.reports.awaitStatus(3, Status.FILLED);
        assertTrue(fixture.reports.saw(3, "unknown"));
        assertEquals(1, fixture.atExchange(ticket));
    }

    @Test
    void shouldTreatNotFoundShortlyAfterSendingAsNotYetKnown() throws Exception
    {
        fixture = new ConnectorFixture(6_000, 100);
        // hidden for 4 s: the first query comes ~50 ms after the 503, but a machine busy with other builds has delayed it
        // past a 1.5 s window (the exchange then showed the order at once, and this test saw no -2013)
        fixture.exchange.faults().failAfterPlacing(1, Faults.FailMode.STATUS_503).hideNewOrders(4_000);
        final OrderTicket ticket = fixture.market(4, "BUY", "0.01");
        fixture.session.place(ticket);
        fixture.reports.awaitStatus(4, Status.FILLED);
        assertTrue(fixture.exchange.errorsAnswered(-2013) > 0, "the exchange said the order did not exist before it showed it");
        assertFalse(fixture.reports.saw(4, "rejected"), "a -2013 within the grace window never rejects");
        assertEquals(1, fixture.atExchange(ticket));
    }

    @Test
    void shouldSettleAnOrderTheExchangeNeverHadAfterTheGraceWindowWithoutSendingItAgain() throws Exception
    {
        fixture = new ConnectorFixture(6_000, 100);
        final OrderTicket never = fixture.market(5, "BUY", "0.01");
        fixture.session.follow(5, never.symbol(), never.clientOrderId());
        Eventually.holds("asked twice within the window", () -> fixture.exchange.errorsAnswered(-2013) >= 2);
        assertFalse(fixture.reports.saw(5, "rejected"), "within the window, not found is not yet known");
        fixture.endGraceWindows();
        fixture.reports.await("order 5 rejected", r -> r.orderId() == 5 && r.kind().equals("rejected"));
        assertEquals(0, fixture.atExchange(never), "reconciliation never places an order");
    }

    @Test
    void shouldStartTheGraceWindowWhenTheOrderBecameUnknownNotWhenItWaitedForTheRateLimit() throws Exception
    {
        fixture = new ConnectorFixture(6_000, 100);
        // refused 429 first (nothing placed), then placed and answered 503, then hidden for a while
        fixture.exchange.faults().rateLimitNext(1, 2).failAfterPlacing(1, Faults.FailMode.STATUS_503).hideNewOrders(1_000);
        final OrderTicket ticket = fixture.market(13, "BUY", "0.01");
        fixture.session.place(ticket);
        // While the order waits out Retry-After (2 s), its window would end if it had started at the hand-over.
        fixture.endGraceWindows();
        fixture.reports.awaitStatus(13, Status.FILLED);
        assertTrue(fixture.reports.saw(13, "unknown"), "the 503 made it unknown");
        assertFalse(fixture.reports.saw(13, "rejected"), "the window starts at the unknown answer");
        assertEquals(1, fixture.atExchange(ticket));
    }

    @Test
    void shouldNeitherRejectNorLoseAnOrderHeldForRetryAfterThatAReconnectAsksFor() throws Exception
    {
        fixture = new ConnectorFixture(6_000, 100);
        fixture.exchange.faults().rateLimitNext(1, 2);  // the place is refused 429: held 2 s, nothing placed yet
        final OrderTicket ticket = fixture.limit(14, "BUY", "0.01", "64000.00", "GTC");
        fixture.session.place(ticket);
        Eventually.holds("the place was refused", () -> fixture.exchange.errorsAnswered(-1003) == 1);
        fixture.endGraceWindows();  // a window counted from the hand-over would be over
        // what every stream reconnect runs: its query (held to the same Retry-After) finds no order, -2013
        fixture.session.reconcileAll().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(fixture.exchange.errorsAnswered(-2013) > 0, "the exchange said the held order did not exist");
        fixture.reports.awaitStatus(14, Status.NEW);
        assertFalse(fixture.reports.saw(14, "rejected"), "an order whose send is still to come is never rejected: " + fixture.reports.all);
        assertEquals(1, fixture.atExchange(ticket), "placed once, and booked");
        assertEquals(1, fixture.session.openOrders(), "followed while it rests");
    }

    @Test
    void shouldWaitOutA429AndPlaceTheOrderOnce() throws Exception
    {
        fixture = new ConnectorFixture(6_000, 100);
        fixture.exchange.faults().rateLimitNext(1, 1);
        final OrderTicket ticket = fixture.market(6, "BUY", "0.01");
        final long sent = System.currentTimeMillis();
        fixture.session.place(ticket);
        fixture.reports.awaitStatus(6, Status.FILLED);
        assertTrue(System.currentTimeMillis() - sent >= 900, "held back for Retry-After");
        assertEquals(1, fixture.atExchange(ticket));
    }

    @Test
    void shouldMakeTheVenueUnavailableDuringA418BanWithoutSending() throws Exception
    {
        fixture = new ConnectorFixture(6_000, 100);
        fixture.exchange.faults().ban(30);
        final OrderTicket first = fixture.market(7, "BUY", "0.01");
        fixture.session.place(first);
        fixture.reports.await("unavailable", r -> r.orderId() == 7 && r.kind().equals("unavailable"));
        fixture.exchange.faults().clear();
        final OrderTicket second = fixture.market(8, "BUY", "0.01");
        fixture.session.place(second);
        fixture.reports.await("unavailable while banned", r -> r.orderId() == 8 && r.kind().equals("unavailable"));
        assertTrue(fixture.client.governor().bannedUntil(System.currentTimeMillis()) > System.currentTimeMillis() + 20_000);
        assertEquals(0, fixture.atExchange(first) + fixture.atExchange(second), "nothing is sent into a ban");
    }

    @Test
    void shouldFollowLateAndPartialFillsOnTheStream() throws Exception
    {
        fixture = new ConnectorFixture(6_000, 100);
        fixture.startStream();
        // The stream's connect reads the whole balance (GET /api/v3/account) beside the socket: a read the exchange served
        // before the fills but answered after their stream events put the older BTC back, and no later event corrected it.
        // The order goes once that read has been reported, so the fills' events are the last word.
        Eventually.holds("stream connected and its balance read reported", () -> fixture.exchange.openUserStreams() == 1
            && fixture.stream.reconciled() == 1 && fixture.reports.balances.containsKey("BTC"));
        fixture.exchange.faults().lateFills(100).partialFills(2, 100);
        final OrderTicket ticket = fixture.market(9, "BUY", "0.01");
        fixture.session.place(ticket);
        assertEquals(new BigDecimal("0.00500000"), fixture.reports.awaitStatus(9, Status.PARTIALLY_FILLED).state().executedQty());
        fixture.reports.awaitStatus(9, Status.FILLED);
        Eventually.holds("the BTC balance came on the stream", () -> fixture.reports.balances.containsKey("BTC")
            && fixture.reports.balances.get("BTC")[0].compareTo(new BigDecimal("2.01")) == 0);
        assertEquals(1, fixture.atExchange(ticket));
    }

    @Test
    void shouldNotLetABalanceReadServedBeforeAFillPutTheOlderBalanceBack() throws Exception
    {
        fixture = new ConnectorFixture(6_000, 100);
        fixture.startStream();
        Eventually.holds("stream connected and its balance read reported", () -> fixture.exchange.openUserStreams() == 1
            && fixture.stream.reconciled() == 1 && fixture.reports.completeBalanceReads.get() == 1);
        fixture.exchange.faults().slowBalanceAnswers(1_000);
        fixture.session.syncBalances();
        Eventually.holds("the read was served (BTC 2) and its answer held", () -> fixture.exchange.faults().balanceAnswersHeld() == 1);
        final OrderTicket ticket = fixture.market(12, "BUY", "0.01");
        fixture.session.place(ticket);
        fixture.reports.awaitStatus(12, Status.FILLED);
        Eventually.holds("the fill's balance came on the stream", () -> fixture.reports.balances.get("BTC")[0].compareTo(new BigDecimal("2.01")) == 0);
        Eventually.holds("the held read was reported", () -> fixture.reports.completeBalanceReads.get() == 2);
        assertEquals(0, new BigDecimal("2.01").compareTo(fixture.reports.balances.get("BTC")[0]),
            "the read served before the fill does not put the older BTC back: " + fixture.reports.balances.get("BTC")[0]);
    }

    /** A limit buy far below the market, placed and acknowledged NEW: it rests at the exchange. */
    private OrderTicket restingOrder(final long orderId) throws Exception
    {
        fixture = new ConnectorFixture(6_000, 100);
        fixture.connect(Duration.ofSeconds(2));
        final OrderTicket ticket = fixture.limit(orderId, "BUY", "0.01", "64000.00", "GTC");
        fixture.session.place(ticket);
        fixture.reports.awaitStatus(orderId, Status.NEW);
        return ticket;
    }

    @Test
    void shouldSendACancelThatDidNotTakeAgainUntilTheOrderIsCancelled() throws Exception
    {
        final OrderTicket ticket = restingOrder(11);
        fixture.exchange.faults().rateLimitNext(1, 1);  // the cancel is refused 429: nothing is cancelled
        fixture.session.cancel(11, "BTCUSDT", ticket.clientOrderId());
        fixture.reports.awaitStatus(11, Status.CANCELLED);
        assertEquals("CANCELED", fixture.exchange.orders(ConnectorFixture.KEY).get(0).status(), "cancelled at the exchange");
        assertEquals(0, fixture.session.openOrders());
    }

    @Test
    void shouldHandACancelThatReachesAReplacedSessionToTheOneThatAdoptedItsOrders() throws Exception
    {
        final OrderTicket ticket = restingOrder(12);
        final OrderSession replaced = fixture.session;
        final ExchangeClient replacedClient = fixture.client;
        fixture.connect(Duration.ofSeconds(2));  // new credentials: a new link, its own client and session
        fixture.session.adopt(replaced);
        replacedClient.close();
        Eventually.holds("the new session asked for the adopted order", () -> fixture.reports.all.stream()
            .filter(report -> report.orderId() == 12 && report.state() != null && report.state().status() == Status.NEW).count() == 2);
        replaced.cancel(12, "BTCUSDT", ticket.clientOrderId());  // a cancel handed to the old link's session
        fixture.reports.awaitStatus(12, Status.CANCELLED);
        assertEquals("CANCELED", fixture.exchange.orders(ConnectorFixture.KEY).get(0).status(), "cancelled at the exchange");
    }

    @Test
    void shouldPlaceAnOrderThatWaitedOnAReplacedLinkThroughTheOneThatTookOver() throws Exception
    {
        fixture = new ConnectorFixture(6_000, 100);
        fixture.connect(Duration.ofSeconds(2));
        fixture.exchange.faults().rateLimitNext(1, 2);  // refused 429: the order waits 2 s on this link, never placed
        final OrderTicket ticket = fixture.limit(13, "BUY", "0.01", "64000.00", "GTC");
        fixture.session.place(ticket);
        final OrderSession replaced = fixture.session;
        final ExchangeClient replacedClient = fixture.client;
        fixture.connect(Duration.ofSeconds(2));
        fixture.session.adopt(replaced);
        replacedClient.close();
        fixture.reports.awaitStatus(13, Status.NEW);
        assertFalse(fixture.reports.saw(13, "rejected"), "not rejected as 'the account's connection is closed': " + fixture.reports.all);
        assertEquals(1, fixture.atExchange(ticket), "placed once, by the link that took over");
    }

    @Test
    void shouldReconcileAFillMissedWhileTheStreamWasDown() throws Exception
    {
        fixture = new ConnectorFixture(6_000, 100);
        fixture.startStream();
        // connected on both ends, and the first connect's reconciliation finished before the order exists: the fill
        // can then only be learnt from the reconnect's
        Eventually.holds("stream connected", () -> fixture.exchange.openUserStreams() == 1 && fixture.stream.reconciled() == 1);
        final OrderTicket ticket = fixture.limit(10, "BUY", "0.01", "64000.00", "GTC");
        fixture.session.place(ticket);
        // Both the placement's answer and the stream's execution report said NEW. Waiting for the first alone let the
        // fill below overtake a slow answer, which then said FILLED itself (seen on a cold JVM): no reconnect needed.
        Eventually.holds("the answer and the stream both said NEW", () -> fixture.reports.all.stream()
            .filter(report -> report.orderId() == 10 && report.state() != null && report.state().status() == Status.NEW).count() == 2);
        // From here on no event reaches the client, on this socket or the next: only a query can tell it of the fill.
        fixture.exchange.faults().muteUserStreams(60_000);
        fixture.exchange.quote("BTCUSDT", "63999.00", "64000.00");  // fills; the event is lost
        assertEquals("FILLED", fixture.exchange.orders(ConnectorFixture.KEY).get(0).status(), "filled at the exchange");
        assertFalse(fixture.reports.reached(10, Status.FILLED), "nothing told the client yet");
        final int connectsBefore = fixture.stream.connects();
        fixture.exchange.dropUserStreams();
        fixture.reports.awaitStatus(10, Status.FILLED);
        assertTrue(fixture.stream.connects() > connectsBefore, "the fill was learnt by reconciling on reconnect");
        assertEquals(1, fixture.atExchange(ticket));
    }

    @Test
    void shouldReconcileAfterARestartWhatTheGatewayBelievesOpen() throws Exception
    {
        fixture = new ConnectorFixture(6_000, 100);
        fixture.exchange.faults().failAfterPlacing(1, Faults.FailMode.NO_ANSWER);
        fixture.connect(Duration.ofSeconds(30));
        final OrderTicket ticket = fixture.market(11, "BUY", "0.01");
        fixture.session.place(ticket);
        Eventually.holds("the order reached the exchange", () -> fixture.atExchange(ticket) == 1);
        fixture.connect(Duration.ofSeconds(2));  // the gateway died before the answer; a new one starts
        fixture.session.follow(11, ticket.symbol(), ticket.clientOrderId());
        fixture.reports.awaitStatus(11, Status.FILLED);
        assertEquals(1, fixture.atExchange(ticket));
    }

    @Test
    void shouldResynchroniseTheClockOnMinus1021AndSendOnce() throws Exception
    {
        fixture = new ConnectorFixture(6_000, 100);
        fixture.exchange.faults().clockOffset(20_000);
        final OrderTicket ticket = fixture.market(12, "BUY", "0.01");
        fixture.session.place(ticket);
        fixture.reports.awaitStatus(12, Status.FILLED);
        // Never ahead of the exchange (it refuses 1 s ahead), never so far behind that the order would not pass.
        final long offset = fixture.client.clockOffsetMillis();
        assertTrue(offset <= 20_000 && offset > 15_000, "offset kept: " + offset);
        assertEquals(1, fixture.atExchange(ticket));
    }

    @Test
    void shouldHoldRequestsBackBeforeTheExchangeWouldRefuseThem() throws Exception
    {
        fixture = new ConnectorFixture(6_000, 5);
        fixture.client.syncLimits().get(5, java.util.concurrent.TimeUnit.SECONDS);
        SimulatedExchange.awaitRoomInLimitWindows();  // six orders inside one window of the client's count, not across two
        for (int i = 0; i < 6; i++)
        {
            fixture.session.place(fixture.market(20 + i, "BUY", "0.001"));
        }
        for (int i = 0; i < 6; i++)
        {
            fixture.reports.awaitStatus(20 + i, Status.FILLED);
        }
        assertTrue(fixture.client.governor().heldBack() > 0, "the fifth order in a window of five waits for the next window");
        assertEquals(6, fixture.exchange.orders(ConnectorFixture.KEY).size(), "all six placed, once each");
        assertFalse(fixture.reports.all.stream().anyMatch(r -> !"state".equals(r.kind())), "no 429, nothing unknown: " + fixture.reports.all);
    }
}
