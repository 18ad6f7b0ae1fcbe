package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.mt5.Mt5Connector;

/**
 * A real gateway: trade reports carrying the gateway's magic number are no longer free of every limit. They count
 * against {@code executors.gateway_trade_limit}, a window of their own: more of them than seed 000's
 * {@code trade_limit} are taken (a burst of the gateway's own orders is never refused), one past the generous limit is
 * 429 with retryAfter, and the executor's own reports keep seed 000's limit, apart.
 */
class ExecutorGatewayTradeLimitTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldBoundReportsCarryingTheGatewaysMagicByALimitOfTheirOwn()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "trade_limit: 2, gateway_trade_limit: 5, rate_window_seconds: 3600"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            for (int i = 0; i < 5; i++)
            {
                final GatewayHarness.Response taken = open(gateway, executor, 9000 + i, true);
                assertEquals(200, taken.status(), "report " + i + " of the gateway's own trading, past trade_limit 2: " + taken.body());
            }
            final GatewayHarness.Response flooded = open(gateway, executor, 9005, true);
            assertEquals(429, flooded.status(), flooded.body());
            assertEquals("RATE_LIMIT_EXCEEDED", flooded.at("code"));
            assertEquals(5, ((java.util.List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions")).size(),
                "the refused one made no position");

            assertEquals(200, open(gateway, executor, 8000, false).status(), "the executor's own reports count apart");
            assertEquals(200, open(gateway, executor, 8001, false).status());
            assertEquals(429, open(gateway, executor, 8002, false).status());
            gateway.closeAndCheckSnapshot();
        }
    }

    private static GatewayHarness.Response open(final GatewayHarness gateway, final GatewayHarness.Executor executor, final long ticket,
        final boolean gatewayMagic)
    {
        return gateway.call("POST", "/api/trade", "{\"executorId\":\"" + executor.id() + "\",\"ticket\":\"" + ticket + "\",\"symbol\":\"EURUSD\","
            + "\"type\":\"BUY\",\"lots\":0.01,\"openPrice\":1.08428,\"magicNumber\":" + (gatewayMagic ? Mt5Connector.MAGIC_NUMBER : 12345) + "}",
            executor.key(), executor.secret());
    }
}
