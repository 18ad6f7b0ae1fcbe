package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clean stop leaves a checkpoint in the journal (the engine's state digest there); the next start's replay checks
 * itself against it: the same code and configuration agree, and a changed rule that decides an old order differently
 * (here a lower max_quantity) is reported, not silently replayed into another state.
 */
class ReplayCheckpointTest
{
    private static final String ORDER = "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":2}";

    @TempDir
    Path dataDir;

    @Test
    void aReplayAgreesWithTheLiveRunAtItsCleanStopAndSaysSoWhenARuleDecidesAnOldOrderDifferently()
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            final TestGateway.Reply filled = gateway.post("/api/v1/orders", ORDER);
            assertEquals(201, filled.status(), filled::toString);
            assertEquals(0, checkpoints(gateway, "matched") + checkpoints(gateway, "diverged"), "a first start has none");
            gateway.restart();
            assertEquals(1, checkpoints(gateway, "matched"), "the stop's checkpoint, met by the same code and configuration");
            assertEquals(0, checkpoints(gateway, "diverged"));
        }
        try (TestGateway lowered = TestGateway.startEdited(dataDir, c -> c.replace("max_quantity: 100,", "max_quantity: 1,")))
        {
            // the 2-lot order, filled live, is refused when replayed under max_quantity 1: every checkpoint after it differs
            assertEquals(0, checkpoints(lowered, "matched"));
            assertEquals(2, checkpoints(lowered, "diverged"));
        }
    }

    private static long checkpoints(final TestGateway gateway, final String result)
    {
        final String sample = "ordergate_replay_checkpoints{result=\"" + result + "\"} ";
        for (final String line : gateway.get("/metrics").body().split("\n"))
        {
            if (line.startsWith(sample))
            {
                return (long)Double.parseDouble(line.substring(sample.length()).trim());
            }
        }
        throw new AssertionError("no " + sample + "in /metrics");
    }
}
