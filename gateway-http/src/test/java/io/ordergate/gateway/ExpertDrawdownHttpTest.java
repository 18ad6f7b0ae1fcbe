package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.TestGateway.Reply;

/**
 * An expert started on an account that holds nothing yet (an exchange account made for it whose first balance read has
 * not landed) has a peak equity of 0: equity 0 is no loss from it, so a quote does not stop the expert by its drawdown
 * (a real fall from a peak still does: ExpertEngineTest, ExpertsHttpTest).
 */
class ExpertDrawdownHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldNotStopAnExpertWhoseAccountHasLostNothingFromAPeakOfZero()
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(201, gateway.createAccount("dd-empty", "0").status());
            final Reply created = gateway.post("/api/v1/experts", "{\"account_id\": \"dd-empty\", \"strategy_config\": {\"symbol\": \"BTCUSD\","
                + " \"size_type\": \"fixed\", \"size_value\": 0.01, \"max_drawdown_pct\": 0.2}}");
            assertEquals(201, created.status(), created::toString);
            final String expertId = created.text("expert_id");
            assertEquals(200, gateway.post("/api/v1/experts/" + expertId + "/control", "{\"action\": \"start\"}").status());

            assertEquals(202, gateway.quote("BTCUSD", "50000.00", "50010.00").status());
            final Reply status = gateway.get("/api/v1/experts/" + expertId);
            assertEquals("running", status.text("status"), status::toString);
            final Reply logs = gateway.get("/api/v1/experts/" + expertId + "/logs?log_type=error");
            assertEquals(0, logs.json().path("logs").size(), logs::toString);
        }
    }
}
