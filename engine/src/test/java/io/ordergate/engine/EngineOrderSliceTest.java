package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/**
 * An order list read in slices (issue 9 item 7): each slice writes at most 32 orders and looks at most at 2,048
 * positions, and walking the slices by their cursors gives the same list as one read, even with orders made between.
 */
class EngineOrderSliceTest
{
    private EngineDriver driver;

    @BeforeEach
    void setUp()
    {
        driver = EngineDriver.withQuotedPaperAccount();
    }

    @Test
    void shouldWalkSlicesOfAtMost32OrdersToTheSameListAsOneReadWithOrdersMadeBetween()
    {
        for (int i = 0; i < 100; i++)
        {
            driver.market("paper-1", i % 2 == 0 ? Side.BUY : Side.SELL, "EURUSD", "0.01");
        }
        final List<Object> whole = ids(Json.output(expect(ResultCode.OK, driver.listOrders("paper-1", CommandBodies.STATUS_ANY, 1000))));
        assertEquals(100, whole.size());

        final List<Object> walked = new ArrayList<>();
        long cursor = 0;
        int slices = 0;
        do
        {
            final Map<String, Object> slice = Json.output(expect(ResultCode.OK,
                driver.listOrderSlice("paper-1", CommandBodies.STATUS_ANY, 1000 - walked.size(), cursor)));
            final List<Object> ids = ids(slice);
            assertTrue(ids.size() <= 32, "a slice writes at most 32: " + ids.size());
            assertEquals(((Number)slice.get("written")).intValue(), ids.size());
            walked.addAll(ids);
            cursor = ((Number)slice.get("next")).longValue();
            slices++;
            driver.market("paper-1", Side.BUY, "EURUSD", "0.01");  // made after the read began: not in it
        }
        while (cursor != 0);
        assertEquals(whole, walked);
        assertEquals(4, slices, "100 orders in slices of 32");
    }

    @Test
    void shouldLookAtNoMoreThan2048PositionsPerSliceWhenFewMatch()
    {
        final EngineDriver driver = new EngineDriver(io.ordergate.config.ConfigLoader.parse(
            EngineDriver.CONFIG.replace("max_orders: 1024", "max_orders: 8192"), "test"));
        expect(ResultCode.CREATED, driver.createAccount("paper-1", "USD", "100000", 100));
        expect(ResultCode.ACCEPTED, driver.quote("EURUSD", "1.08420", "1.08428"));
        for (int i = 0; i < 3000; i++)
        {
            driver.market("paper-1", Side.BUY, "XAUUSD", "0.01");  // rejected: no price
        }
        driver.market("paper-1", Side.BUY, "EURUSD", "0.01");
        final long filledFirst = driver.market("paper-1", Side.BUY, "EURUSD", "0.01").order.orderId - 1;
        for (int i = 0; i < 3000; i++)
        {
            driver.market("paper-1", Side.BUY, "XAUUSD", "0.01");
        }
        final int filled = OrderStatus.FILLED.ordinal() + 2;
        final Map<String, Object> first = Json.output(driver.listOrderSlice("paper-1", filled, 1000, 0));
        assertEquals(List.of(), ids(first), "nothing filled among the newest 2048");
        final long next = ((Number)first.get("next")).longValue();
        assertTrue(next > 0, "the list goes on from an order id: " + next);
        final Map<String, Object> second = Json.output(driver.listOrderSlice("paper-1", filled, 1000, next));
        assertEquals(List.of("" + (filledFirst + 1), "" + filledFirst), ids(second));
    }

    /**
     * Open orders displaced from their slots (1,024 here) are walked after the slots. Orders displaced between two
     * slices joined that list at its newest end: a cursor counted in places of the list moved back by as many, and
     * read some orders twice. The cursor is an id, which no displacement moves.
     */
    @Test
    void shouldWalkDisplacedOpenOrdersOnceWhenMoreAreDisplacedBetweenSlices()
    {
        for (int i = 0; i < 45; i++)
        {
            expect(ResultCode.CREATED, driver.limit("paper-1", Side.BUY, "EURUSD", "0.01", "1.0"));  // resting: ids 1..45
        }
        while (driver.market("paper-1", Side.BUY, "EURUSD", "0.01").order.orderId < 1064)
        {
            driver.market("paper-1", Side.SELL, "EURUSD", "0.01");  // ids 1..40 displaced by 1025..1064
        }
        final Map<String, Object> first = Json.output(driver.listOrderSlice("paper-1", CommandBodies.STATUS_OPEN, 1000, 0));
        assertEquals(32, ids(first).size(), "45..41 from the slots, then 40..14 displaced");
        for (int i = 0; i < 3; i++)
        {
            driver.market("paper-1", Side.BUY, "EURUSD", "0.01");  // 1065..1067 displace 41..43, already read
        }
        final List<Object> walked = new ArrayList<>(ids(first));
        long cursor = ((Number)first.get("next")).longValue();
        while (cursor != 0)
        {
            final Map<String, Object> slice = Json.output(driver.listOrderSlice("paper-1", CommandBodies.STATUS_OPEN, 1000, cursor));
            walked.addAll(ids(slice));
            cursor = ((Number)slice.get("next")).longValue();
        }
        final List<Object> expected = new ArrayList<>();
        for (int id = 45; id >= 1; id--)
        {
            expected.add("" + id);
        }
        assertEquals(expected, walked, "each open order once, newest first");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldWalkTradeSlicesToTheSameListAsOneRead()
    {
        for (int i = 0; i < 70; i++)
        {
            driver.market("paper-1", i % 2 == 0 ? Side.BUY : Side.SELL, "EURUSD", "0.01");
        }
        final List<Object> whole = new ArrayList<>();
        ((List<Map<String, Object>>)Json.output(driver.listTrades("paper-1", 1000)).get("trades")).forEach(t -> whole.add(t.get("trade_id")));
        assertEquals(70, whole.size());
        final List<Object> walked = new ArrayList<>();
        long cursor = 0;
        do
        {
            final Map<String, Object> slice = Json.output(expect(ResultCode.OK, driver.listTradeSlice("paper-1", 1000 - walked.size(), cursor)));
            final List<Map<String, Object>> trades = (List<Map<String, Object>>)slice.get("trades");
            assertTrue(trades.size() <= 32);
            trades.forEach(t -> walked.add(t.get("trade_id")));
            cursor = ((Number)slice.get("next")).longValue();
        }
        while (cursor != 0);
        assertEquals(whole, walked);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(final Map<String, Object> json)
    {
        final List<Object> ids = new ArrayList<>();
        ((List<Map<String, Object>>)json.get("orders")).forEach(order -> ids.add(order.get("order_id")));
        return ids;
    }
}
