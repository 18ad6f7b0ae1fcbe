package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ordergate.config.VenueKind;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.venue.Venue;

/** The venue SPI: an account's orders go to the venue plugged in for its kind, and nothing special-cases paper. */
class EngineVenueTest
{
    private EngineDriver driver;

    @BeforeEach
    void setUp()
    {
        driver = EngineDriver.withPaperAccount();
        expect(ResultCode.CREATED, driver.createAccount("mt5-1", VenueKind.MT5, "USD", "10000", 100));
        expect(ResultCode.ACCEPTED, driver.quote("EURUSD", "1.08420", "1.08428"));
    }

    @Test
    void ordersOfAKindWithNoVenuePluggedInAreRejectedExecutorOffline()
    {
        final CommandEvent order = expect(ResultCode.EXECUTOR_OFFLINE, driver.market("mt5-1", Side.BUY, "EURUSD", "0.10"));
        assertEquals(OrderStatus.REJECTED, order.order.status);
        assertEquals(ResultCode.EXECUTOR_OFFLINE, expect(ResultCode.OK, driver.getOrder(order.order.orderId)).order.rejectCode);
    }

    @Test
    void anAccountsOrdersGoToTheVenuePluggedInForItsKindAndOnlyThere()
    {
        final RecordingVenue venue = new RecordingVenue();
        driver.engine.registerVenue(VenueKind.MT5, venue);

        final CommandEvent routed = expect(ResultCode.CREATED, driver.market("mt5-1", Side.BUY, "EURUSD", "0.10"));
        assertEquals(OrderStatus.ROUTED, routed.order.status);
        assertEquals(List.of("route " + routed.order.orderId + " mt5-1 EURUSD"), venue.calls);

        final CommandEvent paper = expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.10"));
        assertEquals(OrderStatus.FILLED, paper.order.status, "the paper account still trades on the paper venue");
        assertEquals(1, venue.calls.size());
    }

    @Test
    void aCancelIsAnsweredByTheOrdersVenue()
    {
        final RecordingVenue venue = new RecordingVenue();
        driver.engine.registerVenue(VenueKind.MT5, venue);
        final long orderId = expect(ResultCode.CREATED, driver.market("mt5-1", Side.BUY, "EURUSD", "0.10")).order.orderId;

        final CommandEvent refused = expect(ResultCode.CONFLICT, driver.cancel(orderId));
        assertEquals("the order is at the venue and cannot be cancelled here", refused.resultMessage);

        venue.cancelAnswer = ResultCode.ACCEPTED;
        final CommandEvent sent = expect(ResultCode.ACCEPTED, driver.cancel(orderId));
        assertEquals(OrderStatus.ROUTED, sent.order.status, "an asynchronous venue's report settles the cancel later");
        assertEquals("cancel " + orderId, venue.calls.get(venue.calls.size() - 1));
    }

    @Test
    void quotesReachEveryVenueAndCloseAllCancelsOpenOrdersAtTheAccountsVenue()
    {
        final RecordingVenue venue = new RecordingVenue();
        driver.engine.registerVenue(VenueKind.MT5, venue);
        expect(ResultCode.ACCEPTED, driver.quote("XAUUSD", "2400.10", "2400.50"));
        assertEquals(List.of("quoted XAUUSD"), venue.calls);

        expect(ResultCode.OK, driver.closeAll("paper-1"));
        assertEquals(1, venue.calls.size(), "another kind's account is not this venue's business");
        expect(ResultCode.OK, driver.closeAll("mt5-1"));
        assertEquals("cancel open orders mt5-1", venue.calls.get(1));
        assertEquals("paused", driver.account("mt5-1").get("status"));
    }

    @Test
    void aPositionIdTheEngineDoesNotHoldIsAskedOfTheVenuesHoldingPositions()
    {
        final RecordingVenue venue = new RecordingVenue();
        venue.holdsPositions = true;
        driver.engine.registerVenue(VenueKind.MT5, venue);
        expect(ResultCode.NOT_FOUND, driver.closePosition(777));
        expect(ResultCode.NOT_FOUND, driver.modifyPosition(777, "1.07000", null));
        assertEquals(List.of("close position 777", "modify position 777"), venue.calls);
    }

    @Test
    void aKindTakesOneVenue()
    {
        driver.engine.registerVenue(VenueKind.MT5, new RecordingVenue());
        assertThrows(IllegalStateException.class, () -> driver.engine.registerVenue(VenueKind.MT5, new RecordingVenue()));
        assertThrows(IllegalStateException.class, () -> driver.engine.registerVenue(VenueKind.PAPER, new RecordingVenue()),
            "the paper venue is plugged in like any other");
    }

    /** An asynchronous venue that routes every order and records what the engine asked of it. */
    private static final class RecordingVenue implements Venue
    {
        final List<String> calls = new ArrayList<>();
        ResultCode cancelAnswer = ResultCode.CONFLICT;
        boolean holdsPositions;

        @Override
        public ResultCode route(final Order order, final Account account, final Instrument instrument, final CommandEvent event)
        {
            calls.add("route " + order.orderId + " " + account.id + " " + instrument.symbol);
            order.status = OrderStatus.ROUTED;
            return null;
        }

        @Override
        public ResultCode cancel(final Order order, final Account account, final CommandEvent event)
        {
            calls.add("cancel " + order.orderId);
            return cancelAnswer;
        }

        @Override
        public int cancelOpenOrders(final Account account, final CommandEvent event)
        {
            calls.add("cancel open orders " + account.id);
            return 0;
        }

        @Override
        public void quoted(final Instrument instrument, final CommandEvent event)
        {
            calls.add("quoted " + instrument.symbol);
        }

        @Override
        public boolean holdsPositions()
        {
            return holdsPositions;
        }

        @Override
        public ResultCode closePosition(final long positionId, final boolean hasQuantity, final long wireQuantity, final CommandEvent event)
        {
            calls.add("close position " + positionId);
            return NOT_HELD;
        }

        @Override
        public ResultCode modifyPosition(
            final long positionId, final int flags, final long wireStopLoss, final long wireTakeProfit, final CommandEvent event)
        {
            calls.add("modify position " + positionId);
            return NOT_HELD;
        }
    }
}
