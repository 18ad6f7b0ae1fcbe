package io.ordergate.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ordergate.exchange.binance.BinanceFuturesDialect;
import io.ordergate.exchange.spi.FuturesSettings;
import io.ordergate.exchange.spi.OrderState.Status;
import io.ordergate.exchange.spi.OrderTicket;
import io.ordergate.exchange.spi.VenueAnswer;
import io.ordergate.simulators.exchange.Faults;

/**
 * Binance USDⓈ-M futures orders through the shared connector (client, order session, user-data stream) against the
 * simulated exchange's /fapi routes over real sockets: one-way closes are reduce-only, hedge-mode orders name their
 * position side, the exchange's refusals arrive with its codes, a 503 after placing and a "does not exist" shortly after
 * sending are reconciled by query (one order at the exchange), and fills and balances come from the futures stream.
 */
class FuturesOrdersTest
{
    private ConnectorFixture fixture;

    @BeforeEach
    void start()
    {
        fixture = new ConnectorFixture(6_000, 100, new BinanceFuturesDialect());
    }

    @AfterEach
    void stop() throws InterruptedException
    {
        fixture.close();
    }

    @Test
    void shouldOpenAndCloseOneWayWithAReduceOnlyClose() throws Exception
    {
        final OrderTicket buy = ticket(1, "BUY", "MARKET", "0.01", null, null, false);
        fixture.session.place(buy);
        assertEquals(new BigDecimal("65001.00"), fixture.reports.awaitStatus(1, Status.FILLED).state().averagePrice(2));
        assertEquals("0.01000000", position("BOTH").get("positionAmt"));
        final OrderTicket close = ticket(2, "SELL", "MARKET", "0.01", null, null, true);
        fixture.session.place(close);
        fixture.reports.awaitStatus(2, Status.FILLED);
        assertEquals("0.00000000", position("BOTH").get("positionAmt"));
        assertEquals(Boolean.TRUE, sent(close).get("reduceOnly"), "the close went reduce-only");
        assertEquals(Boolean.FALSE, sent(buy).get("reduceOnly"));
        // the futures wallet: bought at the ask 65001, sold at the bid 65000: 0.01 lost
        assertEquals("99999.99000000", fixture.exchange.futuresAccount(ConnectorFixture.KEY).get("USDT"));

        fixture.session.place(ticket(3, "SELL", "MARKET", "0.01", null, null, true));
        assertTrue(fixture.reports.await("refused", r -> r.orderId() == 3 && r.kind().equals("rejected")).text().startsWith("-2022"),
            "a reduce-only close with nothing to reduce is the exchange's -2022");
        assertEquals(1, fixture.exchange.errorsAnswered(-2022));
    }

    @Test
    void shouldNameThePositionSideInHedgeMode() throws Exception
    {
        final VenueAnswer hedge = fixture.client.send(fixture.dialect.setPositionMode(FuturesSettings.PositionMode.HEDGE)).get();
        assertTrue(hedge.ok(), hedge.toString());
        fixture.session.place(ticket(11, "BUY", "MARKET", "0.02", null, "LONG", false));
        fixture.session.place(ticket(12, "SELL", "MARKET", "0.01", null, "SHORT", false));
        fixture.reports.awaitStatus(11, Status.FILLED);
        fixture.reports.awaitStatus(12, Status.FILLED);
        assertEquals("0.02000000", position("LONG").get("positionAmt"));
        assertEquals("0.01000000", position("SHORT").get("positionAmt"));
        fixture.session.place(ticket(13, "SELL", "MARKET", "0.02", null, "LONG", false));
        fixture.reports.awaitStatus(13, Status.FILLED);
        assertEquals("0.00000000", position("LONG").get("positionAmt"), "selling the long closed it, the short stayed");
        assertEquals("0.01000000", position("SHORT").get("positionAmt"));

        fixture.session.place(ticket(14, "BUY", "MARKET", "0.01", null, null, false));
        assertTrue(fixture.reports.await("refused", r -> r.orderId() == 14 && r.kind().equals("rejected")).text().startsWith("-4061"),
            "hedge mode takes no order without a position side");
        final VenueAnswer oneWay = fixture.client.send(fixture.dialect.setPositionMode(FuturesSettings.PositionMode.ONE_WAY)).get();
        assertEquals("-4068", oneWay.code(), "no mode change under a position");
    }

    @Test
    void shouldReconcileA503AndANotYetVisibleOrderOnce() throws Exception
    {
        fixture.exchange.faults().failAfterPlacing(1, Faults.FailMode.STATUS_503).hideNewOrders(1_500);
        final OrderTicket buy = ticket(21, "BUY", "MARKET", "0.01", null, null, false);
        fixture.session.place(buy);
        fixture.reports.awaitStatus(21, Status.FILLED);
        assertTrue(fixture.reports.saw(21, "unknown"), "a 503 makes the order unknown first");
        assertTrue(fixture.exchange.errorsAnswered(-2013) > 0, "the exchange said it did not exist before it showed it");
        assertFalse(fixture.reports.saw(21, "rejected"));
        assertEquals(1, atExchange(buy), "neither doubled nor lost");
    }

