package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.TestGateway.Reply;

/**
 * An expert's {@code take_profit_pct} of 100 or more would put every sell's target at or below zero, so every sell it
 * places would be refused: the configuration is refused instead (400 on the field, at creation and in a strategy update,
 * nothing changed), as {@code stop_loss_pct} and {@code trailing_stop_pct} of 100 are. Below 100 a sell keeps its target.
 */
class ExpertTargetHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldRefuseATakeProfitPctOfAHundredOrMoreThatNoSellCouldHonour()
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(201, gateway.createAccount("tp-a", "100000").status());
            assertEquals(202, gateway.quote("BTCUSD", "50000.00", "50010.00").status());

            final Reply atHundred = gateway.post("/api/v1/experts", "{\"account_id\": \"tp-a\", \"strategy_config\": {\"symbol\": \"BTCUSD\","
                + " \"size_type\": \"fixed\", \"size_value\": 0.01, \"take_profit_pct\": 100}}");
            assertEquals(400, atHundred.status(), atHundred::toString);
            assertEquals("strategy_config.take_profit_pct", atHundred.errorField(), atHundred::toString);

            final Reply created = gateway.post("/api/v1/experts", "{\"account_id\": \"tp-a\", \"strategy_config\": {\"symbol\": \"BTCUSD\","
                + " \"size_type\": \"fixed\", \"size_value\": 0.01, \"take_profit_pct\": 99.5}}");
            assertEquals(201, created.status(), created::toString);
            final String expertId = created.text("expert_id");
            final Reply tooFar = gateway.send("PUT", "/api/v1/experts/" + expertId + "/strategy", "{\"take_profit_pct\": 150}", TestGateway.ADMIN);
            assertEquals(400, tooFar.status(), tooFar::toString);
            assertEquals("take_profit_pct", tooFar.errorField(), tooFar::toString);
            assertEquals(0, new BigDecimal("99.5").compareTo(gateway.get("/api/v1/experts/" + expertId).json().path("strategy_config")
                .path("take_profit_pct").decimalValue()), "unchanged");

            assertEquals(200, gateway.post("/api/v1/experts/" + expertId + "/control", "{\"action\": \"start\"}").status());
            final Reply sell = gateway.post("/api/v1/experts/" + expertId + "/orders", "{\"side\": \"sell\", \"type\": \"market\"}");
            assertEquals(201, sell.status(), sell::toString);
            // 99.5% below the entry (the bid, 50 000.00): 250.00
            assertEquals(0, new BigDecimal("250").compareTo(sell.json().path("order").path("take_profit").decimalValue()), sell::toString);
            assertEquals("filled", sell.text("status"), sell::toString);
        }
    }
}
