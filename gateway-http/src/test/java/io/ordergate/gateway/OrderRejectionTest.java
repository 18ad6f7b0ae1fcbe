package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;


import org.junit.jupiter.api.Test;

import io.ordergate.gateway.TestGateway.Reply;

/**
 * Every 422 order rejection the paper venue can give (EXECUTOR_OFFLINE needs an MT5 account without an executor,
 * which is the connector's test): 422 with the error and the order's fields, and the order recorded as rejected.
 */
class OrderRejectionTest extends QuotedGatewayTest
{
    private static String account(final String name, final String balance, final String risk)
    {
        assertEquals(201, gateway.createAccount(name, balance).status());
        if (risk != null)
        {
            final Reply set = gateway.send("PUT", "/api/v1/accounts/" + name + "/risk", risk, TestGateway.ADMIN);
            assertEquals(200, set.status(), set::toString);
        }
        return name;
    }

    private static String market(final String account, final String symbol, final String quantity)
    {
        return "{\"account_id\":\"" + account + "\",\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":" + quantity + "}";
    }

    private static String limit(final String account, final String price)
    {
        return "{\"account_id\":\"" + account + "\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"limit\",\"price\":" + price + ",\"quantity\":0.1}";
    }

    /** Checks the 422 body and that the order is recorded rejected with that code. */
    private static void assertRejected(final Reply reply, final String code)
    {
        assertEquals(422, reply.status(), reply::toString);
        assertEquals(code, reply.errorCode(), reply::toString);
        assertNotNull(reply.json().path("error").path("message").asText(null));
        assertEquals("rejected", reply.text("status"));
        assertEquals(code, reply.text("reject_code"));
        final String orderId = reply.text("order_id");
        assertNotNull(orderId);
        final Reply recorded = gateway.get("/api/v1/orders/" + orderId);
        assertEquals(200, recorded.status(), recorded::toString);
        assertEquals("rejected", recorded.text("status"));
        assertEquals(code, recorded.text("reject_code"));
    }

    @Test
    void unknownSymbol()
    {
        assertRejected(gateway.order(market("paper-1", "FOOBAR", "1")), "UNKNOWN_SYMBOL");
    }

    @Test
    void noPrice()
    {
        assertRejected(gateway.order(market("paper-1", "BTCUSD", "0.01")), "NO_PRICE");
    }

    @Test
    void accountPaused()
    {
        final String account = account("rej-paused", "100000", null);
        final Reply paused = gateway.post("/api/v1/accounts/" + account + "/pause", null);
        assertEquals(200, paused.status(), paused::toString);
        assertEquals("paused", paused.text("status"));
        assertRejected(gateway.order(market(account, "EURUSD", "0.1")), "ACCOUNT_PAUSED");

        final Reply resumed = gateway.post("/api/v1/accounts/" + account + "/resume", "{}");
        assertEquals("active", resumed.text("status"), resumed::toString);
        assertEquals(201, gateway.order(market(account, "EURUSD", "0.1")).status());

        final Reply closeAll = gateway.post("/api/v1/accounts/" + account + "/close-all", null);
        assertEquals(200, closeAll.status(), closeAll::toString);
        assertEquals(0, closeAll.json().path("open_positions").asInt());
    }

    @Test
    void maxOrderQuantity()
    {
        final String account = account("rej-qty", "100000", "{\"max_order_quantity\":0.5}");
        assertRejected(gateway.order(market(account, "EURUSD", "1")), "RISK_MAX_ORDER_QUANTITY");
    }

    @Test
    void maxNotional()
    {
        final String account = account("rej-notional", "100000", "{\"max_notional\":\"1000\"}");
        assertRejected(gateway.order(market(account, "EURUSD", "0.1")), "RISK_MAX_NOTIONAL");
    }

    @Test
    void maxPosition()
    {
        final String account = account("rej-position", "100000", "{\"max_position_quantity\":0.5}");
        assertEquals(201, gateway.order(market(account, "EURUSD", "0.5")).status());
        assertRejected(gateway.order(market(account, "EURUSD", "0.01")), "RISK_MAX_POSITION");
    }

    @Test
    void maxOpenOrders()
    {
        final String account = account("rej-open", "100000", "{\"max_open_orders\":1}");
        assertEquals("accepted", gateway.order(limit(account, "1.08000")).text("status"));
        assertRejected(gateway.order(limit(account, "1.08001")), "RISK_MAX_OPEN_ORDERS");
    }

    @Test
    void priceCollar()
    {
        final String account = account("rej-collar", "100000", "{\"price_collar_pct\":1}");
        assertEquals("accepted", gateway.order(limit(account, "1.08000")).text("status"), "0.4% away is inside the collar");
        assertRejected(gateway.order(limit(account, "1.05000")), "RISK_PRICE_COLLAR");
    }

    @Test
    void throttle()
    {
        final String account = account("rej-throttle", "100000", "{\"max_orders_per_second\":1}");
        // Two orders in one wall-clock second trip the throttle; ten back-to-back orders always hold such a pair.
        for (int i = 0; i < 10; i++)
        {
            final Reply reply = gateway.order(limit(account, "1.0700" + i));
            if (reply.status() == 422)
            {
                assertRejected(reply, "RISK_THROTTLE");
                return;
            }
        }
        throw new AssertionError("ten orders within a few milliseconds were never throttled");
    }

    @Test
    void dailyLoss()
    {
        final String account = account("rej-loss", "100000", null);
        assertEquals(201, gateway.order(market(account, "EURUSD", "1")).status());  // bought at the ask: -8 USD at the bid
        final Reply set = gateway.send("PUT", "/api/v1/accounts/" + account + "/risk", "{\"max_daily_loss\":5}", TestGateway.ADMIN);
        assertEquals("5", set.json().path("risk").path("max_daily_loss").decimalValue().toPlainString(), set::toString);
        assertRejected(gateway.order(market(account, "EURUSD", "0.1")), "RISK_DAILY_LOSS");

        final Reply cleared = gateway.send("PUT", "/api/v1/accounts/" + account + "/risk", "{\"max_daily_loss\":null}", TestGateway.ADMIN);
        assertEquals("null", cleared.json().path("risk").path("max_daily_loss").toString());
        assertEquals(201, gateway.order(market(account, "EURUSD", "0.1")).status());
    }

    @Test
    void insufficientMargin()
    {
        final String account = account("rej-margin", "100", null);  // 1 lot EURUSD at 1:100 needs about 1084 USD
        assertRejected(gateway.order(market(account, "EURUSD", "1")), "INSUFFICIENT_MARGIN");
    }
}
