package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edges of sizing group members, over real HTTP against a real gateway (docs/groups-and-webhooks.md, "Sizing"). */
class GroupSizingEdgesTest
{
    @TempDir
    Path dataDir;

    /**
     * 0.19999999 × 0.5 is 0.099999995: rounded half-even to 8 digits it became 0.10000000 and then a whole 0.10 lots,
     * one lot step more than the exact size rounded down (0.09). The same for equity_ratio (0.19999999 × 100000 ÷ 200000).
     */
    @Test
    void shouldRoundAMultipliedSizeDownNeverUpToTheNextLotStep()
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(201, gateway.createAccount("m-half", "100000").status());
            assertEquals(201, gateway.createAccount("m-ratio", "100000").status());
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            assertEquals(201, gateway.post("/api/v1/groups", "{\"group_id\": \"halves\", \"members\": ["
                + "{\"account_id\": \"m-half\", \"sizing\": {\"mode\": \"multiplier\", \"value\": 0.5}},"
                + "{\"account_id\": \"m-ratio\", \"sizing\": {\"mode\": \"equity_ratio\", \"value\": 200000}}]}").status());

            final TestGateway.Reply order = gateway.post("/api/v1/groups/halves/orders",
                "{\"symbol\": \"EURUSD\", \"side\": \"buy\", \"quantity\": 0.19999999}");
            assertEquals(201, order.status(), order.toString());
            for (final JsonNode result : order.json().path("results"))
            {
                assertEquals("filled", result.path("status").asText(), result.toString());
                assertEquals("0.09", result.path("quantity").decimalValue().toPlainString(), result.toString());
                assertEquals("0.09999999", result.path("sizing").path("raw_quantity").decimalValue().toPlainString(), result.toString());
                assertEquals("lot_step", result.path("sizing").path("clamped_by").asText(), result.toString());
            }
        }
    }

    /**
     * A JPY account cannot value EURUSD (neither of its currencies): its risk_percent member was refused
     * STOP_LOSS_REQUIRED although the order had a stop; it is refused NO_PRICE, as the same account's own order is.
     */
    @Test
    void shouldRefuseARiskSizedMemberWhoseCurrencyCannotValueTheSymbolNoPriceNotStopLossRequired()
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(201, gateway.post("/api/v1/accounts", "{\"account_id\": \"m-jpy\", \"currency\": \"JPY\", \"balance\": 10000000}").status());
            assertEquals(201, gateway.createAccount("m-usd", "100000").status());
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            assertEquals(201, gateway.post("/api/v1/groups", "{\"group_id\": \"mixed\", \"members\": ["
                + "{\"account_id\": \"m-jpy\", \"sizing\": {\"mode\": \"risk_percent\", \"value\": 1}},"
                + "{\"account_id\": \"m-usd\", \"sizing\": {\"mode\": \"risk_percent\", \"value\": 1}}]}").status());

            final TestGateway.Reply order = gateway.post("/api/v1/groups/mixed/orders",
                "{\"symbol\": \"EURUSD\", \"side\": \"buy\", \"quantity\": 1, \"stop_loss\": 1.08228}");
            assertEquals(201, order.status(), order.toString());
            final JsonNode yen = order.json().path("results").get(0);
            assertEquals("rejected", yen.path("status").asText(), yen.toString());
            assertEquals("NO_PRICE", yen.path("reject_code").asText(), yen.toString());
            // the other member is sized on its own: 1% of 100000 at a 20-pip stop (200.00 a lot) is 5 lots
            final JsonNode dollar = order.json().path("results").get(1);
            assertEquals("filled", dollar.path("status").asText(), dollar.toString());
            assertEquals("5", dollar.path("quantity").decimalValue().stripTrailingZeros().toPlainString());
        }
    }

    /**
     * Seed 003's execute sizes by margin without a stop: 1% of 99,999.50 is 999.995 of margin, at 100:1 on a 1.00000 price
     * 0.99999 lots, so 0.99. Half-even made the margin 1,000.00 and the member 1.00 lots: over the percent asked.
     */
    @Test
    void shouldSizeByMarginDownNeverOverThePercentOfEquityAsked()
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(201, gateway.createAccount("m-margin", "99999.50").status());
            assertEquals(202, gateway.quote("EURUSD", "0.99990", "1.00000").status());
            assertEquals(201, gateway.post("/api/v1/groups", "{\"group_id\": \"margin\", \"accounts\": [\"m-margin\"]}").status());

            final TestGateway.Reply order = gateway.post("/api/v1/trading/group/margin/execute",
                "{\"symbol\": \"EURUSD\", \"side\": \"buy\", \"order_type\": \"market\", \"risk_percentage\": 1, \"leverage\": 100}");
            assertEquals(201, order.status(), order.toString());
            final JsonNode result = order.json().path("results").get(0);
            assertEquals("filled", result.path("status").asText(), result.toString());
            assertEquals("margin", result.path("sizing").path("basis").asText(), result.toString());
            assertEquals("999.99", result.path("sizing").path("inputs").path("margin").decimalValue().toPlainString(), result.toString());
            assertEquals("0.99", result.path("quantity").decimalValue().toPlainString(), result.toString());
        }
    }
}
