package io.ordergate.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.ordergate.exchange.client.UserDataStream;
import io.ordergate.exchange.spi.OrderState.Status;
import io.ordergate.exchange.spi.OrderTicket;

/**
 * A user-data stream that goes silent without closing (its listen key expired at the exchange) is replaced, and what
 * it missed is asked for: a resting order filled meanwhile reaches FILLED.
 */
class UserStreamLivenessTest
{
    private ConnectorFixture fixture;

    @AfterEach
    void stop() throws InterruptedException
    {
        fixture.close();
    }

    /** A limit buy below the market, acknowledged NEW by its answer and by the stream. */
    private OrderTicket restingOrderOnAStream(final long orderId, final UserDataStream.Timing timing) throws Exception
    {
        fixture = new ConnectorFixture(6_000, 100);
        fixture.startStream(timing);
        Eventually.holds("stream connected", () -> fixture.exchange.openUserStreams() == 1 && fixture.stream.reconciled() == 1);
        final OrderTicket ticket = fixture.limit(orderId, "BUY", "0.01", "64000.00", "GTC");
        fixture.session.place(ticket);
        Eventually.holds("the answer and the stream both said NEW", () -> fixture.reports.all.stream()
            .filter(report -> report.orderId() == orderId && report.state() != null && report.state().status() == Status.NEW).count() == 2);
        return ticket;
    }

    @Test
    void shouldReplaceAStreamWhoseListenKeyExpiredAndLearnTheFillItMissed() throws Exception
    {
        // keep-alives far apart: only the listenKeyExpired event can tell the client
        final OrderTicket ticket = restingOrderOnAStream(31, UserDataStream.Timing.DEFAULT);
        final int connectsBefore = fixture.stream.connects();
        fixture.exchange.expireListenKeys(true);  // listenKeyExpired, then silence on the still open socket
        fixture.exchange.quote("BTCUSDT", "63999.00", "64000.00");  // fills
        assertEquals("FILLED", fixture.exchange.orders(ConnectorFixture.KEY).get(0).status(), "filled at the exchange");
        fixture.reports.awaitStatus(31, Status.FILLED);
        assertTrue(fixture.stream.connects() > connectsBefore, "a new socket, on a new key");
        assertEquals(1, fixture.atExchange(ticket));
    }

    @Test
    void shouldReplaceAStreamWhoseKeepAliveFindsNoListenKey() throws Exception
    {
        // a keep-alive every 300 ms; the key expires without a word (the event lost): the PUT's -1125 tells
        final OrderTicket ticket = restingOrderOnAStream(32, new UserDataStream.Timing(300, 100, 60_000));
        final int connectsBefore = fixture.stream.connects();
        fixture.exchange.expireListenKeys(false);
        fixture.exchange.quote("BTCUSDT", "63999.00", "64000.00");
        fixture.reports.awaitStatus(32, Status.FILLED);
        assertTrue(fixture.stream.connects() > connectsBefore, "a new socket, on a new key");
        assertTrue(fixture.exchange.errorsAnswered(-1125) > 0, "the keep-alive was answered -1125");
        assertEquals(1, fixture.atExchange(ticket));
    }

    @Test
    void shouldReplaceAStreamThatSaysNothingForTheIdleTimeAndLearnTheFillItMissed() throws Exception
    {
        // the socket stays open but dead (no event, no pong to the pings): only the idle watch can tell
        final OrderTicket ticket = restingOrderOnAStream(33, new UserDataStream.Timing(30 * 60_000, 5_000, 900));
        final int connectsBefore = fixture.stream.connects();
        fixture.exchange.freezeUserStreams();
        fixture.exchange.quote("BTCUSDT", "63999.00", "64000.00");
        fixture.reports.awaitStatus(33, Status.FILLED);
        assertTrue(fixture.stream.connects() > connectsBefore, "a new socket replaced the silent one");
        assertEquals(1, fixture.atExchange(ticket));
    }

    @Test
    void shouldTryAFailedKeepAliveAgainSoonNotOnlyAtTheNextPeriod() throws Exception
    {
        // a keep-alive every 4 s, a failed one tried again after its Retry-After (1 s), well before the next period
        fixture = new ConnectorFixture(6_000, 100);
        fixture.startStream(new UserDataStream.Timing(4_000, 100, 60_000));
        // connected, its orders asked for and its balance read: the keep-alive is the next request the exchange sees
        Eventually.holds("stream connected", () -> fixture.exchange.openUserStreams() == 1 && fixture.stream.reconciled() == 1
            && fixture.reports.balances.containsKey("BTC"));
        fixture.exchange.faults().rateLimitNext(1, 1);  // so the first keep-alive is refused 429
        Eventually.holds("the first keep-alive refused", () -> fixture.exchange.errorsAnswered(-1003) == 1);
        final long refusedNanos = System.nanoTime();
        Eventually.holds("a keep-alive taken", () -> fixture.exchange.listenKeyKeepAlives() == 1);
        final long retriedMillis = (System.nanoTime() - refusedNanos) / 1_000_000;
        assertTrue(retriedMillis < 3_000, "tried again after " + retriedMillis + " ms: the retry, not the next period (4 s)");
        assertEquals(1, fixture.exchange.openUserStreams(), "the same socket, its key alive");
    }
}
