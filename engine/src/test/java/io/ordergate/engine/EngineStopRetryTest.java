package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.VenueKind;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.venue.Venue;

/**
 * A stop loss or take profit whose closing order could not be made or was refused by the venue stays on the position:
 * the next quote past it tries again (once per quote), until a close goes through.
 */
class EngineStopRetryTest
{
    /** An account ext-1 on a venue that refuses closes on demand, and a EURUSD quote. */
    private static RefusingVenue refusingAccount(final EngineDriver driver)
    {
        final RefusingVenue venue = new RefusingVenue(driver.engine);
        driver.engine.registerVenue(VenueKind.MT5, venue);
        expect(ResultCode.CREATED, driver.createAccount("ext-1", VenueKind.MT5, "USD", "100000", 100));
        expect(ResultCode.ACCEPTED, driver.quote("EURUSD", "1.08420", "1.08428"));
        return venue;
    }

    @Test
    void aStopWhoseCloseTheVenueRefusesStaysAndClosesAtTheFirstQuoteTheVenueTakesIt()
    {
        final EngineDriver driver = EngineDriver.withPaperAccount();
        final RefusingVenue venue = refusingAccount(driver);
        expect(ResultCode.CREATED, driver.order("ext-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.10").stopLoss("1.08300").send());

        venue.refusing = true;
        driver.quote("EURUSD", "1.08290", "1.08298");
        assertEquals(List.of("stop_loss rejected"), venue.closes(), "one try, refused");
        assertStopLoss(driver, "1.083");
        driver.quote("EURUSD", "1.08280", "1.08288");
        assertEquals(List.of("stop_loss rejected", "stop_loss rejected"), venue.closes(), "the next quote tries once more");
        assertStopLoss(driver, "1.083");

        venue.refusing = false;
        driver.quote("EURUSD", "1.08270", "1.08278");
        assertEquals("stop_loss filled", venue.closes().get(2));
        assertEquals(3, venue.closes().size());
        assertNull(driver.position("ext-1", "EURUSD"));
        driver.quote("EURUSD", "1.08260", "1.08268");
        assertEquals(3, venue.closes().size(), "the position is closed: nothing more is sent");
    }

    @Test
    void aTrailingStopFollowsTheQuoteEvenWhenTheCloseOfAnotherLegIsRefused()
    {
        final EngineDriver driver = EngineDriver.withPaperAccount();
        final RefusingVenue venue = refusingAccount(driver);
        expect(ResultCode.CREATED, driver.order("ext-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.10").takeProfit("1.08500").send());
        // 20 pips under the ask: 1.08228
        expect(ResultCode.CREATED, driver.order("ext-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.10").trailingStopPips("20").send());

        venue.refusing = true;
        driver.quote("EURUSD", "1.08600", "1.08608");
        assertEquals(List.of("take_profit rejected"), venue.closes(), "the first leg's target is reached, its close refused");
        final Object trailing = Json.at(driver.position("ext-1", "EURUSD"), "stops", 1);
        assertTrue(Json.matches(Json.at(trailing, "stop_loss"), "1.084"), "the second leg trails 20 pips under the bid: " + trailing);

        venue.refusing = false;
        driver.quote("EURUSD", "1.08390", "1.08398");
        assertEquals("stop_loss filled", venue.closes().get(1), "the trailed stop is reached");
        assertTrue(Json.matches(driver.position("ext-1", "EURUSD").get("quantity"), "0.1"), "the first leg is left");
    }

    @Test
    void aStopReachedWhileTheOrderTableIsFullStaysAndClosesOnceThereIsRoom()
    {
        final EngineDriver driver = new EngineDriver(ConfigLoader.parse(EngineDriver.CONFIG.replace("max_orders: 1024", "max_orders: 16"), "test"));
        expect(ResultCode.CREATED, driver.createAccount("paper-1", "USD", "100000", 100));
        expect(ResultCode.ACCEPTED, driver.quote("EURUSD", "1.08420", "1.08428"));
        expect(ResultCode.CREATED, driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.10").takeProfit("1.08600").send());
        final List<Long> resting = new ArrayList<>();
        CommandEvent limit = driver.limit("paper-1", Side.BUY, "EURUSD", "0.01", "1.00000");
        while (limit.result == ResultCode.CREATED)
        {
            resting.add(limit.order.orderId);
            limit = driver.limit("paper-1", Side.BUY, "EURUSD", "0.01", "1.00000");
        }
        assertEquals(ResultCode.RISK_MAX_OPEN_ORDERS, limit.result, "the order table is full of open orders");

        driver.quote("EURUSD", "1.08600", "1.08608");
        final Map<String, Object> position = driver.position("paper-1", "EURUSD");
        assertNotNull(position, "no closing order could be made");
        assertTrue(Json.matches(position.get("take_profit"), "1.086"), "the target is still there: " + position);

        for (final long orderId : resting)
        {
            expect(ResultCode.OK, driver.cancel(orderId));
        }
        driver.quote("EURUSD", "1.08610", "1.08618");
        assertNull(driver.position("paper-1", "EURUSD"), "the next quote past the target closes the position");
    }

    private static void assertStopLoss(final EngineDriver driver, final String stopLoss)
    {
        final Map<String, Object> position = driver.position("ext-1", "EURUSD");
        assertNotNull(position, "the position is still open");
        assertTrue(Json.matches(position.get("stop_loss"), stopLoss), "the stop is still there: " + position);
    }

    /**
     * A venue whose positions are the engine's (like an exchange's): fills at the quote when it takes an order, as the
     * paper venue does, and refuses every order at once while {@link #refusing} (a ban, a lost connection).
     */
    private static final class RefusingVenue implements Venue
    {
        private final Engine engine;
        /** The engine's closing orders this venue was given: origin and what became of each, in order. */
        private final List<String> closes = new ArrayList<>();
        boolean refusing;

        RefusingVenue(final Engine engine)
        {
            this.engine = engine;
        }

        @Override
        public ResultCode route(final Order order, final Account account, final Instrument instrument, final CommandEvent event)
        {
            if (refusing)
            {
                order.reject(ResultCode.VENUE_UNAVAILABLE, null, order.createdAtMicros);
            }
            else
            {
                final long price = instrument.executablePrice(order.side == Side.BUY);
                engine.context().ledger().fill(account, instrument, order, order.quantity, price, order.createdAtMicros);
                order.status = OrderStatus.FILLED;
                order.filledQuantity = order.quantity;
                order.averagePrice = price;
            }
            if (order.origin != null)
            {
                closes.add(order.origin + (refusing ? " rejected" : " filled"));
            }
            return refusing ? ResultCode.VENUE_UNAVAILABLE : null;
        }

        List<String> closes()
        {
            return closes;
        }
    }
}