    @Test
    void shouldFollowFillsAndBalancesOnTheFuturesStreamAndAcrossADrop() throws Exception
    {
        fixture.startStream();
        Eventually.holds("the futures stream is up", () -> fixture.exchange.openUserStreams() == 1);
        fixture.session.place(ticket(31, "BUY", "LIMIT", "0.01", "64000.00", null, false));
        fixture.reports.awaitStatus(31, Status.NEW);
        fixture.exchange.quote("BTCUSDT", "63900.00", "63900.50");
        assertEquals(new BigDecimal("63900.50"), fixture.reports.awaitStatus(31, Status.FILLED).state().averagePrice(2),
            "the fill came on the stream (ORDER_TRADE_UPDATE)");
        Eventually.holds("ACCOUNT_UPDATE's wallet", () -> fixture.reports.balances.containsKey("USDT"));

        fixture.session.place(ticket(32, "SELL", "LIMIT", "0.01", "64500.00", null, true));
        fixture.reports.awaitStatus(32, Status.NEW);
        final int reconciled = fixture.stream.reconciled();
        fixture.exchange.faults().muteUserStreams(60_000);
        fixture.exchange.quote("BTCUSDT", "64600.00", "64600.50");  // fills while nothing is heard
        fixture.exchange.dropUserStreams();
        fixture.exchange.faults().muteUserStreams(0);
        Eventually.holds("reconnected and reconciled", () -> fixture.stream.reconciled() > reconciled);
        fixture.reports.awaitStatus(32, Status.FILLED);
        fixture.session.syncBalances();
        Eventually.holds("/fapi/v3/account read, with the unrealized profit and margin balance",
            () -> fixture.reports.balances.get("USDT").length == 4);
        final BigDecimal[] usdt = fixture.reports.balances.get("USDT");
        assertEquals(0, usdt[2].signum(), "flat again: nothing unrealized");
        assertEquals(0, usdt[3].compareTo(usdt[0].add(usdt[1]).add(usdt[2])), "margin balance = wallet + unrealized");
    }

    @Test
    void shouldFollowLateAndPartialFuturesFillsOnTheStream() throws Exception
    {
        fixture.startStream();
        Eventually.holds("the futures stream is up", () -> fixture.exchange.openUserStreams() == 1);
        fixture.exchange.faults().lateFills(150).partialFills(2, 3_000);  // the second part well after the quote moves, even on a loaded machine
        final OrderTicket buy = ticket(41, "BUY", "MARKET", "0.02", null, null, false);
        fixture.session.place(buy);
        assertEquals(new BigDecimal("0.01000000"), fixture.reports.awaitStatus(41, Status.PARTIALLY_FILLED).state().executedQty(),
            "the first of two parts, late");
        assertEquals("0.01000000", position("BOTH").get("positionAmt"), "the exchange's position holds only the first part");
        fixture.exchange.quote("BTCUSDT", "65010.00", "65011.00");
        assertEquals(new BigDecimal("65006.00"), fixture.reports.awaitStatus(41, Status.FILLED).state().averagePrice(2),
            "(0.01 x 65001 + 0.01 x 65011) / 0.02: the second part at the quote of its moment");
        assertEquals("0.02000000", position("BOTH").get("positionAmt"));
        assertEquals(1, atExchange(buy));
    }

    @Test
    void shouldFillAnIocAtOnceEvenWhenFillsAreLate() throws Exception
    {
        fixture.exchange.faults().lateFills(10_000).partialFills(3, 1_000);
        fixture.session.place(new OrderTicket(42, fixture.dialect.clientOrderId("f1", 42), "BTCUSDT", "BUY", "LIMIT", "IOC",
            new BigDecimal("0.01"), new BigDecimal("65001.00"), null, false));
        assertEquals(new BigDecimal("0.01000000"), fixture.reports.awaitStatus(42, Status.FILLED).state().executedQty(),
            "IOC fills now or never, as on spot: the fault holds only orders that may wait");
    }

    private OrderTicket ticket(final long orderId, final String side, final String type, final String quantity, final String price,
        final String positionSide, final boolean reduceOnly)
    {
        return new OrderTicket(orderId, fixture.dialect.clientOrderId("f1", orderId), "BTCUSDT", side, type, "GTC", new BigDecimal(quantity),
            price == null ? null : new BigDecimal(price), positionSide, reduceOnly);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> position(final String side)
    {
        for (final Object p : (List<Object>)fixture.exchange.futuresAccount(ConnectorFixture.KEY).get("positions"))
        {
            if (side.equals(((Map<String, Object>)p).get("positionSide")))
            {
                return (Map<String, Object>)p;
            }
        }
        return Map.of("positionAmt", "0.00000000");
    }

    private Map<String, Object> sent(final OrderTicket ticket)
    {
        return fixture.exchange.futuresOrders(ConnectorFixture.KEY).stream().filter(o -> ticket.clientOrderId().equals(o.get("clientOrderId")))
            .findFirst().orElseThrow();
    }

    private long atExchange(final OrderTicket ticket)
    {
        return fixture.exchange.futuresOrders(ConnectorFixture.KEY).stream().filter(o -> ticket.clientOrderId().equals(o.get("clientOrderId")))
            .count();
    }
}
