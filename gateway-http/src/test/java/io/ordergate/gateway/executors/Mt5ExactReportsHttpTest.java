package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real gateway: an executor's trade report of a ticket opened by hand whose lots or price is finer than the
 * instrument's digits gets a 400 naming the field and the value; nothing is opened or changed, and the journal replays
 * to the same state.
 */
class Mt5ExactReportsHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldAnswerTheExecutorWhichFieldIsFinerThanTheInstrumentsDigitsAndApplyNothing()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            final GatewayHarness.Response refused = trade(gateway, executor, "\"lots\":0.015,\"openPrice\":1.08428");
            assertEquals(400, refused.status(), refused.body());
            assertTrue(refused.body().contains("lots 0.015 has more decimal places than EURUSD's lot digits (2"), refused.body());
            final GatewayHarness.Response finePrice = trade(gateway, executor, "\"lots\":0.10,\"openPrice\":1.084281");
            assertEquals(400, finePrice.status(), finePrice.body());
            assertTrue(finePrice.body().contains("openPrice 1.084281 has more decimal places than EURUSD's price digits (5)"), finePrice.body());
            assertEquals(List.of(), gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions"));

            assertEquals(200, trade(gateway, executor, "\"lots\":0.10,\"openPrice\":1.08428").status());
            final Map<?, ?> position = (Map<?, ?>)((List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions")).get(0);
            assertEquals(new BigDecimal("1.08428"), position.get("open_price"));
            gateway.closeAndCheckSnapshot();
        }
    }

    private static GatewayHarness.Response trade(final GatewayHarness gateway, final GatewayHarness.Executor executor, final String numbers)
    {
        return gateway.call("POST", "/api/trade", "{\"executorId\":\"" + executor.id() + "\",\"ticket\":\"5001\",\"symbol\":\"EURUSD\",\"type\":\"BUY\","
            + numbers + "}", executor.key(), executor.secret());
    }
}
