package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** Reads answer API.md's shapes from the engine's state, and change nothing. */
class EngineQueryTest
{
    private EngineDriver driver;

    @BeforeEach
    void setUp()
    {
        driver = EngineDriver.withPaperAccount();
        expect(ResultCode.ACCEPTED, driver.quote("EURUSD", "1.08420", "1.08428"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(final Map<String, Object> json, final String name)
    {
        return (List<Map<String, Object>>)json.get(name);
    }

    private static List<String> ids(final List<Map<String, Object>> items, final String field)
    {
        final List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add((String)item.get(field)));
        return ids;
    }

    @Test
    void listOrdersNewestFirstWithStatusFiltersAndLimit()
    {
        final long filled = driver.market("paper-1", Side.BUY, "EURUSD", "0.01").order.orderId;
        final long resting = driver.limit("paper-1", Side.BUY, "EURUSD", "0.01", "1.08000").order.orderId;
        final long rejected = driver.market("paper-1", Side.BUY, "XAUUSD", "0.01").order.orderId;
        final long cancelled = driver.limit("paper-1", Side.SELL, "EURUSD", "0.01", "1.09000").order.orderId;
        driver.cancel(cancelled);
        final long digest = driver.digest();

        final Map<String, Object> all = Json.output(expect(ResultCode.OK, driver.listOrders("paper-1", CommandBodies.STATUS_ANY, 0)));
        assertEquals(List.of("" + cancelled, "" + rejected, "" + resting, "" + filled), ids(list(all, "orders"), "order_id"));
        final Map<String, Object> open = Json.output(driver.listOrders("paper-1", CommandBodies.STATUS_OPEN, 10));
        assertEquals(List.of("" + resting), ids(list(open, "orders"), "order_id"));
        final Map<String, Object> onlyFilled = Json.output(driver.listOrders("", OrderStatus.FILLED.ordinal() + 2, 10));
        assertEquals(List.of("" + filled), ids(list(onlyFilled, "orders"), "order_id"));
        final Map<String, Object> onlyRejected = Json.output(driver.listOrders("", OrderStatus.REJECTED.ordinal() + 2, 10));
        assertEquals("NO_PRICE", list(onlyRejected, "orders").get(0).get("reject_code"));
        final Map<String, Object> two = Json.output(driver.listOrders("paper-1", CommandBodies.STATUS_ANY, 2));
        assertEquals(List.of("" + cancelled, "" + rejected), ids(list(two, "orders"), "order_id"));
        expect(ResultCode.NOT_FOUND, driver.listOrders("nobody", CommandBodies.STATUS_ANY, 10));
        assertEquals(digest, driver.digest());
    }

    @Test
    void orderJsonHasEveryFieldOfApiMd()
    {
        final Map<String, Object> order = Json.order(driver.order("paper-1", Side.BUY, io.ordergate.engine.command.OrderType.LIMIT, "EURUSD", "0.10")
            .price("1.08000").stopLoss("1.07000").clientOrderId("my-42").send().order);
        for (final String field : List.of("order_id", "client_order_id", "account_id", "symbol", "side", "type", "quantity",
            "price", "stop_loss", "take_profit", "time_in_force", "status", "filled_quantity", "average_price",
            "venue_order_id", "reject_code", "created_at", "updated_at"))
        {
            assertTrue(order.containsKey(field), field + " missing in " + order);
        }
        assertEquals("my-42", order.get("client_order_id"));
        assertEquals("limit", order.get("type"));
        assertEquals("gtc", order.get("time_in_force"));
        assertEquals("accepted", order.get("status"));
        assertTrue(Json.matches(order.get("price"), "1.08"));
        assertTrue(Json.matches(order.get("stop_loss"), "1.07"));
        assertNull(order.get("take_profit"));
        assertNull(order.get("average_price"));
        assertNull(order.get("venue_order_id"));
        assertTrue(Json.matches(order.get("filled_quantity"), "0"));
        assertEquals(order, list(Json.output(driver.listOrders("", 0, 1)), "orders").get(0), "the same shape from a list");
    }

    @Test
    void listPositionsShowsOneNetPositionPerSymbolWithApiFields()
    {
        driver.quote("XAUUSD", "2380.50", "2380.85");
        driver.market("paper-1", Side.BUY, "EURUSD", "0.10");
        driver.market("paper-1", Side.BUY, "EURUSD", "0.20");
        driver.market("paper-1", Side.SELL, "XAUUSD", "0.10");
        final List<Map<String, Object>> positions = list(Json.output(expect(ResultCode.OK, driver.listPositions("paper-1"))), "positions");
        assertEquals(2, positions.size());
        final Map<String, Object> eurusd = positions.get(0);
        assertEquals(List.of("position_id", "account_id", "symbol", "side", "quantity", "open_price", "current_price",
            "stop_loss", "take_profit", "trailing_stop", "stops", "unrealized_pnl", "pnl_percent", "leverage", "margin_used",
            "liquidation_price", "opened_at"), new ArrayList<>(eurusd.keySet()));
        assertTrue(Json.matches(eurusd.get("quantity"), "0.3"));
        assertTrue(Json.matches(eurusd.get("open_price"), "1.08428"));
        assertTrue(Json.matches(eurusd.get("current_price"), "1.0842"));
        assertTrue(Json.matches(eurusd.get("unrealized_pnl"), "-2.4"), eurusd.toString());  // -0.00008 * 30000
        assertEquals("sell", positions.get(1).get("side"));
        assertTrue(Json.matches(positions.get(1).get("current_price"), "2380.85"), "a short is marked at the ask");
        assertEquals("2026-11-22T10:00:00.000Z", eurusd.get("opened_at"));
    }

    @Test
    void listTradesNewestFirstWithLimit()
    {
        final long first = driver.market("paper-1", Side.BUY, "EURUSD", "0.10").order.orderId;
        driver.quote("EURUSD", "1.08528", "1.08536");
        final long second = driver.market("paper-1", Side.SELL, "EURUSD", "0.10").order.orderId;
        final List<Map<String, Object>> trades = list(Json.output(expect(ResultCode.OK, driver.listTrades("paper-1", 10))), "trades");
        assertEquals(List.of("" + second, "" + first), ids(trades, "order_id"));
        assertTrue(Json.matches(trades.get(0).get("realized_pnl"), "10"), trades.toString());
        assertTrue(Json.matches(trades.get(0).get("price"), "1.08528"));
        assertTrue(Json.matches(trades.get(1).get("realized_pnl"), "0"));
        assertEquals(trades.get(0).get("position_id"), trades.get(1).get("position_id"));
        assertEquals(1, list(Json.output(driver.listTrades("", 1)), "trades").size());
    }

    @Test
    void getAccountValuesEquityAndMarginAtTheCurrentQuotes()
    {
        driver.market("paper-1", Side.BUY, "EURUSD", "0.10");  // at 1.08428
        driver.quote("EURUSD", "1.08528", "1.08536");
        final Map<String, Object> account = driver.account("paper-1");
        // unrealized (1.08528 - 1.08428) * 10000 = 10.00; margin 10000 * 1.08528 / 100 = 108.528 -> 108.53
        assertTrue(Json.matches(account.get("balance"), "100000"), account.toString());
        assertTrue(Json.matches(account.get("equity"), "100010"), account.toString());
        assertTrue(Json.matches(account.get("margin_used"), "108.53"), account.toString());
        assertTrue(Json.matches(account.get("margin_available"), "99901.47"), account.toString());
        assertTrue(Json.matches(account.get("open_positions"), "1"));
        assertEquals("active", account.get("status"));
        assertEquals("paper", account.get("venue"));
        assertEquals("USD", account.get("currency"));
        assertNull(Json.at(account, "risk", "max_notional"));
        driver.setRisk("paper-1", "max_notional", "250000.5");
        assertTrue(Json.matches(Json.at(driver.account("paper-1"), "risk", "max_notional"), "250000.5"));
    }

    @Test
    void getQuoteAnswersTheLatestQuoteOrNotFound()
    {
        final Map<String, Object> quote = Json.output(expect(ResultCode.OK, driver.getQuote("EURUSD")));
        assertEquals("EURUSD", quote.get("symbol"));
        assertTrue(Json.matches(quote.get("bid"), "1.0842"));
        assertTrue(Json.matches(quote.get("ask"), "1.08428"));
        assertEquals("2026-11-22T10:00:00.000Z", quote.get("time"));
        expect(ResultCode.NOT_FOUND, driver.getQuote("XAUUSD"));
        expect(ResultCode.NOT_FOUND, driver.getQuote("NOPE"));
    }

    @Test
    void quotesAreValidatedWholeBeforeAnyIsApplied()
    {
        final long digest = driver.digest();
        assertEquals("ask", expect(ResultCode.VALIDATION_ERROR, driver.quote("EURUSD", "1.08420", "1.08410")).resultField);
        assertEquals("bid", expect(ResultCode.VALIDATION_ERROR, driver.quote("EURUSD", "1.084201", "1.08430")).resultField);
        assertEquals("bid", expect(ResultCode.VALIDATION_ERROR, driver.quote("EURUSD", "0", "1.08430")).resultField);
        expect(ResultCode.UNKNOWN_SYMBOL, driver.quote("NOPE", "1", "2"));
        assertEquals(digest, driver.digest());
    }

    @Test
    void onlyAdminsMayPublishQuotes()
    {
        final int reader = driver.createKey("k-read", CommandBodies.SCOPE_READ, "paper-1");
        final int trader = driver.createKey("k-trade", CommandBodies.SCOPE_TRADE, "paper-1");
        final long digest = driver.digest();
        expect(ResultCode.FORBIDDEN, driver.as(reader).quote("EURUSD", "1.00000", "1.00001"));
        expect(ResultCode.FORBIDDEN, driver.as(trader).quote("EURUSD", "1.00000", "1.00001"));
        assertEquals(digest, driver.digest());
        final int admin = driver.asSystem().createKey("k-admin", CommandBodies.SCOPE_ADMIN);
        expect(ResultCode.ACCEPTED, driver.as(admin).quote("EURUSD", "1.00000", "1.00001"));
    }
}
